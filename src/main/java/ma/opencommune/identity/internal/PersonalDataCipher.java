package ma.opencommune.identity.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import ma.opencommune.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts identity numbers (AES-256-GCM) and derives a keyed hash (HMAC-SHA256) to find duplicates without
 * decrypting (PDP-2). Both keys derive from one master key: {@code opencommune.crypto.key}. With demo data on
 * and no key configured, a key is generated once under the data folder; otherwise start-up fails.
 */
@Component
public class PersonalDataCipher {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;

    public PersonalDataCipher(@Value("${opencommune.crypto.key:}") String configured,
            @Value("${opencommune.data-dir:./data}") String dataDir, DemoMode demo) {
        byte[] master = configured.isBlank() ? generatedKey(Path.of(dataDir), demo) : Base64.getDecoder().decode(configured.trim());
        if (master.length < 32) {
            throw new IllegalStateException("opencommune.crypto.key must be at least 32 bytes, base64-encoded");
        }
        this.encryptionKey = new SecretKeySpec(derive(master, "cin-encryption"), "AES");
        this.hashKey = new SecretKeySpec(derive(master, "cin-hash"), "HmacSHA256");
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(3));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** Keyed hash of a normalized value: equal inputs give equal hashes, but a leaked table cannot be brute-forced without the key. */
    public String keyedHash(String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static byte[] derive(byte[] master, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized byte[] generatedKey(Path dataDir, DemoMode demo) {
        if (!demo.enabled()) {
            throw new IllegalStateException("Set OPENCOMMUNE_CRYPTO_KEY (base64 of 32 random bytes) to protect personal data");
        }
        Path file = dataDir.resolve("crypto.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's ACL applies.
            }
            log.warn("Generated a personal-data key at {} for the demo; configure OPENCOMMUNE_CRYPTO_KEY in production", file);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create " + file, e);
        }
    }
}
