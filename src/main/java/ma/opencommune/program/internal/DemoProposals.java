package ma.opencommune.program.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.identity.Accounts;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo proposals (DESIGN.md contract), marked "(démo)" / "(نموذج)": Taroudant's first process (now monitored)
 * has a dozen answered proposals, the accepted ones pointing at commitments created here with a number, title
 * and problem only (the commitments loader, ordered after this one, completes commitments that already exist);
 * the second process, open now, has a few unanswered proposals with supports, one of which
 * citizen@opencommune.demo has not supported yet.
 */
@Component
@Order(32)
class DemoProposals implements ApplicationRunner {

    /** One demo proposal: title, text, principles, answer status, answer text, commitment number (or 0). */
    private record Item(String title, String body, String principles, String status, String answer, int commitment,
            String association) {
    }

    private static final List<Item> ANSWERED = List.of(
            new Item("نشر جداول أعمال دورات المجلس على الموقع (نموذج)",
                    "نقترح نشر جدول أعمال كل دورة للمجلس الجماعي على الموقع قبل انعقادها بأسبوع على الأقل، مع الوثائق المرفقة، حتى يتمكن السكان من الاطلاع عليها والحضور.",
                    "TRANSPARENCY,ACCESS_TO_INFORMATION", "ACCEPTED",
                    "تم قبول المقترح: أُدرج في الالتزام رقم 1. ستُنشر جداول الأعمال ومحاضر الدورات على المنصة في الآجال القانونية.", 1, null),
            new Item("Données ouvertes sur l’exécution du budget (démo)",
                    "Publier chaque trimestre, dans un format ouvert (CSV), l’état d’exécution du budget de la commune : recettes, dépenses par chapitre, projets engagés.",
                    "TRANSPARENCY,DIGITALIZATION", "ACCEPTED",
                    "Proposition retenue : elle devient l’engagement n° 2. La première publication trimestrielle est prévue après la clôture de l’exercice.", 2, null),
            new Item("فضاء تسويق لتعاونيات النساء (نموذج)",
                    "تخصيص فضاء في السوق الأسبوعي لتعاونيات النساء المنتجات للزعفران والأركان والكسكس، مع لوحات تعريفية ورسوم رمزية.",
                    "PARTICIPATION", "ACCEPTED",
                    "مقترح مقبول بتنسيق مع هيئة المساواة وتكافؤ الفرص ومقاربة النوع: أُدرج في الالتزام رقم 3.", 3, "جمعية نساء سوس للتنمية (نموذج)"),
            new Item("Éclairage public au Derb Jdid (démo)",
                    "Plusieurs ruelles du Derb Jdid n’ont plus d’éclairage depuis des mois ; les habitantes évitent d’y passer le soir. Nous proposons de remplacer les lampadaires par des LED.",
                    "PARTICIPATION", "ALREADY_COVERED",
                    "Déjà pris en charge : le remplacement de l’éclairage du Derb Jdid figure au programme d’action de la commune (projet d’éclairage LED, tranche 2), avec un démarrage des travaux au prochain trimestre.", 0, null),
            new Item("Rendez-vous en ligne pour l’état civil (démo)",
                    "Permettre de prendre rendez-vous en ligne pour les actes d’état civil et les légalisations, afin d’éviter les longues files d’attente le matin.",
                    "DIGITALIZATION", "PARTLY_ACCEPTED",
                    "Retenue en partie : la prise de rendez-vous en ligne sera ouverte pour l’état civil dans le cadre de l’engagement n° 2 ; les légalisations restent au guichet tant que le registre n’est pas numérisé.", 2, null),
            new Item("مجلس جماعي للشباب (نموذج)",
                    "إحداث مجلس للشباب يضم شابات وشبابا من الأحياء والدواوير، يُستشار في المشاريع التي تهمهم ويقدّم آراءه للمجلس.",
                    "PARTICIPATION", "PARTLY_ACCEPTED",
                    "مقبول جزئيا: ستُنظَّم ورشات تشاورية خاصة بالشباب مرتين في السنة، أما إحداث مجلس دائم فيتطلب مداولة خاصة ستُعرض على المجلس لاحقا.", 0, "جمعية شباب تارودانت (نموذج)"),
            new Item("Wifi gratuit dans la bibliothèque municipale (démo)",
                    "Installer un accès wifi gratuit dans la bibliothèque municipale pour les élèves et étudiants qui n’ont pas de connexion à la maison.",
                    "DIGITALIZATION,ACCESS_TO_INFORMATION", "NOT_RETAINED",
                    "Non retenue pour ce programme : la bibliothèque relève d’une convention avec le ministère, qui prévoit déjà un équipement numérique en 2027. La commune transmettra la demande au partenaire.", 0, null),
            new Item("بث دورات المجلس مباشرة (نموذج)",
                    "بث الدورات العلنية للمجلس الجماعي مباشرة على الإنترنت وحفظ التسجيلات، لأن كثيرا من السكان لا يستطيعون الحضور.",
                    "TRANSPARENCY,DIGITALIZATION", "ACCEPTED",
                    "مقبول: سيُبث كل اجتماع علني مباشرة وتُنشر التسجيلات، في إطار الالتزام رقم 1.", 1, null),
            new Item("Boîte à idées dans chaque douar (démo)",
                    "Placer une boîte à idées dans chaque douar, relevée chaque mois par un agent, pour ceux qui n’utilisent pas Internet.",
                    "PARTICIPATION", "NOT_RETAINED",
                    "Non retenue : les boîtes seraient relevées trop rarement pour donner une réponse motivée dans un délai raisonnable. À la place, les ateliers itinérants dans les douars recueillent les propositions sur papier.", 0, null),
            new Item("تبسيط الوصول إلى المعلومات (نموذج)",
                    "إحداث شباك واحد لطلبات الحصول على المعلومات مع استمارة مبسطة بالعربية والأمازيغية، وتتبع الطلب برقم.",
                    "ACCESS_TO_INFORMATION", "ALREADY_COVERED",
                    "متكفَّل به سلفا: تتيح المنصة تقديم طلبات الحصول على المعلومات وتتبعها برقم، ويستقبل الشباك في مقر الجماعة الطلبات الورقية.", 0, null),
            new Item("Carte des chantiers de la commune (démo)",
                    "Publier une carte des chantiers en cours avec leur coût, leur entreprise et leur date de fin prévue.",
                    "TRANSPARENCY", "ACCEPTED",
                    "Proposition retenue : un nouvel engagement n° 4 publiera la carte des chantiers, mise à jour chaque mois.", 4, null),
            new Item("Toilettes publiques au souk (démo)",
                    "Le souk hebdomadaire n’a pas de toilettes publiques entretenues ; c’est un problème surtout pour les femmes et les personnes âgées.",
                    "PARTICIPATION", "NOT_RETAINED",
                    "Non retenue dans ce programme, qui porte sur l’ouverture de la commune ; la demande est transmise au service des équipements pour le plan communal d’action.", 0, null));

