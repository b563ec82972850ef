package ma.opencommune.council.internal;

import java.util.List;

/** The words of Taroudant's demo council: its people, committees, agendas and decisions, in Arabic and French. */
final class DemoCouncilContent {

    private DemoCouncilContent() {
    }

    /** A name in French and in Arabic. */
    record Name(String fr, String ar) {
    }

    /** An agenda item, and the decision taken on it (null when the item was only discussed). */
    record Item(String fr, String ar, Decision decision) {
    }

    /** A decision: topic, text in both languages, whether each member's vote is recorded, and how many voted against and abstained. */
    record Decision(String topic, String textFr, String textAr, boolean perMember, int against, int abstain, boolean adopted) {
    }

    static final Name[] FIRST = {new Name("Mohamed", "محمد"), new Name("Fatima", "فاطمة"), new Name("Lahcen", "لحسن"), new Name("Khadija", "خديجة"),
        new Name("Brahim", "إبراهيم"), new Name("Aicha", "عائشة"), new Name("Abdellah", "عبد الله"), new Name("Zahra", "الزهرة"),
        new Name("Hassan", "حسن"), new Name("Malika", "مليكة"), new Name("Youssef", "يوسف"), new Name("Naima", "نعيمة"), new Name("Omar", "عمر"),
        new Name("Rachida", "رشيدة"), new Name("Said", "سعيد"), new Name("Amina", "أمينة"), new Name("Mustapha", "مصطفى"), new Name("Hafsa", "حفصة")};
    static final Name[] LAST = {new Name("Ait Lahcen", "آيت لحسن"), new Name("Oubella", "أوبلا"), new Name("Idrissi", "الإدريسي"),
        new Name("Amellal", "أملال"), new Name("Boutaleb", "بوطالب"), new Name("Ouchen", "أوشن"), new Name("Akhiat", "أخياط"),
        new Name("El Mansouri", "المنصوري"), new Name("Id Brahim", "إد إبراهيم"), new Name("Oumoussa", "أوموسى"), new Name("Agourram", "أكورام"),
        new Name("Lamrani", "العمراني"), new Name("Ait Ouarab", "آيت واعراب"), new Name("Bouhmid", "بوحميد"), new Name("Amzil", "أمزيل"),
        new Name("Ouzzine", "أوزين"), new Name("Bakrim", "بكريم"), new Name("Aznag", "أزناك"), new Name("Ourhou", "أورهو")};

    static final Name[] COMMITTEES = {
        new Name("Commission du budget, des finances et de la programmation", "لجنة الميزانية والشؤون المالية والبرمجة"),
        new Name("Commission des services publics et de la gestion des services", "لجنة المرافق العمومية والخدمات"),
        new Name("Commission de l’urbanisme, de l’aménagement du territoire et de l’environnement", "لجنة التعمير وإعداد التراب والبيئة"),
        new Name("Commission du développement économique, social, culturel et sportif", "لجنة التنمية الاقتصادية والاجتماعية والثقافية والرياضية")};

    static final String PLACE = "Salle des délibérations, Hôtel de ville, Taroudant — قاعة الاجتماعات، مقر الجماعة، تارودانت";

