package ma.opencommune.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A fresh collectivity with its council secretary, and documents uploaded and published through the façade. */
record DocumentFixture(JdbcClient jdbc, DocumentLibrary library, Territory territory, Accounts accounts, RoleGrants grants,
        UserDetailsService users) {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    Collectivity collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, population, created_at) values (?,?,?,?,?,?,?,?)")
                .params("doc-" + tag, "D" + tag.substring(0, 6).toUpperCase(), "COMMUNE", "جماعة تجريبية", "Commune test " + tag,
                        "ⵜⴰⴳⵎⴰⵎⵜ", 1_000, Sql.at(Instant.now()))
                .update();
        return territory.require("doc-" + tag);
    }

    String secretary(Collectivity c) {
        String email = TestAccounts.confirmed(accounts, jdbc, "secretary");
        grants.grant(null, c, email, Role.COUNCIL_SECRETARY, null);
        return email;
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("file", name, "application/pdf", PDF);
    }

    static DocumentLibrary.Metadata metadata(DocumentKind kind, String titleAr, String titleFr, LocalDate date) {
        return new DocumentLibrary.Metadata(kind, titleAr, titleFr, null, null, date, null, null);
    }

    /** A document uploaded and published by the secretary. */
    long published(Collectivity c, String secretary, DocumentLibrary.Metadata m) {
        long id = draft(c, secretary, m);
        library.publish(c, user(secretary), id);
        return id;
    }

    long draft(Collectivity c, String secretary, DocumentLibrary.Metadata m) {
        return library.upload(c, user(secretary), m, pdf("document.pdf"), null).id();
    }
}