    private static final List<Item> OPEN = List.of(
            new Item("Publier les marchés publics de la commune (démo)",
                    "Publier en ligne tous les marchés publics attribués par la commune, avec le montant et l’attributaire.",
                    "TRANSPARENCY,ACCESS_TO_INFORMATION", "OPEN", null, 0, null),
            new Item("حافلة مدرسية للدواوير البعيدة (نموذج)",
                    "توفير نقل مدرسي للتلميذات في الدواوير البعيدة للحد من الهدر المدرسي.",
                    "PARTICIPATION", "OPEN", null, 0, null),
            new Item("Budget participatif pour les quartiers (démo)",
                    "Réserver une part du budget d’investissement à des projets proposés et votés par les habitants de chaque quartier.",
                    "PARTICIPATION,TRANSPARENCY", "OPEN", null, 0, "Association Amal Taroudant (démo)"),
            new Item("تطبيق للتبليغ عن الأعطاب (نموذج)",
                    "تطبيق أو صفحة للتبليغ عن أعطاب الإنارة والطرق مع تتبع المعالجة.",
                    "DIGITALIZATION", "OPEN", null, 0, null),
            new Item("Affichage des horaires des services (démo)",
                    "Afficher en arabe, en amazighe et en français les horaires et les pièces demandées à chaque guichet.",
                    "ACCESS_TO_INFORMATION", "OPEN", null, 0, null),
            new Item("جلسات استماع للنساء في الدواوير (نموذج)",
                    "تنظيم جلسات استماع للنساء في الدواوير لتحديد أولوياتهن في برنامج الجماعة.",
                    "PARTICIPATION", "OPEN", null, 0, null));

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoProposals(JdbcClient jdbc, DemoMode demo, Accounts accounts, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Long taroudant = jdbc.sql("select id from collectivity where slug = 'taroudant'").query(Long.class).optional().orElse(null);
        if (taroudant == null || jdbc.sql("select count(*) from program_proposal where collectivity_id = ?").param(taroudant)
                .query(Integer.class).single() > 0) {
            return;
        }
        List<Long> processes = jdbc.sql("select id from program_process where collectivity_id = ? order by starts_on, id")
                .param(taroudant).query(Long.class).list();
        if (processes.size() < 2) {
            return;
        }
        tx.executeWithoutResult(s -> load(taroudant, processes.get(0), processes.get(1)));
    }