    /** The three past sessions (oldest first: May ordinary, extraordinary, October ordinary) and the next one. */
    static final List<List<Item>> PAST = List.of(
            List.of(
                    new Item("Approbation du procès-verbal de la session précédente", "المصادقة على محضر الدورة السابقة", null),
                    new Item("Convention de partenariat pour l’éclairage public solaire des quartiers Sidi Belkas et Tafelagt",
                            "اتفاقية شراكة لتزويد حيي سيدي بلقاس وتافلاكت بالإنارة العمومية بالطاقة الشمسية",
                            new Decision("PARTNERSHIPS", "Le conseil approuve la convention de partenariat avec l’Agence marocaine pour l’efficacité énergétique pour l’équipement de 420 points lumineux solaires.",
                                    "صادق المجلس على اتفاقية الشراكة مع الوكالة المغربية للنجاعة الطاقية لتجهيز 420 نقطة ضوئية بالطاقة الشمسية.", true, 2, 1, true)),
                    new Item("Programmation de l’excédent du budget de l’exercice précédent", "برمجة الفائض الحقيقي لميزانية السنة المالية السابقة",
                            new Decision("BUDGET", "Le conseil affecte l’excédent de 6 240 000 dirhams à la réfection des voies du quartier Lakasba et à l’entretien des écoles.",
                                    "قرر المجلس تخصيص الفائض البالغ 6.240.000 درهم لإصلاح طرق حي القصبة وصيانة المدارس.", false, 4, 2, true)),
                    new Item("Fixation des tarifs du marché hebdomadaire", "تحديد تعريفة السوق الأسبوعي",
                            new Decision("SERVICES", "Le conseil fixe les droits de place au marché hebdomadaire à 10 dirhams par étal, inchangés pour les petits producteurs.",
                                    "حدد المجلس واجبات الوقوف بالسوق الأسبوعي في 10 دراهم للمربع مع إبقائها دون تغيير لصغار المنتجين.", false, 1, 0, true)),
                    new Item("Dénomination de rues du lotissement Al Amal", "تسمية أزقة تجزئة الأمل",
                            new Decision("URBANISM", "Le conseil adopte les noms de douze rues du lotissement Al Amal, dont trois portant des noms de femmes résistantes de la région.",
                                    "صادق المجلس على أسماء اثني عشر زقاقا بتجزئة الأمل، ثلاثة منها بأسماء مقاومات من المنطقة.", false, 0, 3, true))),
            List.of(
                    new Item("Acquisition d’un terrain pour un centre de santé à Zaouiat Sidi Ahmed", "اقتناء عقار لبناء مركز صحي بزاوية سيدي أحمد",
                            new Decision("PROPERTY", "Le conseil approuve l’acquisition d’un terrain de 2 400 m² au prix de 480 000 dirhams pour un centre de santé de proximité.",
                                    "صادق المجلس على اقتناء عقار مساحته 2400 متر مربع بثمن 480.000 درهم لبناء مركز صحي للقرب.", true, 3, 2, true)),
                    new Item("Convention avec l’ONEE pour l’assainissement du quartier Bouzzakarne", "اتفاقية مع المكتب الوطني للكهرباء والماء الصالح للشرب لتطهير حي بوزكارن",
                            new Decision("PARTNERSHIPS", "Le conseil approuve la convention de raccordement de 350 foyers au réseau d’assainissement, avec une contribution communale de 1 200 000 dirhams.",
                                    "صادق المجلس على اتفاقية ربط 350 أسرة بشبكة التطهير بمساهمة جماعية قدرها 1.200.000 درهم.", false, 2, 0, true)),
                    new Item("Création de deux postes de techniciens", "إحداث منصبين لتقنيين",
                            new Decision("STAFF", "Le conseil rejette la création de deux postes de techniciens, en l’absence de crédits au budget de l’année.",
                                    "رفض المجلس إحداث منصبين لتقنيين لعدم توفر الاعتمادات في ميزانية السنة.", false, 14, 5, false)),
                    new Item("Modification du règlement intérieur du conseil", "تعديل النظام الداخلي للمجلس",
                            new Decision("OTHER", "Le conseil modifie son règlement intérieur pour publier l’ordre du jour en ligne dix jours avant chaque session.",
                                    "عدل المجلس نظامه الداخلي لنشر جدول الأعمال إلكترونيا عشرة أيام قبل كل دورة.", false, 0, 1, true))),
            List.of(
                    new Item("Examen et vote du projet de budget de l’année prochaine", "دراسة مشروع ميزانية السنة المقبلة والتصويت عليه",
                            new Decision("BUDGET", "Le conseil adopte le budget de l’année prochaine : 98 450 000 dirhams en fonctionnement et 31 200 000 dirhams en équipement.",
                                    "صادق المجلس على ميزانية السنة المقبلة: 98.450.000 درهم للتسيير و31.200.000 درهم للتجهيز.", true, 5, 2, true)),
                    new Item("Pétition des habitants de Tiout pour un transport scolaire", "عريضة سكان تيوت بشأن النقل المدرسي",
                            new Decision("PETITIONS", "Le conseil répond à la pétition en finançant deux minibus de transport scolaire pour les élèves de Tiout à partir de la rentrée.",
                                    "استجاب المجلس للعريضة بتمويل حافلتين صغيرتين للنقل المدرسي لفائدة تلاميذ تيوت ابتداء من الدخول المدرسي.", false, 0, 0, true)),
                    new Item("Plan d’aménagement du secteur Bab Lkhmis", "تصميم تهيئة قطاع باب الخميس",
                            new Decision("URBANISM", "Le conseil émet un avis favorable au projet de plan d’aménagement du secteur Bab Lkhmis, avec la préservation des remparts.",
                                    "أبدى المجلس رأيا إيجابيا في مشروع تصميم تهيئة قطاع باب الخميس مع الحفاظ على الأسوار.", false, 3, 4, true)),
                    new Item("Gestion déléguée de la collecte des déchets", "التدبير المفوض لجمع النفايات",
                            new Decision("SERVICES", "Le conseil approuve le cahier des charges de la gestion déléguée de la collecte des déchets pour sept ans.",
                                    "صادق المجلس على دفتر تحملات التدبير المفوض لجمع النفايات لمدة سبع سنوات.", false, 6, 3, true))));

    /** The next ordinary session's agenda, published ahead. */
    static final List<Item> NEXT = List.of(
            new Item("Approbation du procès-verbal de la session d’octobre", "المصادقة على محضر دورة أكتوبر", null),
            new Item("Programme d’action de la commune : bilan de la première année", "برنامج عمل الجماعة: حصيلة السنة الأولى", null),
            new Item("Convention pour la restauration des remparts de Taroudant", "اتفاقية ترميم أسوار تارودانت", null),
            new Item("Transfert de crédits au budget de fonctionnement", "تحويل اعتمادات بميزانية التسيير", null));

    static final String MINUTES_FR = """
            La séance est ouverte à 10 heures par le président du conseil, le quorum étant atteint.
            Le secrétaire donne lecture de l’ordre du jour ; les points sont examinés dans l’ordre, après le rapport de la commission compétente.
            Les délibérations sont votées à main levée ; leurs résultats sont publiés avec chaque délibération.
            La séance est levée à 13 heures 30.""";
    static final String MINUTES_AR = """
            افتتح رئيس المجلس الجلسة على الساعة العاشرة بعد التأكد من اكتمال النصاب القانوني.
            تلا كاتب المجلس جدول الأعمال، ودُرست النقط بالترتيب بعد تقديم تقرير اللجنة المختصة.
            جرى التصويت على المقررات برفع الأيدي، وتُنشر نتائجه مع كل مقرر.
            رُفعت الجلسة على الساعة الواحدة والنصف بعد الزوال.""";
}
