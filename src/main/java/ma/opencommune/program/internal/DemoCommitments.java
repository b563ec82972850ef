package ma.opencommune.program.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.program.PhaseKind;
import ma.opencommune.program.Process;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Versions;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.ConsultativeBody;
import ma.opencommune.territory.Territory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data for Taroudant's first (monitoring) process: the gender-equality body's opinion with four numbered
 * recommendations (three answered), a short opinion of the consultation space, six commitments with every OGP-2
 * field and their milestones, their sources, the council's adoption (version 1) and a later version 2 where a
 * milestone's due date moved. Commitments the proposals demo (order 32) already created are completed, matched
 * by number. Runs once: nothing happens when the process already has an opinion or a version.
 */
@Component
@Order(33)
class DemoCommitments implements ApplicationRunner {

    private record Demo(String title, String problem, String baseline, String statusQuo, String description, String results,
            String how, String lead, String actors, String budget, List<String> principles, List<String[]> milestones) {
    }

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final Processes processes;
    private final Versions versions;

    DemoCommitments(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory, Processes processes,
            Versions versions) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
        this.processes = processes;
        this.versions = versions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Collectivity taroudant = territory.find("taroudant").orElse(null);
        if (taroudant == null) {
            return;
        }
        List<Process> all = new ArrayList<>(processes.list(taroudant.id(), true));
        if (all.isEmpty()) {
            return;
        }
        all.sort(java.util.Comparator.comparing(Process::startsOn));
        Process first = all.get(0);
        boolean done = jdbc.sql("select (select count(*) from program_opinion where process_id = ?) + (select count(*) from program_version where process_id = ?)")
                .params(first.id(), first.id()).query(Integer.class).single() > 0;
        if (!done) {
            tx.executeWithoutResult(s -> load(taroudant, first));
        }
    }

    private Long account(String email) {
        return jdbc.sql("select id from account where email_normalized = ?").param(email).query(Long.class).optional().orElse(null);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(11, 0).toInstant(ZoneOffset.ofHours(1));
    }

    private void load(Collectivity c, Process p) {
        LocalDate today = LocalDate.now(clock.withZone(Morocco.ZONE));
        Long manager = account("staff@taroudant.demo");
        Long member = account("body@taroudant.demo");
        LocalDate opinions = p.phase(PhaseKind.OPINIONS).map(Process.Phase::startsOn).orElse(p.startsOn());
        LocalDate adoption = p.phase(PhaseKind.ADOPTION).map(Process.Phase::startsOn).orElse(opinions.plusDays(30));
        LocalDate from = p.phase(PhaseKind.MONITORING).map(Process.Phase::startsOn).orElse(adoption.plusDays(30));
        LocalDate to = p.endsOn().minusDays(90);

        List<Long> commitments = new ArrayList<>();
        List<Demo> demos = demos();
        for (int i = 0; i < demos.size(); i++) {
            commitments.add(commitment(c.id(), p.id(), i + 1, demos.get(i), from, to, today));
        }
        // Proposals the proposals demo accepted: linked to the commitment their answer names, else spread over them.
        List<long[]> accepted = jdbc.sql("select id, coalesce(answer_commitment_id, 0) from program_proposal where process_id = ?"
                + " and status in ('ACCEPTED', 'PARTLY_ACCEPTED') order by id").param(p.id())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        for (int i = 0; i < accepted.size(); i++) {
            long target = accepted.get(i)[1] != 0 ? accepted.get(i)[1] : commitments.get(i % commitments.size());
            source(target, accepted.get(i)[0], null);
        }

        List<ConsultativeBody> bodies = territory.bodies(c.id());
        bodies.stream().filter(b -> b.type() == ConsultativeBody.Type.GENDER_EQUALITY).findFirst().ifPresent(b -> {
            long[] recs = opinion(c.id(), p.id(), b.id(), member != null ? member : manager, opinions.plusDays(12),
                    "رأي هيئة المساواة وتكافؤ الفرص ومقاربة النوع في مشروع البرنامج (نموذج تجريبي)",
                    "اطلعت الهيئة على مشروع برنامج الجماعة المنفتحة في اجتماعها العادي، وتثمن المقاربة التشاركية المعتمدة."
                            + " وتسجل ضعف مشاركة النساء في ورشات التشخيص بالدواوير البعيدة، وتقدم التوصيات التالية. معطيات تجريبية.",
                    List.of("اعتماد معطيات مصنفة حسب النوع في كل مؤشرات تتبع الالتزامات.",
                            "برمجة ورشات خاصة بالنساء في الدواوير البعيدة وتوفير النقل.",
                            "تخصيص حصة من ميزانية البرنامج لمشاريع تقودها جمعيات نسائية.",
                            "إشراك الهيئة في لجنة تتبع تنفيذ البرنامج."));
            answer(recs[0], "TAKEN", "اعتُمد: كل مؤشرات التتبع في لوحة القيادة مصنفة حسب النوع (الالتزام 2).", manager, opinions.plusDays(30));
            answer(recs[1], "PARTLY_TAKEN", "ستُنظم ورشتان في الدواوير خلال السنة الأولى؛ النقل غير ممكن في الميزانية الحالية.", manager, opinions.plusDays(31));
            answer(recs[2], "NOT_TAKEN", "لا يسمح القانون التنظيمي 113.14 بتخصيص حصة مسبقة لفئة من الجمعيات؛ تبقى طلبات الدعم مفتوحة للجميع بمعايير شفافة.",
                    manager, opinions.plusDays(31));
            source(commitments.get(1), null, recs[0]);
        });
        bodies.stream().filter(b -> b.type() == ConsultativeBody.Type.CONSULTATION_SPACE).findFirst().ifPresent(b -> {
            long[] recs = opinion(c.id(), p.id(), b.id(), manager, opinions.plusDays(20),
                    "Avis de l’espace de concertation sur le projet de programme (démo)",
                    "L’espace de concertation soutient le projet de programme et demande que les habitants des douars puissent suivre"
                            + " les engagements sans se déplacer. Données de démonstration.",
                    List.of("Publier l’avancement des engagements par affichage dans les douars, pas seulement en ligne.",
                            "Tenir une réunion publique de suivi tous les six mois."));
            answer(recs[0], "PARTLY_TAKEN", "L’avancement est affiché au siège de la commune et dans les trois centres ; les autres douars suivront en 2e année.",
                    manager, opinions.plusDays(33));
        });

        // Version 1: the council's adoption, then a milestone moved later with its reason (version 2).
        LocalDate deliberation = adoption.plusDays(12);
        insertVersion(c.id(), p.id(), 1, "Délibération n° 31 (démo)", deliberation, null, versions.snapshotJson(c.id(), p.id()), manager, at(deliberation));
        java.util.Map.Entry<Long, LocalDate> moved = jdbc.sql("select id, due_on from program_milestone where commitment_id = ?"
                + " order by position, id offset 1 rows fetch first 1 rows only").param(commitments.get(2))
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional().orElse(null);
        if (moved != null && !moved.getValue().plusDays(60).isAfter(to)) {
            jdbc.sql("update program_milestone set due_on = ? where id = ?").params(moved.getValue().plusDays(60), moved.getKey()).update();
            jdbc.sql("update program_commitment set expected_results = ? where id = ?").params("80 % des demandes reçoivent une réponse dans"
                    + " le délai légal dès la deuxième année ; délais publiés chaque mois.", commitments.get(2)).update();
            LocalDate changed = today.minusDays(45);
            insertVersion(c.id(), p.id(), 2, null, null,
                    "Mise en ligne du guichet reportée de deux mois : le marché public a été relancé faute d’offres conformes ; objectif de délai décalé d’un an (démo).",
                    versions.snapshotJson(c.id(), p.id()), manager, at(changed));
        }
    }

    private long commitment(long collectivity, long process, int number, Demo d, LocalDate from, LocalDate to, LocalDate today) {
        Long existing = jdbc.sql("select id from program_commitment where process_id = ? and number = ?").params(process, number)
                .query(Long.class).optional().orElse(null);
        Instant created = at(from.minusDays(40));
        long id;
        if (existing == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("insert into program_commitment (process_id, collectivity_id, number, title, problem, created_at, updated_at) values (?,?,?,?,?,?,?)")
                    .params(process, collectivity, number, d.title(), d.problem(), Sql.at(created), Sql.at(created)).update(key, "id");
            id = key.getKey().longValue();
        } else {
            id = existing;
        }
        // Completes a row the proposals demo made (its title and problem stay), or fills the one just made.
        jdbc.sql("""
                update program_commitment set problem = coalesce(problem, ?), baseline = ?, status_quo = ?, description = ?,
                    expected_results = ?, how_it_solves = ?, lead_unit = ?, other_actors = ?, budget_mad = ?, starts_on = ?, ends_on = ?
                where id = ?""")
                .params(d.problem(), d.baseline(), d.statusQuo(), d.description(), d.results(), d.how(), d.lead(), d.actors(),
                        new BigDecimal(d.budget()), from, to, id).update();
        for (String principle : d.principles()) {
            if (jdbc.sql("select count(*) from program_commitment_principle where commitment_id = ? and principle = ?").params(id, principle)
                    .query(Integer.class).single() == 0) {
                jdbc.sql("insert into program_commitment_principle (commitment_id, principle) values (?,?)").params(id, principle).update();
            }
        }
        if (jdbc.sql("select count(*) from program_milestone where commitment_id = ?").param(id).query(Integer.class).single() == 0) {
            for (int i = 0; i < d.milestones().size(); i++) {
                String[] m = d.milestones().get(i);
                LocalDate due = today.plusDays(Long.parseLong(m[1]));
                due = due.isBefore(from) ? from : due.isAfter(to) ? to : due;
                jdbc.sql("insert into program_milestone (commitment_id, collectivity_id, position, output, due_on, responsible_unit) values (?,?,?,?,?,?)")
                        .params(id, collectivity, i + 1, m[0], due, m[2]).update();
            }
        }
        return id;
    }

    private void source(long commitment, Long proposal, Long recommendation) {
        if (jdbc.sql("select count(*) from program_commitment_source where commitment_id = ? and (proposal_id = ? or recommendation_id = ?)")
                .params(commitment, proposal, recommendation).query(Integer.class).single() == 0) {
            jdbc.sql("insert into program_commitment_source (commitment_id, proposal_id, recommendation_id) values (?,?,?)")
                    .params(commitment, proposal, recommendation).update();
        }
    }

    private long[] opinion(long collectivity, long process, long body, Long author, LocalDate adopted, String title, String text, List<String> recs) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into program_opinion (process_id, collectivity_id, body_id, title, text, adopted_on, created_by, created_at) values (?,?,?,?,?,?,?,?)")
                .params(process, collectivity, body, title, text, adopted, author, Sql.at(at(adopted.plusDays(2)))).update(key, "id");
        long opinion = key.getKey().longValue();
        long[] ids = new long[recs.size()];
        for (int i = 0; i < recs.size(); i++) {
            GeneratedKeyHolder rk = new GeneratedKeyHolder();
            jdbc.sql("insert into program_recommendation (opinion_id, collectivity_id, number, text) values (?,?,?,?)")
                    .params(opinion, collectivity, i + 1, recs.get(i)).update(rk, "id");
            ids[i] = rk.getKey().longValue();
        }
        return ids;
    }

    private void answer(long recommendation, String response, String reason, Long by, LocalDate on) {
        jdbc.sql("update program_recommendation set response = ?, response_reason = ?, responded_by = ?, responded_at = ? where id = ?")
                .params(response, reason, by, Sql.at(at(on)), recommendation).update();
    }

    private void insertVersion(long collectivity, long process, int number, String ref, LocalDate on, String note, String snapshot, Long by, Instant at) {
        jdbc.sql("insert into program_version (process_id, collectivity_id, number, deliberation_ref, deliberation_on, change_note, snapshot,"
                + " created_by, created_at) values (?,?,?,?,?,?,?,?,?)")
                .params(process, collectivity, number, ref, on, note, snapshot, by, Sql.at(at)).update();
    }

    private static List<Demo> demos() {
        return List.of(
                new Demo("Portail de transparence budgétaire de la commune (démo)",
                        "Les habitants ne savent pas comment le budget communal est dépensé ni où en sont les projets.",
                        "Aucune donnée budgétaire publiée en ligne ; 12 % des répondants au diagnostic disent connaître le budget.",
                        "Le budget est affiché une fois par an au siège de la commune.",
                        "Publier le budget, son exécution trimestrielle et les marchés publics sur un portail ouvert, en arabe et en français.",
                        "Budget et exécution publiés chaque trimestre ; 40 % des habitants interrogés connaissent le portail à mi-parcours.",
                        "Des données lisibles et régulières permettent aux habitants et aux associations de suivre les dépenses et d’interpeller le conseil.",
                        "Division des affaires financières", "Association Tafra (démo), direction générale des collectivités territoriales",
                        "1500000.00", List.of("TRANSPARENCY", "DIGITALIZATION"),
                        List.of(new String[] {"Inventaire des données budgétaires publiables", "-200", "Division des affaires financières"},
                                new String[] {"Mise en ligne du portail (version 1)", "-40", "Service informatique"},
                                new String[] {"Première publication trimestrielle de l’exécution", "60", "Division des affaires financières"},
                                new String[] {"Évaluation de l’usage du portail avec les associations", "300", "Secrétariat général"})),
                new Demo("لوحة قيادة لتتبع المشاريع الجماعية مصنفة حسب النوع (نموذج تجريبي)",
                        "لا تتوفر معطيات عن استفادة النساء والرجال من المشاريع الجماعية.",
                        "لا يوجد أي مؤشر مصنف حسب النوع في تقارير الجماعة.",
                        "تقرير سنوي عام عن تنفيذ برنامج عمل الجماعة.",
                        "إحداث لوحة قيادة عمومية لتتبع المشاريع بمؤشرات مصنفة حسب النوع والفئة العمرية.",
                        "كل المشاريع الجديدة تتوفر على مؤشرات مصنفة، ونشر تقرير سنوي حول مقاربة النوع.",
                        "تمكن المعطيات المصنفة من رصد الفوارق وتصحيحها، وتستجيب لتوصية هيئة المساواة.",
                        "مصلحة التخطيط والبرمجة", "هيئة المساواة وتكافؤ الفرص ومقاربة النوع، جمعيات نسائية محلية",
                        "350000.00", List.of("TRANSPARENCY", "PARTICIPATION"),
                        List.of(new String[] {"تحديد المؤشرات المصنفة مع هيئة المساواة", "-150", "مصلحة التخطيط والبرمجة"},
                                new String[] {"نشر النسخة الأولى من لوحة القيادة", "-10", "مصلحة التخطيط والبرمجة"},
                                new String[] {"أول تقرير سنوي حول مقاربة النوع", "200", "الكتابة العامة"})),
                new Demo("Guichet numérique des demandes d’accès à l’information (démo)",
                        "Les demandes d’information (loi 31-13) se perdent et les délais ne sont pas suivis.",
                        "45 demandes papier reçues l’an dernier ; délai moyen de réponse inconnu.",
                        "Un registre papier tenu par la personne chargée de l’information.",
                        "Ouvrir un guichet en ligne pour déposer et suivre les demandes, avec un tableau public des délais.",
                        "80 % des demandes reçoivent une réponse dans le délai légal ; délais publiés chaque mois.",
                        "Le suivi en ligne rend les délais visibles et oblige à répondre à temps.",
                        "Personne chargée de l’information", "Commission du droit d’accès à l’information (CDAI)",
                        "220000.00", List.of("ACCESS_TO_INFORMATION", "DIGITALIZATION"),
                        List.of(new String[] {"Désignation et formation des personnes chargées de l’information", "-180", "Ressources humaines"},
                                new String[] {"Mise en ligne du guichet de demandes", "20", "Service informatique"},
                                new String[] {"Publication du premier tableau des délais", "120", "Personne chargée de l’information"})),
                new Demo("فضاء تشاوري دائم مع الشباب (نموذج تجريبي)",
                        "ضعف مشاركة الشباب في إعداد وتتبع السياسات المحلية.",
                        "أقل من 10% من المشاركين في التشخيص دون 25 سنة.",
                        "لقاءات متفرقة مع جمعيات الشباب دون انتظام.",
                        "إحداث فضاء تشاوري للشباب يجتمع كل ثلاثة أشهر ويرفع آراءه إلى المجلس.",
                        "أربعة اجتماعات في السنة، وجواب معلل من المجلس على كل رأي.",
                        "يمنح الفضاء الشباب قناة منتظمة للتأثير في القرار ويتلقى أجوبة معللة.",
                        "مصلحة الشؤون الثقافية والرياضية", "دار الشباب، جمعيات شبابية",
                        "90000.00", List.of("PARTICIPATION"),
                        List.of(new String[] {"المصادقة على النظام الداخلي للفضاء", "-120", "الكتابة العامة"},
                                new String[] {"الاجتماع الأول للفضاء", "-60", "مصلحة الشؤون الثقافية والرياضية"},
                                new String[] {"أول رأي للفضاء يُعرض على المجلس", "90", "مصلحة الشؤون الثقافية والرياضية"})),
                new Demo("Retransmission et publication des sessions du conseil (démo)",
                        "Peu d’habitants peuvent assister aux sessions du conseil ; les procès-verbaux sont difficiles à obtenir.",
                        "Procès-verbaux disponibles sur demande seulement ; aucune retransmission.",
                        "Ordre du jour affiché à la porte de la commune.",
                        "Retransmettre les sessions publiques et publier ordres du jour, délibérations et votes sous 8 jours.",
                        "Toutes les sessions publiques retransmises ; délibérations publiées sous 8 jours.",
                        "Les habitants suivent les décisions et les votes de leurs élus sans se déplacer.",
                        "Secrétariat du conseil", "Radio locale (démo)",
                        "120000.00", List.of("TRANSPARENCY", "ACCESS_TO_INFORMATION"),
                        List.of(new String[] {"Équipement de la salle des sessions", "-90", "Service technique"},
                                new String[] {"Première session retransmise", "-30", "Secrétariat du conseil"},
                                new String[] {"Archive en ligne des délibérations de l’année", "150", "Secrétariat du conseil"})),
                new Demo("Budget participatif des douars (démo)",
                        "Les petits projets de proximité des douars ne trouvent pas de place dans le budget.",
                        "Aucun mécanisme de budget participatif.",
                        "Les demandes passent par les élus de chaque circonscription.",
                        "Consacrer une enveloppe annuelle à des projets proposés et votés par les habitants des douars.",
                        "10 projets réalisés par an, choisis par au moins 1 500 votants dont 40 % de femmes.",
                        "Les habitants décident directement d’une partie des dépenses, avec un vote ouvert et des résultats publiés.",
                        "Division des affaires financières", "Associations de douars, espace de concertation",
                        "2000000.00", List.of("PARTICIPATION", "TRANSPARENCY", "DIGITALIZATION"),
                        List.of(new String[] {"Règlement du budget participatif adopté", "-100", "Secrétariat général"},
                                new String[] {"Appel à projets et vote", "45", "Division des affaires financières"},
                                new String[] {"Publication des projets retenus et de leur coût", "100", "Division des affaires financières"},
                                new String[] {"Réalisation des premiers projets", "400", "Service technique"})));
    }
}
