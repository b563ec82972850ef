package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.TooManyRequests;
import org.junit.jupiter.api.Test;

/** Signing limits: per account and per address, each on its own. */
class SigningLimitsTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    private static AccountUser person(long id) {
        return new AccountUser(id, "p" + id + "@example.org", "Person " + id, "fr", true, "{noop}x");
    }

    @Test
    void anAccountPastItsLimitIsRefusedWhateverItsAddressAndOthersStillSign() {
        SigningLimits limits = new SigningLimits(2, 100, Duration.ofMinutes(10), clock);
        limits.attempt(person(1), "10.0.0.1");
        limits.attempt(person(1), "10.0.0.2");
        assertThatThrownBy(() -> limits.attempt(person(1), "10.0.0.3")).isInstanceOf(TooManyRequests.class);
        assertThatCode(() -> limits.attempt(person(2), "10.0.0.3")).doesNotThrowAnyException();
    }

    @Test
    void anAddressPastItsLimitIsRefusedWhateverTheAccount() {
        SigningLimits limits = new SigningLimits(100, 3, Duration.ofMinutes(10), clock);
        limits.attempt(person(1), "10.0.0.9");
        limits.attempt(person(2), "10.0.0.9");
        limits.attempt(person(3), "10.0.0.9");
        assertThatThrownBy(() -> limits.attempt(person(4), "10.0.0.9")).isInstanceOf(TooManyRequests.class);
        assertThatCode(() -> limits.attempt(person(4), "10.0.0.10")).doesNotThrowAnyException();
    }

    @Test
    void anIpv6SubscriberIsCountedByItsNetworkWhateverAddressOfItItUses() {
        assertThat(SigningLimits.network("2001:db8:1:2:aaaa::1")).isEqualTo(SigningLimits.network("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isNotEqualTo(SigningLimits.network("2001:db8:1:3::1"));
        assertThat(SigningLimits.network("[2001:db8:1:2::9]")).isEqualTo(SigningLimits.network("2001:db8:1:2::1"));
        assertThat(SigningLimits.network("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(SigningLimits.network(null)).isEqualTo("?");
        SigningLimits limits = new SigningLimits(100, 2, Duration.ofMinutes(10), clock);
        limits.attempt(person(1), "2001:db8:1:2::1");
        limits.attempt(person(2), "2001:db8:1:2::2");
        assertThatThrownBy(() -> limits.attempt(person(3), "2001:db8:1:2::3")).isInstanceOf(TooManyRequests.class);
    }
}
