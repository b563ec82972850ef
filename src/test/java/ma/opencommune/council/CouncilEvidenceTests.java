package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The council records behind the transparency indicators: sessions held and documents published in the figures' own
 * period (on {@code from} and on {@code to}, not the day before nor the day after), projects as they stood on a day; the
 * same counts as {@link CouncilFigures}; never a planned session, a draft document, an unpublished project or another
 * collectivity's.
 */
@IntegrationTest
class CouncilEvidenceTests {

    static final LocalDate FROM = LocalDate.of(2024, 4, 1);
    static final LocalDate TO = LocalDate.of(2024, 6, 30);

    @Autowired CouncilEvidence evidence;
    @Autowired CouncilFigures figures;
    @Autowired JdbcClient jdbc;

    long col;
    long other;

    @BeforeEach
    void collectivities() {
        col = collectivity();
        other = collectivity();
    }

    long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    long collectivity() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return insert("insert into collectivity (slug, code, type, name_ar, name_fr, name_zgh, created_at) values (?,?,?,?,?,?,?)",
                "council-ev-" + tag, "C" + tag, "COMMUNE", "جماعة", "Commune " + tag, "ⵜⴰⴳⵎⴰⵎⵜ", Sql.at(Instant.now()));
    }

    long session(long c, LocalDate held, String status) {
        return insert("insert into council_session (collectivity_id, kind, held_on, starts_at, place, status, created_at) values (?,?,?,?,?,?,?)",
                c, "ORDINARY", held, LocalTime.of(10, 0), "Salle", status, Sql.at(Instant.now()));
    }

    void decision(long c, long session, String status, LocalDate publishedOn) {
        long item = insert("insert into council_agenda_item (collectivity_id, session_id, position, created_at) values (?,?,?,?)",
                c, session, 1, Sql.at(Instant.now()));
        insert("""
                insert into council_decision (collectivity_id, session_id, agenda_item_id, number, topic, votes_for, votes_against, votes_abstain,
                    outcome, status, published_on, created_at) values (?,?,?,?,'OTHER',3,0,0,'ADOPTED',?,?,?)""",
                c, session, item, "N-" + UUID.randomUUID().toString().substring(0, 6), status, publishedOn, Sql.at(Instant.now()));
    }

    @Test
    void sessionsHeldInThePeriodAreTheFiguresSessionsAndLateWhenUnpublishedOrSlow() {
        long before = session(col, FROM.minusDays(1), "HELD");
        long first = session(col, FROM, "MINUTES_PUBLISHED");
        decision(col, first, "PUBLISHED", FROM.plusDays(8));
        long slow = session(col, FROM.plusDays(20), "HELD");
        decision(col, slow, "PUBLISHED", FROM.plusDays(29));
        long last = session(col, TO, "HELD");
        decision(col, last, "DRAFT", null);
        long after = session(col, TO.plusDays(1), "HELD");
        long planned = session(col, FROM.plusDays(5), "PLANNED");
        long foreign = session(other, FROM.plusDays(5), "HELD");

        CouncilEvidence.Listing<CouncilEvidence.SessionLine> s = evidence.sessions(col, FROM, TO, 8, 200);
        CouncilPublication p = figures.of(col, FROM, TO).decisions();
        assertThat(s.total()).isEqualTo(p.sessionsHeld()).isEqualTo(3);
        assertThat(s.late()).isEqualTo(2);
        assertThat(s.lines()).extracting(CouncilEvidence.SessionLine::id).containsExactly(last, slow, first)
                .doesNotContain(before, after, planned, foreign);
        assertThat(s.lines().get(0).days()).as("no decision published").isNull();
        assertThat(s.lines().get(1).days()).isEqualTo(9);
        assertThat(s.lines().get(2).days()).as("8 days is the best end of the scale: in time").isEqualTo(8);
        assertThat(s.lines().get(2).late()).isFalse();
        assertThat(evidence.sessions(col, FROM, TO, 8, 1).lines()).hasSize(1);
    }

    long project(long c, boolean published, String status) {
        Instant now = Instant.now();
        return insert("""
                insert into council_project (collectivity_id, title_ar, title_fr, search_text, sector, status, latitude, longitude, published,
                    created_at, updated_at) values (?, 'مشروع', 'Projet', 'projet', 'ROADS', ?, 30.47, -8.87, ?, ?, ?)""",
                c, status, published, Sql.at(now), Sql.at(now));
    }

    void update(long c, long project, String kind, LocalDate on) {
        insert("insert into council_project_update (project_id, collectivity_id, kind, reported_on, created_at) values (?,?,?,?,?)",
                project, c, kind, on, Sql.at(Instant.now()));
    }

    @Test
    void projectsAreLateWithoutAProgressUpdateInTheNinetyDaysUpToTheDay() {
        long recent = project(col, true, "IN_PROGRESS");
        update(col, recent, "PROGRESS", TO.minusDays(90));
        long stale = project(col, true, "IN_PROGRESS");
        update(col, stale, "PROGRESS", TO.minusDays(91));
        update(col, stale, "STATUS", TO.minusDays(2));
        long future = project(col, true, "PLANNED");
        update(col, future, "PROGRESS", TO.plusDays(1));
        long never = project(col, true, "PLANNED");
        long hidden = project(col, false, "IN_PROGRESS");
        long cancelled = project(col, true, "CANCELLED");
        long foreign = project(other, true, "IN_PROGRESS");

        CouncilEvidence.Listing<CouncilEvidence.ProjectLine> l = evidence.projects(col, TO, 200);
        ProjectActivity a = figures.of(col, FROM, TO).projects();
        assertThat(l.total()).isEqualTo(a.projects()).isEqualTo(4);
        assertThat(l.total() - l.late()).isEqualTo(a.updatedRecently()).isEqualTo(1);
        assertThat(l.lines()).extracting(CouncilEvidence.ProjectLine::id).containsExactlyInAnyOrder(recent, stale, future, never)
                .doesNotContain(hidden, cancelled, foreign);
        assertThat(l.lines().get(3).id()).isEqualTo(recent);
        assertThat(l.lines()).filteredOn(x -> x.id() == stale).singleElement().satisfies(x -> assertThat(x.lastUpdateOn()).isEqualTo(TO.minusDays(91)));
        assertThat(l.lines()).filteredOn(x -> x.id() == future).singleElement().satisfies(x -> assertThat(x.lastUpdateOn()).isNull());
    }

    long document(long c, String status, LocalDate day, int hour) {
        Instant at = day.atTime(hour, 30).atZone(Morocco.ZONE).toInstant();
        return insert("""
                insert into council_document (collectivity_id, kind, title_fr, document_date, document_year, storage_key, file_name, content_type,
                    file_extension, size_bytes, search_text, status, published_at, created_at)
                values (?, 'REPORT', 'Rapport', ?, ?, ?, 'r.pdf', 'application/pdf', 'pdf', 10, 'rapport', ?, ?, ?)""",
                c, day, day.getYear(), UUID.randomUUID().toString(), status, "DRAFT".equals(status) ? null : Sql.at(at), Sql.at(Instant.now()));
    }

    @Test
    void documentsPublishedOnTheFirstAndLastMoroccanDayAreListed() {
        long before = document(col, "PUBLISHED", FROM.minusDays(1), 23);
        long first = document(col, "PUBLISHED", FROM, 0);
        long last = document(col, "PUBLISHED", TO, 23);
        long after = document(col, "PUBLISHED", TO.plusDays(1), 0);
        long draft = document(col, "DRAFT", FROM.plusDays(3), 10);
        long withdrawn = document(col, "WITHDRAWN", FROM.plusDays(3), 10);
        long foreign = document(other, "PUBLISHED", FROM.plusDays(3), 10);

        CouncilEvidence.Listing<CouncilEvidence.DocumentLine> d = evidence.documents(col, FROM, TO, 200);
        assertThat(d.total()).isEqualTo(figures.of(col, FROM, TO).documents().total()).isEqualTo(2);
        assertThat(d.lines()).extracting(CouncilEvidence.DocumentLine::id).containsExactly(last, first)
                .doesNotContain(before, after, draft, withdrawn, foreign);
        assertThat(d.lines().get(1).publishedOn()).isEqualTo(FROM);
    }
}
