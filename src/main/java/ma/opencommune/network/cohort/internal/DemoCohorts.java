package ma.opencommune.network.cohort.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.cohort.Cohort;
import ma.opencommune.network.cohort.CohortApplications;
import ma.opencommune.network.cohort.CohortCalls;
import ma.opencommune.network.cohort.CohortResults;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Sql;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: "Cohorte 2025", a call closed with its results (four communes, Tiznit among them though not a member, two
 * reviewers, one appeal dismissed), and "Cohorte 2027", open with its criteria published. Made through the services as
 * the coordinator, the applicants and the reviewers would, then dated back to 2025. Two reviewer accounts (password
 * {@code demo}): reviewer1@opencommune.demo and reviewer2@opencommune.demo. Once only: nothing happens when a call exists.
 */
@Component
@Order(97)
class DemoCohorts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCohorts.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final UserDetailsService users;
    private final PasswordEncoder encoder;
    private final Territory territory;
    private final CohortCalls calls;
    private final CohortApplications applications;
    private final CohortResults results;
    private final TransactionTemplate tx;

    DemoCohorts(DemoMode demo, JdbcClient jdbc, UserDetailsService users, PasswordEncoder encoder, Territory territory, CohortCalls calls,
            CohortApplications applications, CohortResults results, TransactionTemplate tx) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
        this.territory = territory;
        this.calls = calls;
        this.applications = applications;
        this.results = results;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || jdbc.sql("select count(*) from cohort_call").query(Integer.class).single() > 0
                || jdbc.sql("select count(*) from account where email_normalized = 'coordinator@opencommune.demo'").query(Integer.class).single() == 0
                || territory.find("tiznit").isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> load());
        log.info("Demo cohort calls loaded ({} ms)", (System.nanoTime() - start) / 1_000_000);
    }

    private AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    private void account(String email, String name) {
        jdbc.sql("""
                insert into account (email, email_normalized, password_hash, display_name, preferred_lang, email_confirmed_at, created_at, updated_at)
                values (?, ?, ?, ?, 'fr', current_timestamp, current_timestamp, current_timestamp)""")
                .params(email, email, encoder.encode("demo"), name).update();
    }

    private void load() {
        account("reviewer1@opencommune.demo", "Nadia Evaluatrice");
        account("reviewer2@opencommune.demo", "Omar Evaluateur");
        AccountUser coordinator = user("coordinator@opencommune.demo");
        AccountUser admin = user("admin@opencommune.demo");
        LocalDate today = calls.today();

        long past = calls.create(coordinator, new CohortCalls.CallInput("فوج 2025 لشبكة الجماعات المنفتحة", "Cohorte 2025 du réseau des collectivités ouvertes",
                "طلب ترشيح الجماعات لفوج 2025، على أساس أدائها في الانفتاح.", "Appel aux communes pour la cohorte 2025, sur la base de leur performance d’ouverture.",
                Set.of("COMMUNE"), "2", today.minusDays(1).toString(), today.toString(), today.plusDays(30).toString(), "15"));
        criteria(coordinator, past);
        calls.publish(coordinator, past);
        List<String> slugs = List.of("tiznit", "tafraout", "agadir", "marrakech");
        long question = calls.questions(past).get(0).id();
        long question2 = calls.questions(past).get(1).id();
        for (String slug : slugs) {
            Collectivity c = territory.require(slug);
            applications.saveAnswers(admin, c, past, Map.of(question, "Nous publions nos décisions et répondons aux demandes d’information dans les délais.",
                    question2, "Un registre des demandes tenu à jour et un budget citoyen publié chaque année."));
            applications.submit(admin, c, past);
        }
        // Dated back: the call ran in spring 2025.
        jdbc.sql("update cohort_call set opens_on = ?, closes_on = ?, results_due = ?, published_at = ? where id = ?")
                .params(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30), LocalDate.of(2025, 6, 15), at(2025, 2, 20), past).update();
        jdbc.sql("update cohort_application set created_at = ?, submitted_at = ? where call_id = ?").params(at(2025, 4, 10), at(2025, 4, 20), past).update();
        calls.assignReviewer(coordinator, past, "reviewer1@opencommune.demo");
        calls.assignReviewer(coordinator, past, "reviewer2@opencommune.demo");
        calls.close(coordinator, past);
        long review = calls.criteria(past).stream().filter(c -> c.kind() == Cohort.Kind.REVIEW).findFirst().orElseThrow().id();
        int[][] scores = {{78, 84}, {70, 66}, {62, 58}, {55, 61}};
        AccountUser r1 = user("reviewer1@opencommune.demo");
        AccountUser r2 = user("reviewer2@opencommune.demo");
        for (int i = 0; i < slugs.size(); i++) {
            long cid = territory.require(slugs.get(i)).id();
            long app = applications.submitted(past).values().stream().filter(d -> d.application().collectivityId() == cid)
                    .findFirst().orElseThrow().application().id();
            results.review(r1, past, app, review, String.valueOf(scores[i][0]), "Plan d’action clair, engagements datés et mesurables.");
            results.review(r2, past, app, review, String.valueOf(scores[i][1]), "Questionnaire complet ; pièces justificatives suffisantes.");
        }
        results.publish(coordinator, past);
        Collectivity marrakech = territory.require("marrakech");
        results.appeal(admin, marrakech, past, "Notre registre des demandes d’information n’a pas été pris en compte dans l’évaluation.");
        long appeal = jdbc.sql("select id from cohort_appeal where call_id = ?").param(past).query(Long.class).single();
        results.decideAppeal(coordinator, past, appeal, "DISMISSED",
                "Le registre a bien été examiné ; les notes des deux évaluateurs sont motivées et cohérentes avec les pièces fournies.");
        jdbc.sql("update cohort_call set closed_at = ?, results_at = ? where id = ?").params(at(2025, 5, 1), at(2025, 6, 10), past).update();
        jdbc.sql("update cohort_appeal set filed_at = ?, decided_at = ? where call_id = ?").params(at(2025, 6, 14), at(2025, 6, 30), past).update();

        LocalDate closes = LocalDate.of(Math.max(2027, today.getYear() + 1), 1, 31);
        long next = calls.create(coordinator, new CohortCalls.CallInput("فوج 2027 لشبكة الجماعات المنفتحة", "Cohorte 2027 du réseau des collectivités ouvertes",
                "الجماعات والأقاليم والجهات مدعوة للترشح؛ المعايير وأوزانها منشورة أدناه.",
                "Communes, provinces et régions sont invitées à candidater ; critères et pondérations sont publiés ci-dessous.",
                Set.of("COMMUNE", "PROVINCE", "PREFECTURE", "REGION"), "5", today.toString(), closes.toString(), closes.plusMonths(2).toString(), "15"));
        criteria(coordinator, next);
        calls.publish(coordinator, next);
    }

    private void criteria(AccountUser coordinator, long callId) {
        calls.setCriteria(coordinator, callId, List.of(
                new Cohort.CriterionInput("مؤشر الانفتاح", "Indice d’ouverture", "Score global de l’indice.", "INDEX", null, "40"),
                new Cohort.CriterionInput("الحصول على المعلومات", "Accès à l’information", "Pilier accès à l’information de l’indice.", "PILLAR", "ACCESS", "20"),
                new Cohort.CriterionInput("جودة خطة العمل", "Qualité du plan d’action", "Engagements datés, mesurables et portés par le conseil.", "REVIEW", null,
                        "40")),
                null);
        calls.setQuestions(coordinator, callId, List.of(
                new String[] {"ما الذي قامت به جماعتكم لنشر المعلومات بشكل استباقي؟", "Qu’a fait votre collectivité pour publier l’information de manière proactive ?"},
                new String[] {"ما هي التزاماتكم للسنتين المقبلتين؟", "Quels sont vos engagements pour les deux prochaines années ?"}));
    }

    private static java.time.OffsetDateTime at(int y, int m, int d) {
        return Sql.at(Instant.from(LocalDate.of(y, m, d).atTime(10, 0).atOffset(ZoneOffset.ofHours(1))));
    }
}
