package ma.opencommune.petitions;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** People and petitions for the page tests: agents, verified signatories of a commune, petitions at each step. */
record PetitionPageFixture(Petitions petitions, ResidentVerifications residents, Accounts accounts, JdbcClient jdbc,
        UserDetailsService users, Collectivity commune) {

    static final String PAGES = "/fr/c/taroudant/petitions";

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    AccountUser staff() {
        return user("staff@taroudant.demo");
    }

    /** A fresh confirmed account; its email. */
    String account(String prefix) {
        return TestAccounts.confirmed(accounts, jdbc, prefix);
    }

    /** A fresh account whose residence in the commune staff approved; its email. */
    String verifiedResident() {
        String email = account("signer");
        long declaration = residents.declare(user(email).id(), commune, ResidentVerifications.Basis.RESIDENCE,
                "PP" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
        residents.decide(staff().id(), commune, declaration, true, null);
        return email;
    }

    /** A citizens' petition of {@code agentEmail}, opened when asked. */
    long petition(String agentEmail, String title, boolean open) {
        return PetitionFixtures.petition(petitions, commune, user(agentEmail), title, open);
    }

    void paper(long id, int n) {
        PetitionFixtures.signatures(jdbc, commune, id, n, "PAPER");
    }

    int threshold(long id) {
        return petitions.find(commune, id).threshold();
    }

    /** Opened, signed up to its threshold on paper, and filed by its agent. */
    long filed(String agentEmail, String title) {
        long id = petition(agentEmail, title, true);
        paper(id, threshold(id));
        petitions.file(commune, id, user(agentEmail));
        return id;
    }

    /** PET-8: a day of the commune council's next ordinary session, after today. */
    LocalDate nextSession() {
        LocalDate today = petitions.today();
        LocalDate first = Petition.nextSessionMonth(today).atDay(1);
        return first.isAfter(today) ? first : today.plusDays(1);
    }

    long signatures(long id) {
        return jdbc.sql("select count(*) from petition_signature where petition_id = ?").param(id).query(Long.class).single();
    }

    String status(long id) {
        return jdbc.sql("select status from petition where id = ?").param(id).query(String.class).single();
    }

    long petitionsOf(String email) {
        return jdbc.sql("select count(*) from petition where agent_id = ?").param(user(email).id()).query(Long.class).single();
    }

    static String page(long id) {
        return PAGES + "/" + id;
    }
}
