package ma.opencommune.petitions;

import java.time.Clock;
import java.time.Duration;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.RateLimiter;
import ma.opencommune.platform.TooManyRequests;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Anti-abuse limits on signing, on the page and the API alike: at most {@code perAccount} attempts per account and
 * {@code perAddress} per network address within each {@code window}. A signature already needs a signed-in person
 * whose residence staff verified, so volume gains a bot nothing; the limits stop a script from hammering the
 * service. The address limit is generous because many phones share one carrier address.
 */
@Component
public class SigningLimits {

    private final RateLimiter accounts;
    private final RateLimiter addresses;

    SigningLimits(@Value("${opencommune.petitions.sign-limit.per-account:30}") int perAccount,
            @Value("${opencommune.petitions.sign-limit.per-address:600}") int perAddress,
            @Value("${opencommune.petitions.sign-limit.window:PT10M}") Duration window, Clock clock) {
        this.accounts = new RateLimiter(perAccount, window, 100_000, clock);
        this.addresses = new RateLimiter(perAddress, window, 100_000, clock);
    }

    /** Counts a signing attempt (or withdrawal) of this person from this address; a {@link TooManyRequests} past a limit. */
    public void attempt(AccountUser person, String address) {
        addresses.acquire(network(address));
        if (person != null) {
            accounts.acquire(Long.toString(person.id()));
        }
    }

    /**
     * The key of an address: an IPv4 address itself; an IPv6 address by its /64 network, the block one subscriber
     * usually gets, so that rotating through it does not reset the count.
     */
    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "?";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal address is parsed, never looked up.
            byte[] bytes = java.net.InetAddress.getByName(address.strip().replaceAll("^\\[|\\]$", "")).getAddress();
            return bytes.length == 16 ? java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }
}
