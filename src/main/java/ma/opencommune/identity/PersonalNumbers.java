package ma.opencommune.identity;

import java.util.Optional;
import ma.opencommune.identity.internal.PersonalDataCipher;
import org.springframework.stereotype.Service;

/**
 * Identity numbers (CIN or residence document, ATI-2, PET-1) for the modules whose procedures need them: normalized,
 * encrypted at rest, with a keyed hash to find duplicates and a hint that is all anyone is ever shown (PDP-2).
 */
@Service
public class PersonalNumbers {

    /** What a module stores of a number. */
    public record Sealed(String cipher, String hash, String hint) {
    }

    private final PersonalDataCipher cipher;

    PersonalNumbers(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Empty when the input is not a plausible CIN or residence document number. */
    public Optional<Sealed> seal(String input) {
        return Cin.normalize(input).map(n -> new Sealed(cipher.encrypt(n), cipher.keyedHash(n), Cin.hint(n)));
    }

    /** Other personal text a procedure must keep (a signatory's name read on a paper sheet), encrypted at rest. */
    public String encrypt(String text) {
        return cipher.encrypt(text);
    }

    /** The number in clear, for the staff of the body that holds the request (never for public pages). */
    public String open(String sealedCipher) {
        return cipher.decrypt(sealedCipher);
    }
}
