package ma.opencommune.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the network's openness index: a published co-creation process in other members than Taroudant, with
 * proposals over two years (answered with reasons or not), supports and workshops with attendance by gender (PAC-2).
 * Agadir answers nine proposals in ten within two weeks and women are close to half of its attendees; Marrakech answers
 * about half; Tafraout rarely answers and few women attend; the province of Taroudant answered little a year ago and
 * most proposals in the last six months, with more women in its recent workshops.
 *
 * <p>Rows are written with JdbcClient, as in {@link DemoProposals}: the services date proposals, answers and attendance
 * today. A member that already has a process is left as it is (idempotent).
 */
@Component
@Order(35)
class DemoProgramNetwork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramNetwork.class);

    /**
     * How a member behaves before and after its turn ({@code turnDaysAgo}): the share of proposals answered, the days to
     * answer, the share of women among workshop attendees; its number of proposals and the days ago of its workshops.
     */
    record Member(String slug, int proposals, double answeredBefore, double answeredRecent, int daysBefore, int daysRecent, double womenBefore,
            double womenRecent, int turnDaysAgo, int[] workshops, int attendees) {

        boolean recent(int daysAgo) {
            return daysAgo <= turnDaysAgo;
        }
    }

    static final List<Member> MEMBERS = List.of(
            new Member("agadir", 24, 0.92, 0.92, 12, 12, 0.46, 0.46, 720, new int[] {600, 420, 240, 70}, 30),
            new Member("marrakech", 30, 0.55, 0.55, 35, 30, 0.35, 0.35, 720, new int[] {540, 300, 100}, 36),
            new Member("tafraout", 10, 0.2, 0.2, 60, 60, 0.18, 0.18, 720, new int[] {380}, 18),
            new Member("province-taroudant", 16, 0.15, 0.88, 55, 14, 0.24, 0.44, 180, new int[] {450, 150, 45}, 26));

    private static final String[][] PROPOSALS = {
        {"Publier les comptes rendus des sessions en arabe et en tamazight", "Les comptes rendus ne sont publiés qu’en français : beaucoup d’habitants ne peuvent pas les lire."},
        {"Un budget participatif pour les quartiers", "Réserver une part de l’investissement aux projets choisis par les habitants de chaque quartier."},
        {"Horaires d’accueil le samedi matin", "Les personnes qui travaillent ne peuvent pas venir au guichet en semaine."},
        {"Carte en ligne des travaux en cours", "Savoir où en sont les chantiers de voirie et d’eau sans devoir se déplacer."},
        {"Éclairage des arrêts de bus", "Les arrêts sont dans le noir l’hiver : les femmes et les élèves s’y sentent en danger."},
        {"Consulter les jeunes sur les équipements sportifs", "Associer les jeunes au choix et à la gestion des terrains de proximité."},
        {"Publier les marchés attribués", "Publier chaque trimestre la liste des marchés, les titulaires et les montants."},
        {"Des toilettes publiques au souk", "Le souk accueille des milliers de personnes sans aucune installation sanitaire."},
    };

    private static final String[] STATUSES = {"ACCEPTED", "PARTLY_ACCEPTED", "NOT_RETAINED", "ALREADY_COVERED"};

    private static final String[] ANSWERS = {
        "Proposition retenue : elle sera inscrite au programme et suivie dans les engagements publiés.",
        "Retenue en partie : la commune la met en œuvre dans deux quartiers pilotes avant de l’étendre.",
        "Non retenue : la compétence appartient à un autre organisme public, auquel la proposition a été transmise.",
        "Déjà couverte par un engagement du programme en cours, dont l’avancement est publié chaque trimestre.",
    };

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Accounts accounts;

    DemoProgramNetwork(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Accounts accounts) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        List<Long> people = new ArrayList<>();
        for (String email : new String[] {"citizen@opencommune.demo", "resident@opencommune.demo", "coordinator@opencommune.demo"}) {
            accounts.findByEmail(email).map(Accounts.Account::id).ifPresent(people::add);
        }
        if (people.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
        int loaded = 0;
        for (Member m : MEMBERS) {
            Long c = jdbc.sql("select id from collectivity where slug = ?").param(m.slug()).query(Long.class).optional().orElse(null);
            if (c == null || jdbc.sql("select count(*) from program_process where collectivity_id = ?").param(c).query(Integer.class).single() > 0) {
                continue;
            }
            tx.executeWithoutResult(s -> load(m, c, people, today));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo co-creation of {} network members loaded", loaded);
        }
    }

    private void load(Member m, long c, List<Long> people, LocalDate today) {
        Random random = new Random(m.slug().hashCode());
        LocalDate a = today.minusDays(730);
        Instant published = at(a.minusDays(20), 10);
        long process = insert("insert into program_process (collectivity_id, title_ar, title_fr, title_zgh, description_ar, description_fr,"
                + " starts_on, ends_on, published_at, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                c, "برنامج الجماعة المنفتحة (نموذج تجريبي)", "Programme Commune ouverte (démo)", "ⴰⵖⴰⵡⴰⵙ ⵏ ⵜⵊⵎⴰⵄⵜ ⵉⵔⵥⵎⵏ",
                "إعداد مشترك لبرنامج الجماعة المنفتحة مع المواطنات والمواطنين والجمعيات. معطيات تجريبية.",
                "Co-construction du programme Commune ouverte avec les citoyennes, les citoyens et les associations. Données de démonstration.",
                a, a.plusYears(3).minusDays(1), Sql.at(published), Sql.at(published), Sql.at(published));
        phase(process, c, "DIAGNOSIS", a, a.plusDays(60));
        phase(process, c, "PROPOSALS", a.plusDays(30), a.plusYears(3).minusDays(1));
        phase(process, c, "WORKSHOPS", a.plusDays(60), a.plusYears(3).minusDays(1));
        for (int i = 0; i < m.proposals(); i++) {
            int daysAgo = 700 - i * 690 / m.proposals();
            String[] p = PROPOSALS[i % PROPOSALS.length];
            Long author = people.get(i % people.size());
            Instant created = at(today.minusDays(daysAgo), 9 + i % 10);
            boolean recent = m.recent(daysAgo);
            boolean answered = random.nextDouble() < (recent ? m.answeredRecent() : m.answeredBefore());
            int days = (recent ? m.daysRecent() : m.daysBefore()) / 2 + random.nextInt(Math.max(1, recent ? m.daysRecent() : m.daysBefore()));
            Instant answeredAt = created.plusSeconds(86_400L * days);
            if (answeredAt.isAfter(Instant.now(clock))) {
                answered = false;
            }
            int k = i % STATUSES.length;
            long id = insert("insert into program_proposal (process_id, collectivity_id, author_id, title, body, status, answer_text, answered_at,"
                    + " created_at) values (?,?,?,?,?,?,?,?,?)", process, c, author, p[0], p[1], answered ? STATUSES[k] : "OPEN",
                    answered ? ANSWERS[k] : null, answered ? Sql.at(answeredAt) : null, Sql.at(created));
            jdbc.sql("insert into program_proposal_principle (proposal_id, principle) values (?, ?)").params(id, i % 2 == 0 ? "TRANSPARENCY" : "PARTICIPATION")
                    .update();
            for (int s = 0; s < people.size(); s++) {
                if (!people.get(s).equals(author) && random.nextDouble() < 0.6) {
                    jdbc.sql("insert into program_support (proposal_id, account_id, created_at) values (?, ?, ?)")
                            .params(id, people.get(s), Sql.at(created.plusSeconds(86_400L * (1 + s)))).update();
                }
            }
        }
        jdbc.sql("update program_proposal p set support_count = (select count(*) from program_support s where s.proposal_id = p.id)"
                + " where p.process_id = ?").param(process).update();
        int w = 0;
        for (int daysAgo : m.workshops()) {
            LocalDate day = today.minusDays(daysAgo);
            Instant starts = at(day, 17);
            long workshop = insert("insert into program_workshop (process_id, collectivity_id, title_ar, title_fr, title_zgh, mode, place, starts_at,"
                    + " ends_at, capacity, created_at) values (?,?,?,?,?,'IN_PERSON',?,?,?,?,?)", process, c, "ورشة تشاورية حول أولويات البرنامج",
                    "Atelier de concertation sur les priorités du programme", "ⴰⵙⵎⵓⵏ ⵏ ⵓⵎⵙⴰⵡⴰⵍ", "Maison des associations", Sql.at(starts),
                    Sql.at(starts.plusSeconds(3 * 3600L)), m.attendees() + 10, Sql.at(starts.minusSeconds(86_400L * 21)));
            double women = m.recent(daysAgo) ? m.womenRecent() : m.womenBefore();
            int count = m.attendees() - 4 + w * 3;
            int womenCount = (int) Math.round(count * women);
            for (int i = 0; i < count; i++) {
                String gender = i < womenCount ? "WOMAN" : i % 11 == 10 ? null : "MAN";
                jdbc.sql("insert into program_attendance (workshop_id, collectivity_id, gender, age_band, recorded_at) values (?,?,?,?,?)")
                        .params(workshop, c, gender, new String[] {"UNDER_25", "25_34", "35_49", "50_64", "65_PLUS"}[i % 5],
                                Sql.at(starts.plusSeconds(3 * 3600L))).update();
            }
            w++;
        }
    }

    private void phase(long process, long collectivity, String kind, LocalDate from, LocalDate to) {
        jdbc.sql("insert into program_phase (process_id, collectivity_id, kind, starts_on, ends_on) values (?,?,?,?,?)")
                .params(process, collectivity, kind, from, to).update();
    }

    private long insert(String sql, Object... params) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Morocco.ZONE).toInstant();
    }
}
