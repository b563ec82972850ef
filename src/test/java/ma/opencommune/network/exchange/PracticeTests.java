package ma.opencommune.network.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The practices' façade: life cycle edges, validation, tags, documents checked by content, search folded in ar and fr. */
@IntegrationTest
class PracticeTests {

    @Autowired JdbcClient jdbc;
    @Autowired Practices practices;
    @Autowired PracticeLibrary library;
    @Autowired PracticeDiscussion discussion;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    ExchangeFixture fx;
    Collectivity c;
    String staff;

    @BeforeEach
    void setUp() {
        fx = new ExchangeFixture(jdbc, practices, territory, accounts, grants, users);
        c = fx.collectivity(true);
        staff = fx.staff(c, Role.PROGRAM_MANAGER);
    }

    /** The action log records module events after their transaction commits, on another thread: wait for it. */
    void assertLoggedOnce(String action) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audit(action)).isEqualTo(1));
        assertThat(audit(action)).isEqualTo(1);
    }

    long audit(String action) {
        return jdbc.sql("select count(*) from audit_entry where collectivity_id = ? and action = ?").params(c.id(), action).query(Long.class).single();
    }

    @Test
    void aDraftIsPublishedOnceThenWithdrawnWithAReasonAndEachStepIsLogged() {
        long id = practices.create(c, fx.user(staff), ExchangeFixture.draft(null, "Budget ouvert", "Problème", PracticeTag.BUDGET), null).id();
        assertThatThrownBy(() -> library.practice(id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> practices.withdraw(c, fx.user(staff), id, "raison")).isInstanceOf(ConflictException.class);
        practices.publish(c, fx.user(staff), id);
        assertThatThrownBy(() -> practices.publish(c, fx.user(staff), id)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> practices.edit(c, fx.user(staff), id, ExchangeFixture.draft(null, "Autre", "P", PracticeTag.BUDGET)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> practices.withdraw(c, fx.user(staff), id, "  ")).isInstanceOf(InvalidInput.class);
        practices.withdraw(c, fx.user(staff), id, "Remplacée par une version plus complète");
        assertThatThrownBy(() -> practices.withdraw(c, fx.user(staff), id, "encore")).isInstanceOf(ConflictException.class);
        Practice p = library.practice(id);
        assertThat(p.status()).isEqualTo(PracticeStatus.WITHDRAWN);
        assertThat(p.withdrawalReason()).isEqualTo("Remplacée par une version plus complète");
        assertLoggedOnce("network.practice-created");
        assertLoggedOnce("network.practice-published");
        assertLoggedOnce("network.practice-withdrawn");
    }

    @Test
    void everyProblemOfADraftIsReportedAtOnceAndNothingIsSaved() {
        Practices.Draft bad = new Practices.Draft("es", "Title in Latin", "عنوان بالعربية", null, null, " ", "x".repeat(8_001), null, -5L, null,
                null, null, null, "pas-un-email", "abc", EnumSet.noneOf(PracticeTag.class));
        assertThatThrownBy(() -> practices.create(c, fx.user(staff), bad, null)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("textLang", "validation.choose")
                        .containsEntry("titleAr", "validation.script.arabic").containsEntry("titleFr", "validation.script.latin")
                        .containsEntry("problem", "validation.required").containsEntry("actions", "validation.text.too-long")
                        .containsEntry("results", "validation.required").containsEntry("costMad", "network.exchange.validation.cost")
                        .containsEntry("period", "validation.required").containsEntry("contactName", "validation.required")
                        .containsEntry("contactEmail", "validation.email.format").containsEntry("contactPhone", "network.exchange.validation.phone")
                        .containsEntry("tags", "network.exchange.validation.tags"));
        Practices.Draft noTitle = ExchangeFixture.draft(null, null, "P", PracticeTag.DIGITAL);
        assertThatThrownBy(() -> practices.create(c, fx.user(staff), noTitle, null)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("titleAr", "network.exchange.validation.title"));
        Practices.Draft noContact = new Practices.Draft("fr", null, "Titre", null, null, "P", "A", "R", null, null, "2025", "Agent", null, null,
                null, EnumSet.of(PracticeTag.DIGITAL));
        assertThatThrownBy(() -> practices.create(c, fx.user(staff), noContact, null)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("contactEmail", "network.exchange.validation.contact"));
        assertThat(jdbc.sql("select count(*) from exchange_practice where collectivity_id = ?").param(c.id()).query(Long.class).single()).isZero();
    }

    @Test
    void theSameFormSentTwiceStoresOnePracticeWithItsTags() {
        String key = java.util.UUID.randomUUID().toString();
        Practices.Draft d = ExchangeFixture.draft("ميزانية مفتوحة", "Budget ouvert", "P", PracticeTag.BUDGET, PracticeTag.YOUTH);
        Practices.Saved first = practices.create(c, fx.user(staff), d, key);
        Practices.Saved second = practices.create(c, fx.user(staff), d, key);
        assertThat(first.created()).isTrue();
        assertThat(second).isEqualTo(new Practices.Saved(first.id(), false));
        assertThat(practices.practice(c, fx.user(staff), first.id()).tags()).containsExactly(PracticeTag.YOUTH, PracticeTag.BUDGET);
        practices.edit(c, fx.user(staff), first.id(), ExchangeFixture.draft(null, "Budget ouvert", "P", PracticeTag.DIGITAL));
        assertThat(practices.practice(c, fx.user(staff), first.id()).tags()).containsExactly(PracticeTag.DIGITAL);
    }

    @Test
    void aCollectivityOutsideTheNetworkAndStaffOfAnotherAreRefused() {
        Collectivity outside = fx.collectivity(false);
        String outsider = fx.staff(outside, Role.STAFF_ADMIN);
        Practices.Draft d = ExchangeFixture.draft(null, "Titre", "P", PracticeTag.DIGITAL);
        assertThatThrownBy(() -> practices.create(outside, fx.user(outsider), d, null)).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("messageKey", "network.exchange.not-member");
        String secretary = fx.staff(c, Role.COUNCIL_SECRETARY);
        assertThatThrownBy(() -> practices.create(c, fx.user(secretary), d, null)).isInstanceOf(AccessDeniedException.class);
        long id = practices.create(c, fx.user(staff), d, null).id();
        Collectivity other = fx.collectivity(true);
        String otherStaff = fx.staff(other, Role.STAFF_ADMIN);
        // Their own collectivity in the URL, our practice's id: not found, nothing changes.
        assertThatThrownBy(() -> practices.publish(other, fx.user(otherStaff), id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> practices.practice(other, fx.user(otherStaff), id)).isInstanceOf(NotFoundException.class);
        assertThat(practices.practice(c, fx.user(staff), id).status()).isEqualTo(PracticeStatus.DRAFT);
    }

    @Test
    void documentsAreCheckedByTheirContentAndStoredInOneStep() {
        long id = practices.create(c, fx.user(staff), ExchangeFixture.draft(null, "Titre", "P", PracticeTag.DIGITAL), null).id();
        practices.attach(c, fx.user(staff), id, ExchangeFixture.pdf("guide.pdf"));
        MockMultipartFile fake = new MockMultipartFile("file", "guide.pdf", "application/pdf", "<html>not a pdf</html>".getBytes());
        assertThatThrownBy(() -> practices.attach(c, fx.user(staff), id, fake)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("file", "documents.validation.file.mismatch"));
        MockMultipartFile csv = new MockMultipartFile("file", "data.csv", "text/csv", "a,b\n1,2\n".getBytes());
        assertThatThrownBy(() -> practices.attach(c, fx.user(staff), id, csv)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("file", "network.exchange.validation.file.type"));
        MockMultipartFile big = new MockMultipartFile("file", "big.pdf", "application/pdf", new byte[(int) Practices.DOCUMENT_BYTES_MAX + 1]);
        assertThatThrownBy(() -> practices.attach(c, fx.user(staff), id, big)).isInstanceOfSatisfying(InvalidInput.class, e ->
                assertThat(e.errors()).containsEntry("file", "network.exchange.validation.file.too-large"));
        assertThat(practices.documents(c, fx.user(staff), id)).extracting(Practice.Document::fileName).containsExactly("guide.pdf");
        practices.removeDocument(c, fx.user(staff), id, practices.documents(c, fx.user(staff), id).get(0).id());
        assertThat(practices.documents(c, fx.user(staff), id)).isEmpty();
    }

    @Test
    void theLibraryFindsWordsWhateverTheirHamzaVowelsOrAccentsAndFiltersByTagAndCollectivity() {
        long ar = fx.published(c, staff, ExchangeFixture.draft("الإستماع العمومي للميزانيّة", null, "مشكلة", PracticeTag.BUDGET));
        long fr = fx.published(c, staff, ExchangeFixture.draft(null, "Égalité des femmes élues", "Problème", PracticeTag.INCLUSION_GENDER));
        fx.practices().create(c, fx.user(staff), ExchangeFixture.draft(null, "Égalité brouillon", "P", PracticeTag.INCLUSION_GENDER), null);
        assertThat(ids(new PracticeLibrary.Query("الاستماع ميزانية", null, c.id(), 0))).containsExactly(ar);
        assertThat(ids(new PracticeLibrary.Query("egalite FEMMES", null, c.id(), 0))).containsExactly(fr);
        assertThat(ids(new PracticeLibrary.Query(null, PracticeTag.INCLUSION_GENDER, c.id(), 0))).containsExactly(fr);
        assertThat(ids(new PracticeLibrary.Query(null, null, c.id(), 0))).containsExactly(fr, ar);
        assertThat(ids(new PracticeLibrary.Query("100%_", null, c.id(), 0))).isEmpty();
        PracticeLibrary.Page first = library.search(new PracticeLibrary.Query(null, null, c.id(), 0), 1);
        assertThat(first.more()).isTrue();
        assertThat(library.search(new PracticeLibrary.Query(null, null, c.id(), 1), 1).items()).extracting(Practice::id).containsExactly(ar);
    }

    java.util.List<Long> ids(PracticeLibrary.Query q) {
        return library.search(q, 20).items().stream().map(Practice::id).toList();
    }

    @Test
    void questionsAreAnsweredOnceByTheCollectivityAndTheCoordinatorHidesWithAReason() {
        long id = fx.published(c, staff, ExchangeFixture.draft(null, "Titre", "P", PracticeTag.DIGITAL));
        String reader = fx.account();
        long question = discussion.post(fx.user(reader), id, PracticeDiscussion.Kind.QUESTION, "Combien <b>ça</b> coûte ?", null);
        long comment = discussion.post(fx.user(reader), id, PracticeDiscussion.Kind.COMMENT, "Bravo", null);
        assertThatThrownBy(() -> discussion.post(fx.user(reader), id, PracticeDiscussion.Kind.COMMENT, "x".repeat(3_001), null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> discussion.answer(c, fx.user(staff), id, comment, "Merci")).isInstanceOf(ConflictException.class);
        Collectivity other = fx.collectivity(true);
        String otherStaff = fx.staff(other, Role.STAFF_ADMIN);
        assertThatThrownBy(() -> discussion.answer(other, fx.user(otherStaff), id, question, "Réponse")).isInstanceOf(NotFoundException.class);
        discussion.answer(c, fx.user(staff), id, question, "Mille dirhams.");
        assertThatThrownBy(() -> discussion.answer(c, fx.user(staff), id, question, "Encore")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> discussion.hide(fx.user(staff), id, comment, "hors sujet")).isInstanceOf(AccessDeniedException.class);
        discussion.hide(fx.user("coordinator@opencommune.demo"), id, comment, "Hors sujet");
        assertThat(discussion.comments(id)).satisfiesExactly(
                q -> assertThat(q).extracting(PracticeDiscussion.Comment::answer, PracticeDiscussion.Comment::body, PracticeDiscussion.Comment::authorName)
                        .containsExactly("Mille dirhams.", "Combien <b>ça</b> coûte ?", "Compte de test"),
                h -> assertThat(h).extracting(PracticeDiscussion.Comment::hidden, PracticeDiscussion.Comment::body, PracticeDiscussion.Comment::hiddenReason)
                        .containsExactly(true, null, "Hors sujet"));
        assertLoggedOnce("network.comment-answered");
        assertLoggedOnce("network.comment-hidden");
    }

    @Test
    void aCommentFormSentTwicePostsOnceAndDraftsTakeNoComments() {
        long id = fx.published(c, staff, ExchangeFixture.draft(null, "Titre", "P", PracticeTag.DIGITAL));
        long draft = practices.create(c, fx.user(staff), ExchangeFixture.draft(null, "Brouillon", "P", PracticeTag.DIGITAL), null).id();
        String reader = fx.account();
        String key = java.util.UUID.randomUUID().toString();
        long first = discussion.post(fx.user(reader), id, PracticeDiscussion.Kind.COMMENT, "Une fois", key);
        assertThat(discussion.post(fx.user(reader), id, PracticeDiscussion.Kind.COMMENT, "Une fois", key)).isEqualTo(first);
        assertThat(discussion.comments(id)).hasSize(1);
        assertThatThrownBy(() -> discussion.post(fx.user(reader), draft, PracticeDiscussion.Kind.COMMENT, "Non", null))
                .isInstanceOf(NotFoundException.class);
    }
}