    private Long account(String email) {
        return accounts.findByEmail(email).map(Accounts.Account::id).orElse(null);
    }

    private void load(long taroudant, long first, long second) {
        LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
        Long citizen = account("citizen@opencommune.demo");
        Long resident = account("resident@opencommune.demo");
        Long body = account("body@taroudant.demo");
        Long staff = account("staff@taroudant.demo");
        Long admin = account("admin@opencommune.demo");
        List<Long> people = new ArrayList<>();
        for (Long id : new Long[] {citizen, resident, body, admin}) {
            if (id != null) {
                people.add(id);
            }
        }
        List<Long> firstAreas = areas(first);
        LocalDate submitted = jdbc.sql("select starts_on from program_phase where process_id = ? and kind = 'PROPOSALS'")
                .param(first).query(LocalDate.class).optional().orElse(today.minusDays(400));
        for (int i = 0; i < ANSWERED.size(); i++) {
            Item item = ANSWERED.get(i);
            Instant created = at(submitted.plusDays(i * 3L), 9 + i % 8);
            Long commitment = item.commitment() == 0 ? null : commitment(taroudant, first, item.commitment(), item, created);
            long id = proposal(taroudant, first, i % 2 == 0 ? citizen : resident, item,
                    firstAreas.isEmpty() ? null : firstAreas.get(i % firstAreas.size()), created);
            jdbc.sql("update program_proposal set status = ?, answer_text = ?, answer_commitment_id = ?, answered_at = ?, answered_by = ?"
                    + " where id = ?").params(item.status(), item.answer(), commitment, Sql.at(created.plusSeconds(86_400L * (12 + i * 2))),
                    staff, id).update();
            if (commitment != null) {
                jdbc.sql("insert into program_commitment_source (commitment_id, proposal_id) values (?, ?) on conflict do nothing")
                        .params(commitment, id).update();
            }
            for (int k = 0; k < people.size() && k <= (i * 7) % (people.size() + 1); k++) {
                support(id, people.get(k), created.plusSeconds(3600L * (k + 1)));
            }
            if (i == 0) {
                long c1 = comment(taroudant, id, null, resident, "فكرة ممتازة، خاصة إذا نُشرت الوثائق المرفقة أيضا.", created.plusSeconds(7200));
                comment(taroudant, id, c1, citizen, "نعم، ومعها محاضر الدورات السابقة.", created.plusSeconds(9000));
                long hidden = comment(taroudant, id, null, body, "تعليق مسيء أخفاه المشرفون (نموذج).", created.plusSeconds(10_000));
                jdbc.sql("update program_comment set hidden_at = ?, hidden_by = ?, hidden_reason = ? where id = ?")
                        .params(Sql.at(created.plusSeconds(20_000)), staff, "إساءة شخصية", hidden).update();
            }
            if (i == 1) {
                long c = comment(taroudant, id, null, citizen, "Très utile, surtout si les fichiers restent lisibles sur téléphone.", created.plusSeconds(5000));
                long spam = comment(taroudant, id, c, resident, "Visitez mon site pour des offres incroyables !!! (démo)", created.plusSeconds(6000));
                if (citizen != null) {
                    jdbc.sql("insert into program_comment_report (comment_id, account_id, collectivity_id, reason, created_at) values (?,?,?,?,?)")
                            .params(spam, citizen, taroudant, "Publicité (démo)", Sql.at(created.plusSeconds(7000))).update();
                }
            }
        }
        List<Long> secondAreas = areas(second);
        for (int i = 0; i < OPEN.size(); i++) {
            Item item = OPEN.get(i);
            Instant created = Instant.now(clock).minusSeconds(86_400L * (9 - i));
            long id = proposal(taroudant, second, i % 2 == 0 ? resident : body, item,
                    secondAreas.isEmpty() || i % 3 == 2 ? null : secondAreas.get(i % secondAreas.size()), created);
            // citizen@opencommune.demo supports the first two only, so the others can be supported in a demo.
            for (int k = 0; k < people.size() && k <= (i + 1) % people.size(); k++) {
                if (i >= 2 && people.get(k).equals(citizen)) {
                    continue;
                }
                support(id, people.get(k), created.plusSeconds(1800L * (k + 1)));
            }
            if (i == 0) {
                comment(taroudant, id, null, citizen, "Avec les avenants aussi, s’il vous plaît.", created.plusSeconds(4000));
            }
        }
        jdbc.sql("""
                update program_proposal p set
                  support_count = (select count(*) from program_support s where s.proposal_id = p.id),
                  comment_count = (select count(*) from program_comment m where m.proposal_id = p.id and m.hidden_at is null)
                where p.collectivity_id = ?""").param(taroudant).update();
    }

