package ma.opencommune.petitions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.PersonalNumbers;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Test data of the bureau's workspace: a fresh small commune (threshold 100, PET-2) with its own council secretary, and
 * petitions brought to each status through the façade.
 */
public record PetitionAdminFixture(JdbcClient jdbc, Petitions petitions, PaperSignatures paper, PersonalNumbers numbers, Territory territory,
        Accounts accounts, RoleGrants grants, UserDetailsService users) {

    public static final String CITIZEN = "citizen@opencommune.demo";
    public static final String TAROUDANT_STAFF = "staff@taroudant.demo";
    public static final String AGADIR_STAFF = "staff@agadir.demo";

    /** A fresh commune of 1,000 inhabitants, so its lists hold only what a test puts in it. */
    public Collectivity collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, created_at) values (?,?,?,?,?,?,?,?)")
                .params("pet-" + tag, "P" + tag.substring(0, 6).toUpperCase(), "COMMUNE", "جماعة تجريبية", "Commune test " + tag,
                        "ⵜⴰⴳⵎⴰⵎⵜ", 1_000, Sql.at(Instant.now()))
                .update();
        return territory.require("pet-" + tag);
    }

    /** A new account holding the council secretary role in that collectivity; returns its email. */
    public String secretary(Collectivity c) {
        String email = TestAccounts.confirmed(accounts, jdbc, "secretary");
        grants.grant(null, c, email, Role.COUNCIL_SECRETARY, null);
        return email;
    }

    public AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    /** A citizens' petition of the demo citizen, opened for signatures. */
    public long open(Collectivity c, String title) {
        return PetitionFixtures.petition(petitions, c, user(CITIZEN), title, true);
    }

    /** An open petition with enough signatures (online rows), filed by its agent: the bureau's clock runs. */
    public long filed(Collectivity c, String title) {
        long id = open(c, title);
        PetitionFixtures.signatures(jdbc, c, id, petitions.find(c, id).threshold(), "ONLINE");
        petitions.file(c, id, user(CITIZEN));
        return id;
    }

    /** An association's petition filed by its representative (the demo citizen), not yet checked (PET-4). */
    public long association(Collectivity c, String title) {
        long id = petitions.draft(c, user(CITIZEN), new Petitions.Draft(PetitionKind.ASSOCIATION, title, "Objet.", "Motifs.", "Action.",
                "fr", "Association Tifawin", LocalDate.now().minusYears(5), "Quartier Talmaklt, Taroudant", "Environnement"));
        document(c, id, "statuts.pdf");
        petitions.file(c, id, user(CITIZEN));
        return id;
    }

    /** A document row as the representative's upload leaves it (PET-4: an association files with its documents). */
    public void document(Collectivity c, long id, String fileName) {
        jdbc.sql("insert into petition_document (petition_id, collectivity_id, storage_key, file_name, content_type, size_bytes, created_at)"
                + " values (?, ?, 'fixture-without-content', ?, 'application/pdf', 1, current_timestamp)").params(id, c.id(), fileName).update();
    }

    /** A paper signature entered by {@code staffEmail}; returns the CIN used. */
    public String paper(Collectivity c, long id, String staffEmail, String name) {
        String cin = cin();
        paper.add(c, id, user(staffEmail), name, cin, SignatureBasis.RESIDENT);
        return cin;
    }

    /** An online signature row carrying, encrypted, a name and a number, as {@link Signatures#sign} writes it. */
    public void online(Collectivity c, long id, String name, String cin) {
        row(c, id, name, cin, "ONLINE", null);
    }

    /** A paper signature row as {@link Signatures#addPaper} writes it, without going through the service (no log entry). */
    public void paperRow(Collectivity c, long id, String name, String cin, long enteredBy) {
        row(c, id, name, cin, "PAPER", enteredBy);
    }

    private void row(Collectivity c, long id, String name, String cin, String source, Long enteredBy) {
        PersonalNumbers.Sealed sealed = numbers.seal(cin).orElseThrow();
        jdbc.sql("""
                insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, full_name_cipher, cin_cipher,
                    entered_by, signed_at)
                values (?, ?, ?, ?, 'ECONOMIC', ?, ?, ?, ?)""")
                .params(id, c.id(), sealed.hash(), source, numbers.encrypt(name), sealed.cipher(), enteredBy, Sql.at(Instant.now())).update();
    }

    public static String cin() {
        return "PA" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** A session day the aggregate accepts today (PET-8): in the next ordinary session month, after today. */
    public LocalDate sessionDay() {
        LocalDate today = petitions.today();
        LocalDate first = Petition.nextSessionMonth(today).atDay(1);
        return first.isAfter(today) ? first : today.plusDays(1);
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    public String status(long id) {
        return jdbc.sql("select status from petition where id = ?").param(id).query(String.class).single();
    }

    /** Everything a staff action could change on a petition, to prove a refused one changed nothing. */
    public String snapshot(long id) {
        return jdbc.sql("""
                select status || '|' || version || '|' || coalesce(rejection_reasoning, '-') || '|' || coalesce(committee, '-') || '|'
                    || coalesce(outcome_summary, '-') || '|' || coalesce(cast(association_checked_by as varchar(20)), '-')
                from petition where id = ?""").param(id).query(String.class).single()
                + "|" + count("select count(*) from petition_signature where petition_id = ?", id);
    }
}
