package ma.opencommune.network.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.network.exchange.NetworkEvent;
import ma.opencommune.network.exchange.NetworkEvents;
import ma.opencommune.network.exchange.PracticeDiscussion;
import ma.opencommune.network.exchange.PracticeTag;
import ma.opencommune.network.exchange.Practices;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data of the exchange of experience: seven published practices of Taroudant, Agadir, Tafraout and Marrakech (written
 * through the façade by their staff, or by the platform administrator where the demo has no staff account), comments and
 * questions (one answered), the Taroudant workshop of the mission as a past event and two upcoming events with
 * registrations. Once only: nothing happens when any practice exists.
 */
@Component
@Order(92)
class DemoExchange implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExchange.class);

    private final DemoMode demo;
    private final Territory territory;
    private final UserDetailsService users;
    private final Practices practices;
    private final PracticeDiscussion discussion;
    private final NetworkEvents events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoExchange(DemoMode demo, Territory territory, UserDetailsService users, Practices practices, PracticeDiscussion discussion,
            NetworkEvents events, JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.demo = demo;
        this.territory = territory;
        this.users = users;
        this.practices = practices;
        this.discussion = discussion;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() || jdbc.sql("select count(*) from exchange_practice").query(Integer.class).single() > 0) {
            return;
        }
        Optional<AccountUser> taroudantStaff = user("staff@taroudant.demo");
        Optional<AccountUser> agadirStaff = user("staff@agadir.demo");
        Optional<AccountUser> admin = user("admin@opencommune.demo");
        Optional<AccountUser> coordinator = user("coordinator@opencommune.demo");
        Optional<AccountUser> citizen = user("citizen@opencommune.demo");
        Optional<AccountUser> body = user("body@taroudant.demo");
        Optional<Collectivity> taroudant = territory.find("taroudant");
        Optional<Collectivity> agadir = territory.find("agadir");
        Optional<Collectivity> tafraout = territory.find("tafraout");
        Optional<Collectivity> marrakech = territory.find("marrakech");
        if (taroudantStaff.isEmpty() || agadirStaff.isEmpty() || admin.isEmpty() || coordinator.isEmpty() || citizen.isEmpty() || body.isEmpty()
                || taroudant.isEmpty() || agadir.isEmpty() || tafraout.isEmpty() || marrakech.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(s -> {
            Content content = new Content();
            long hearing = publish(taroudant.get(), taroudantStaff.get(), content.hearing(), 210);
            long register = publish(taroudant.get(), taroudantStaff.get(), content.register(), 120);
            long requests = publish(agadir.get(), agadirStaff.get(), content.requests(), 180);
            long youth = publish(agadir.get(), agadirStaff.get(), content.youthCouncil(), 60);
            long quotas = publish(tafraout.get(), admin.get(), content.quotas(), 150);
            long budget = publish(marrakech.get(), admin.get(), content.participatoryBudget(), 90);
            publish(marrakech.get(), admin.get(), content.openData(), 30);
            practices.create(taroudant.get(), taroudantStaff.get(), content.draft(), null);

            long question = discussion.post(citizen.get(), hearing, PracticeDiscussion.Kind.QUESTION,
                    "كم عدد المواطنين الذين حضروا جلسة الاستماع الأولى، وهل نُشر محضرها؟", null);
            discussion.answer(taroudant.get(), taroudantStaff.get(), hearing, question,
                    "حضر 146 مواطناً ومواطنة، منهم 58 امرأة. نُشر المحضر في مكتبة وثائق الجماعة بعد أسبوعين من الجلسة.");
            discussion.post(body.get(), quotas, PracticeDiscussion.Kind.COMMENT,
                    "Nous avons repris l’idée des quotas à Taroudant pour les ateliers du programme : merci pour le guide d’animation.", null);
            discussion.post(agadirStaff.get(), budget, PracticeDiscussion.Kind.QUESTION,
                    "Comment avez-vous vérifié l’éligibilité des votants sans collecter de données personnelles superflues ?", null);
            discussion.post(taroudantStaff.get(), requests, PracticeDiscussion.Kind.COMMENT,
                    "تجربة مفيدة، نعمل على تكييف نموذج الاستمارة مع خصوصيات تارودانت.", null);
            discussion.post(citizen.get(), youth, PracticeDiscussion.Kind.QUESTION,
                    "Le conseil des jeunes est-il ouvert aux jeunes des douars autour d’Agadir ?", null);

            LocalDate today = events.today();
            LocalDateTime past = LocalDateTime.of(today.minusMonths(2).withDayOfMonth(12), LocalTime.of(9, 0));
            events.create(coordinator.get(), new NetworkEvents.Details(NetworkEvent.Kind.WORKSHOP,
                    "ورشة تارودانت: إطلاق شبكة الجماعات المنفتحة",
                    "Atelier de Taroudant : lancement du réseau des collectivités ouvertes",
                    "ورشة عمل حضرتها الجماعات الأعضاء لتقاسم التشخيص الأولي للانفتاح ووضع أسس تبادل التجارب بين الجماعات.",
                    "Atelier réunissant les collectivités membres pour partager le diagnostic initial d’ouverture et poser les bases de l’échange d’expériences.",
                    past, past.plusHours(7), "Palais municipal, Taroudant", null, taroudant.get().id(), 60, past.toLocalDate().minusDays(3)), null);
            LocalDateTime webinar = LocalDateTime.of(today.plusDays(12), LocalTime.of(15, 0));
            long w = events.create(coordinator.get(), new NetworkEvents.Details(NetworkEvent.Kind.WEBINAR,
                    "ندوة رقمية: طلبات الحصول على المعلومات عبر الإنترنت",
                    "Webinaire : les demandes d’information en ligne",
                    "تقدم جماعة أكادير تجربتها في معالجة طلبات الحصول على المعلومات عبر المنصة، مع أسئلة وأجوبة.",
                    "La commune d’Agadir présente son traitement des demandes d’accès à l’information sur la plateforme, suivi de questions-réponses.",
                    webinar, webinar.plusMinutes(90), null, "https://visio.opencommune.demo/webinaire-information", agadir.get().id(), 100,
                    webinar.toLocalDate().minusDays(1)), null);
            LocalDateTime visit = LocalDateTime.of(today.plusDays(40), LocalTime.of(10, 0));
            long v = events.create(coordinator.get(), new NetworkEvents.Details(NetworkEvent.Kind.STUDY_VISIT,
                    "زيارة دراسية إلى تافراوت: الحصص النسائية في الورشات",
                    "Visite d’étude à Tafraout : les quotas de femmes dans les ateliers",
                    "زيارة ميدانية للقاء لجنة المساواة بتافراوت والجمعيات النسائية الشريكة.",
                    "Visite de terrain pour rencontrer l’instance de l’égalité de Tafraout et les associations de femmes partenaires.",
                    visit, visit.plusHours(6), "Maison de la commune, Tafraout", null, tafraout.get().id(), 12, visit.toLocalDate().minusDays(7)), null);
            events.register(citizen.get(), w, null);
            events.register(taroudantStaff.get(), w, "Commune de Taroudant");
            events.register(body.get(), v, "Association Tifawin pour le développement");
            events.register(agadirStaff.get(), v, "Commune d’Agadir");
            // The publication days are set back to when they would have been, so the library reads as a history.
            for (long id : new long[] {hearing, register, requests, youth, quotas, budget}) {
                Instant published = jdbc.sql("select published_at from exchange_practice where id = ?").param(id)
                        .query((rs, i) -> Sql.instant(rs, 1)).single();
                jdbc.sql("update exchange_comment set created_at = ? where practice_id = ?")
                        .params(Sql.at(published.plus(Duration.ofDays(3))), id).update();
            }
        });
        log.info("Demo exchange of experience loaded ({} ms)", (System.nanoTime() - start) / 1_000_000);
    }

    private long publish(Collectivity c, AccountUser staff, Practices.Draft d, int daysAgo) {
        long id = practices.create(c, staff, d, null).id();
        practices.publish(c, staff, id);
        Instant now = Instant.now(clock);
        jdbc.sql("update exchange_practice set created_at = ?, published_at = ? where id = ?")
                .params(Sql.at(now.minus(Duration.ofDays(daysAgo + 5))), Sql.at(now.minus(Duration.ofDays(daysAgo))), id).update();
        return id;
    }

    private Optional<AccountUser> user(String email) {
        try {
            return Optional.of((AccountUser) users.loadUserByUsername(email));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static Set<PracticeTag> tags(PracticeTag... tags) {
        return EnumSet.copyOf(Set.of(tags));
    }
}
