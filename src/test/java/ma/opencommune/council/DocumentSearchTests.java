package ma.opencommune.council;

import static ma.opencommune.council.DocumentFixture.metadata;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The library's search finds a document however its words were typed: Arabic whatever its hamza and alef forms, ta
 * marbuta or ha, alef maqsura or ya, harakat and tatweel; French whatever its accents and case. Filters by type and
 * year; pages by keyset; drafts never found by the public.
 */
@IntegrationTest
class DocumentSearchTests {

    @Autowired JdbcClient jdbc;
    @Autowired DocumentLibrary library;
    @Autowired DocumentCatalog catalog;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    DocumentFixture fx;
    Collectivity c;
    String secretary;
    LocalDate day = LocalDate.of(2025, 5, 12);

    @BeforeEach
    void setUp() {
        fx = new DocumentFixture(jdbc, library, territory, accounts, grants, users);
        c = fx.collectivity();
        secretary = fx.secretary(c);
    }

    List<Long> found(String q) {
        return found(new DocumentCatalog.Query(q, null, null, null));
    }

    List<Long> found(DocumentCatalog.Query q) {
        return catalog.search(c.id(), q, 50).items().stream().map(DocumentCatalog.Listed::id).toList();
    }

    long doc(String titleAr, String titleFr) {
        return fx.published(c, secretary, metadata(DocumentKind.REPORT, titleAr, titleFr, day));
    }

    @Test
    void hamzaAndAlefFormsMatchOneAnother() {
        long lighting = doc("دراسة حول الإنارة العمومية", null);
        long island = doc("تقرير عن آبار القرية", null);
        long wasla = doc("ٱلمكتبة البلدية", null);
        assertThat(found("الانارة")).containsExactly(lighting);
        assertThat(found("الأنارة")).containsExactly(lighting);
        assertThat(found("ابار")).containsExactly(island);
        assertThat(found("أبار")).containsExactly(island);
        assertThat(found("المكتبة")).containsExactly(wasla);
        assertThat(found("إلمكتبه")).containsExactly(wasla);
    }

    @Test
    void taMarbutaAndHaAlefMaqsuraAndYaMatch() {
        long minutes = doc("محضر الدورة العادية", null);
        long hospital = doc("مستشفى القرب", null);
        assertThat(found("الدوره")).containsExactly(minutes);
        assertThat(found("العاديه الدورة")).containsExactly(minutes);
        assertThat(found("مستشفي")).containsExactly(hospital);
        assertThat(found("مستشفى")).containsExactly(hospital);
    }

    @Test
    void harakatAndTatweelAreIgnoredOnBothSides() {
        long study = doc("دِرَاسَة جدوى تأهيل الساحة", null);
        long waste = doc("تقريـــر حول النفايات", null);
        assertThat(found("دراسة")).containsExactly(study);
        assertThat(found("جَدْوَى")).containsExactly(study);
        assertThat(found("تقرير النفايات")).containsExactly(waste);
        assertThat(found("تقـرير")).containsExactly(waste);
    }

    @Test
    void frenchMatchesWhateverItsAccentsAndCase() {
        long study = doc(null, "Étude de l’éclairage public à Taroudant");
        long budget = doc(null, "Budget de la FÊTE des moissons, reçu");
        assertThat(found("etude eclairage")).containsExactly(study);
        assertThat(found("ÉTUDE")).containsExactly(study);
        assertThat(found("fete recu")).containsExactly(budget);
        assertThat(found("fète REÇU")).containsExactly(budget);
        assertThat(found("études")).isEmpty();
    }

    @Test
    void descriptionAndReferenceAreSearchedTooAndWildcardsAreLetters() {
        long id = fx.published(c, secretary, new DocumentLibrary.Metadata(DocumentKind.DECISION, "مقرر", null, "إحداث مرآب جماعي",
                "Création d’un parking", day, null, "12/2025"));
        doc("تقرير 100% مكتمل", null);
        assertThat(found("مراب")).containsExactly(id);
        assertThat(found("creation parking")).containsExactly(id);
        assertThat(found("12/2025")).containsExactly(id);
        assertThat(found("١٢/٢٠٢٥")).containsExactly(id);
        assertThat(found("%")).hasSize(1).doesNotContain(id);
        assertThat(found("_")).isEmpty();
    }

    @Test
    void filtersByTypeAndYearAndNeverShowsADraft() {
        long decision = fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر أول", null, day));
        long budget = fx.published(c, secretary, new DocumentLibrary.Metadata(DocumentKind.BUDGET, "ميزانية", null, null, null,
                LocalDate.of(2024, 10, 20), 2025, null));
        long old = fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر قديم", null, LocalDate.of(2019, 2, 4)));
        fx.draft(c, secretary, metadata(DocumentKind.DECISION, "مقرر في المسودة", null, day));
        assertThat(found(new DocumentCatalog.Query(null, DocumentKind.DECISION, null, null))).containsExactly(decision, old);
        assertThat(found(new DocumentCatalog.Query(null, null, 2025, null))).containsExactly(decision, budget);
        assertThat(found(new DocumentCatalog.Query("مقرر", DocumentKind.DECISION, 2019, null))).containsExactly(old);
        assertThat(found("المسودة")).isEmpty();
        assertThat(catalog.years(c.id())).containsExactly(2025, 2019);
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        for (int i = 0; i < 7; i++) {
            fx.published(c, secretary, metadata(DocumentKind.OTHER, null, "Document " + i, day.minusDays(i % 3)));
        }
        List<Long> seen = new java.util.ArrayList<>();
        DocumentCatalog.Cursor after = null;
        do {
            DocumentCatalog.Page page = catalog.search(c.id(), new DocumentCatalog.Query(null, null, null, after), 3);
            page.items().forEach(d -> seen.add(d.id()));
            after = page.next();
        } while (after != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen).isEqualTo(found(""));
    }

    @Test
    void theIndexFigureCountsDocumentsPublishedInThePeriodByType() {
        fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر", null, day));
        fx.published(c, secretary, metadata(DocumentKind.DECISION, "مقرر ثان", null, day));
        long withdrawn = fx.published(c, secretary, metadata(DocumentKind.MINUTES, "محضر", null, day));
        library.withdraw(c, fx.user(secretary), withdrawn, "خطأ");
        fx.published(c, secretary, metadata(DocumentKind.STUDY, "دراسة", null, day));
        fx.draft(c, secretary, metadata(DocumentKind.BUDGET, "ميزانية", null, day));
        LocalDate today = library.today();
        DocumentCounts counts = library.published(c.id(), today.minusDays(30), today);
        assertThat(counts.of(DocumentKind.DECISION)).isEqualTo(2);
        assertThat(counts.of(DocumentKind.STUDY)).isEqualTo(1);
        assertThat(counts.of(DocumentKind.MINUTES)).isZero();
        assertThat(counts.of(DocumentKind.BUDGET)).isZero();
        assertThat(counts.total()).isEqualTo(3);
        assertThat(library.published(c.id(), today.minusDays(60), today.minusDays(1)).total()).isZero();
    }
}
