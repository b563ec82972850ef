package ma.opencommune.program;

import java.time.LocalDate;
import java.util.List;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Localized;
import ma.opencommune.territory.Collectivity;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Builds published processes of Taroudant with phases placed relative to today, for phase-edge tests. */
final class PhaseEdgeFixtures {

    private PhaseEdgeFixtures() {
    }

    static AccountUser user(UserDetailsService users, String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    /** A published process whose phase of {@code kind} runs from {@code from} to {@code to} (days from today). */
    static long process(Processes processes, UserDetailsService users, Collectivity c, PhaseKind kind, int from, int to) {
        LocalDate today = processes.today();
        AccountUser staff = user(users, "staff@taroudant.demo");
        long id = processes.create(c, staff, new Processes.Draft(new Localized("مسار تجريبي", "Processus d’essai", "ⴰⴱⵔⵉⴷ"),
                new Localized(null, null, null), today.minusDays(60), today.plusDays(60),
                List.of(new Process.Phase(kind, today.plusDays(from), today.plusDays(to), new Localized(null, null, null)))));
        processes.publish(c, staff, id);
        return id;
    }
}