    private List<Long> areas(long processId) {
        return jdbc.sql("select id from program_area where process_id = ? order by position, id").param(processId).query(Long.class).list();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 15).toInstant(ZoneOffset.ofHours(1));
    }

    private long proposal(long collectivity, long process, Long author, Item item, Long area, Instant created) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_proposal (process_id, collectivity_id, author_id, association, title, body, area_id, created_at)"
                + " values (?,?,?,?,?,?,?,?)")
                .params(process, collectivity, author, item.association(), item.title(), item.body(), area, Sql.at(created))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String principle : item.principles().split(",")) {
            jdbc.sql("insert into program_proposal_principle (proposal_id, principle) values (?, ?)").params(id, principle).update();
        }
        return id;
    }

    /** The commitment of that number, created bare (number, title, problem) when the commitments loader has not run yet. */
    private long commitment(long collectivity, long process, int number, Item item, Instant created) {
        return jdbc.sql("select id from program_commitment where process_id = ? and number = ?").params(process, number)
                .query(Long.class).optional().orElseGet(() -> {
                    GeneratedKeyHolder key = new GeneratedKeyHolder();
                    jdbc.sql("insert into program_commitment (process_id, collectivity_id, number, title, problem, created_at, updated_at)"
                            + " values (?,?,?,?,?,?,?)")
                            .params(process, collectivity, number, item.title(), item.body(), Sql.at(created), Sql.at(created))
                            .update(key, "id");
                    return key.getKey().longValue();
                });
    }

    private void support(long proposal, Long account, Instant at) {
        if (account != null) {
            jdbc.sql("insert into program_support (proposal_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                    .params(proposal, account, Sql.at(at)).update();
        }
    }

    private long comment(long collectivity, long proposal, Long parent, Long author, String text, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_comment (proposal_id, collectivity_id, parent_id, author_id, body, created_at) values (?,?,?,?,?,?)")
                .params(proposal, collectivity, parent, author, text, Sql.at(at)).update(key, "id");
        return key.getKey().longValue();
    }
}
