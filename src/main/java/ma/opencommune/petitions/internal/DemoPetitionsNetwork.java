package ma.opencommune.petitions.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.identity.Accounts;
import ma.opencommune.petitions.PetitionRules;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for the network's openness index: associations' petitions (PET-4, no signatures to collect) filed over two
 * years with other members than Taroudant, decided within the bureau's delay or late. Agadir decides in time; Marrakech
 * mostly; Tafraout late, with one petition still waiting past its last day; the province of Taroudant decided late a
 * year ago and in time in the last six months.
 *
 * <p>Rows are written with JdbcClient, as in {@link DemoPetitions}: the bureau's decisions are dated today by the
 * service, and the demo needs them months ago. A member that already has the first of these petitions is left as it is.
 */
@Component
@Order(51)
class DemoPetitionsNetwork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPetitionsNetwork.class);

    /** One petition: filed {@code filedDaysAgo}, decided {@code decidedAfterDue} days after its last day (negative: before), or not yet (null). */
    record Plan(String slug, int filedDaysAgo, Integer decidedAfterDue, boolean accepted, int story) {
    }

    static final List<Plan> PLANS = List.of(
            new Plan("agadir", 660, -40, true, 0),
            new Plan("agadir", 480, -25, true, 1),
            new Plan("agadir", 300, -50, false, 2),
            new Plan("agadir", 200, -30, true, 3),
            new Plan("agadir", 120, -45, true, 4),
            new Plan("agadir", 40, null, false, 5),
            new Plan("marrakech", 620, 12, true, 1),
            new Plan("marrakech", 400, -10, false, 3),
            new Plan("marrakech", 260, -20, true, 0),
            new Plan("marrakech", 150, 5, true, 4),
            new Plan("tafraout", 560, 45, false, 2),
            new Plan("tafraout", 330, 30, true, 5),
            new Plan("tafraout", 200, null, false, 0),
            new Plan("province-taroudant", 640, 40, false, 3),
            new Plan("province-taroudant", 520, 35, true, 1),
            new Plan("province-taroudant", 300, -20, true, 0),
            new Plan("province-taroudant", 210, -45, true, 2),
            new Plan("province-taroudant", 140, -40, true, 4));

    /** Association, title, object, reasons, requested action (French; the association writes in French). */
    private static final String[][] STORIES = {
        {"Association des parents d’élèves Al Wifaq", "Éclairer le chemin de l’école", "Installer l’éclairage public sur le chemin qui mène à l’école primaire.",
            "Les enfants rentrent à la nuit tombée en hiver sur un chemin sans lumière.", "Que le conseil programme l’éclairage du chemin dans le budget."},
        {"Association Tifawin pour le développement", "Un espace de jeux pour le quartier", "Aménager un espace de jeux sur le terrain vague du quartier.",
            "Le quartier compte plus de 600 enfants et aucun espace de jeux sûr.", "Que le conseil aménage le terrain et en confie l’entretien au service des espaces verts."},
        {"Association des commerçants du souk", "Ombrage et eau au souk hebdomadaire", "Couvrir une partie du souk et installer des points d’eau.",
            "L’été, les commerçants et les clients restent des heures en plein soleil sans eau.", "Que le conseil inscrive l’aménagement du souk au programme d’action."},
        {"Association Amal des femmes rurales", "Transport vers le centre de santé", "Organiser un transport vers le centre de santé pour les douars éloignés.",
            "Les femmes enceintes des douars marchent plus de dix kilomètres pour les consultations.", "Que le conseil conventionne un transport deux jours par semaine."},
        {"Association Atlas environnement", "Tri des déchets dans les écoles", "Installer des bacs de tri et organiser la collecte dans les écoles.",
            "Les écoles veulent trier mais la collecte mélange tout.", "Que le conseil adapte le contrat de collecte."},
        {"Association sportive des jeunes", "Ouvrir le terrain de sport le soir", "Ouvrir le terrain municipal jusqu’à 21 h et l’éclairer.",
            "Les jeunes qui travaillent ou étudient la journée n’ont aucun accès au terrain.", "Que le conseil fixe de nouveaux horaires et affecte un gardien."},
    };

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final Accounts accounts;
    private final PetitionRules rules;

    DemoPetitionsNetwork(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory, Accounts accounts, PetitionRules rules) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
        this.accounts = accounts;
        this.rules = rules;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Long agent = accounts.findByEmail(DemoPetitionPlans.RESIDENT).map(Accounts.Account::id).orElse(null);
        Long admin = accounts.findByEmail("admin@opencommune.demo").map(Accounts.Account::id).orElse(null);
        if (agent == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
        int loaded = 0;
        for (String slug : PLANS.stream().map(Plan::slug).distinct().toList()) {
            Collectivity c = territory.find(slug).orElse(null);
            if (c == null || jdbc.sql("select count(*) from petition where collectivity_id = ? and title = ?")
                    .params(c.id(), STORIES[PLANS.stream().filter(p -> p.slug().equals(slug)).findFirst().orElseThrow().story()][1])
                    .query(Integer.class).single() > 0) {
                continue;
            }
            tx.executeWithoutResult(s -> PLANS.stream().filter(p -> p.slug().equals(slug)).forEach(p -> petition(c, p, agent, admin, today)));
            loaded++;
        }
        if (loaded > 0) {
            log.info("Demo petitions of {} network members loaded", loaded);
        }
    }

    private void petition(Collectivity c, Plan p, long agent, Long admin, LocalDate today) {
        String[] s = STORIES[p.story()];
        LocalDate filed = today.minusDays(p.filedDaysAgo());
        LocalDate due = rules.decisionDue(c.type(), filed);
        LocalDate decided = p.decidedAfterDue() == null ? null : due.plusDays(p.decidedAfterDue());
        if (decided != null && (decided.isAfter(today) || !decided.isAfter(filed))) {
            decided = decided.isAfter(today) ? null : filed.plusDays(10);
        }
        String status = decided == null ? "FILED" : p.accepted() ? "ACCEPTED" : "REJECTED";
        LocalDate session = "ACCEPTED".equals(status) ? DemoPetitions.session(decided) : null;
        Instant checked = filed.plusDays(4).atTime(11, 0).atZone(Morocco.ZONE).toInstant();
        jdbc.sql("""
                insert into petition (kind, title, object, reasons, requested_action, lang, association_name, association_constituted_on,
                    association_seat, association_field, association_checked_by, association_checked_at, collectivity_id, agent_id, status,
                    threshold, created_at, filed_on, decision_due, decided_on, rejection_ground, rejection_reasoning, session_on, committee)
                values ('ASSOCIATION', ?, ?, ?, ?, 'fr', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s[1], s[2], s[3], s[4], s[0], filed.minusYears(6).withDayOfMonth(1), c.name("fr"), "Développement local", admin, Sql.at(checked),
                        c.id(), agent, status, Sql.at(filed.minusDays(2).atTime(20, 0).atZone(Morocco.ZONE).toInstant()), filed, due, decided,
                        "REJECTED".equals(status) ? "NOT_COUNCIL_COMPETENCE" : null,
                        "REJECTED".equals(status) ? "La demande relève d’un autre organisme public ; le bureau l’a transmise à l’autorité compétente." : null,
                        session, session == null ? null : "Commission des affaires sociales")
                .update();
    }
}
