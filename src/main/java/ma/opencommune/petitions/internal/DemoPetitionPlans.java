package ma.opencommune.petitions.internal;

import java.util.List;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.PetitionStatus;
import ma.opencommune.petitions.RejectionGround;

/**
 * What the demo petitions say and where each stands: Taroudant (200 signatures, PET-2) and the small commune of
 * Tafraout (100), one petition in every state and an association's petition in each, about local matters (water,
 * lighting, a bus stop, a market, a library...). Days count back from today; signature counts agree with the status.
 */
final class DemoPetitionPlans {

    private DemoPetitionPlans() {
    }

    /** The texts, in the author's language; {@code committee} once accepted, {@code outcome} the reasoning or the council's summary. */
    record Story(String lang, String title, String object, String reasons, String action, String committee, String outcome) {
    }

    /** PET-4: the association filing the petition, constituted {@code yearsAgo}. */
    record Association(String name, int yearsAgo, String seat, String field) {
    }

    /**
     * One demo petition. Days ago: opened, threshold reached, filed, decided (0 when it did not happen). {@code online}
     * and {@code paper} signatures; {@code decisionNumber} of the council's deliberation once concluded.
     */
    record Plan(String slug, PetitionStatus status, PetitionKind kind, String agent, int online, int paper, int opened, int reached, int filed,
            int decided, RejectionGround ground, int decisionNumber, Association association, Story story) {
    }

    static final String CITIZEN = "citizen@opencommune.demo";
    static final String RESIDENT = "resident@opencommune.demo";
    static final String BODY = "body@taroudant.demo";

    /** The petition citizen@ signed, with mails on (a collecting one, so the page shows "you signed" and a withdrawal). */
    static final String SIGNED_BY_CITIZEN = "Un abri et des bancs à l’arrêt de bus de Bab El Khemis";

    static final List<Plan> PLANS = List.of(
            new Plan("taroudant", PetitionStatus.DRAFT, PetitionKind.CITIZENS, CITIZEN, 0, 0, 0, 0, 0, 0, null, 0, null, new Story("ar",
                    "فتح خزانة عمومية للقراءة بحي القصبة",
                    "إحداث خزانة عمومية صغيرة للقراءة والمطالعة في بناية جماعية غير مستغلة بحي القصبة.",
                    "لا يتوفر حي القصبة على أي فضاء للمطالعة، ويقطع التلاميذ أكثر من كيلومترين للوصول إلى الخزانة البلدية. توجد بالحي بناية جماعية مغلقة منذ سنوات يمكن تهيئتها بكلفة محدودة.",
                    "نطلب من المجلس برمجة تهيئة البناية وتجهيزها بالكتب والطاولات وتعيين موظف يفتحها بعد الظهر وأيام السبت.", null, null)),
            new Plan("taroudant", PetitionStatus.INADMISSIBLE, PetitionKind.CITIZENS, RESIDENT, 0, 0, 34, 0, 0, 31, RejectionGround.BEFORE_THE_COURTS, 0, null,
                    new Story("fr", "Suspendre l’expulsion des commerçants de la place Assarag",
                    "Demander au conseil de suspendre l’exécution du jugement d’expulsion des commerçants installés sur la place Assarag.",
                    "Une trentaine de commerçants travaillent sur la place depuis des années ; leur départ priverait des familles de revenus avant la saison touristique.",
                    "Que le conseil renonce à l’exécution du jugement et ouvre une négociation avec les commerçants.", null,
                    "Le litige est pendant devant le tribunal administratif d’Agadir (appel en cours) : la loi exclut des pétitions les affaires soumises à la justice. La commission des affaires économiques peut recevoir les commerçants au sujet de leur réinstallation.")),
            new Plan("taroudant", PetitionStatus.OPEN, PetitionKind.CITIZENS, CITIZEN, 96, 35, 16, 0, 0, 0, null, 0, null, new Story("ar",
                    "إنارة الطريق المؤدية إلى حي المحايطة",
                    "تركيب أعمدة الإنارة العمومية على طول الطريق الرابطة بين باب الخميس وحي المحايطة (حوالي 1,2 كلم).",
                    "الطريق مظلمة تماما بعد غروب الشمس، ويسلكها يوميا التلاميذ والعمال والنساء العائدات من السوق. سجل السكان عدة حوادث سير وسرقات خلال الأشهر الأخيرة.",
                    "نطلب إدراج إنارة هذه الطريق في ميزانية التجهيز للسنة المقبلة، مع اعتماد مصابيح اقتصادية.", null, null)),
            new Plan("taroudant", PetitionStatus.THRESHOLD_REACHED, PetitionKind.CITIZENS, RESIDENT, 163, 51, 48, 6, 0, 0, null, 0, null,
                    new Story("fr", SIGNED_BY_CITIZEN,
                    "Installer un abri, des bancs et un panneau des horaires à l’arrêt de bus de Bab El Khemis.",
                    "Des centaines de voyageurs, dont beaucoup de personnes âgées et d’élèves, attendent chaque jour en plein soleil l’été et sous la pluie l’hiver. L’arrêt n’a ni ombre ni siège.",
                    "Que le conseil fasse installer un abri et des bancs avant l’été et demande à l’opérateur d’afficher les horaires.", null, null)),
            new Plan("taroudant", PetitionStatus.FILED, PetitionKind.CITIZENS, CITIZEN, 160, 52, 95, 44, 38, 0, null, 0, null, new Story("ar",
                    "ربط دوار تملوكت بشبكة الماء الصالح للشرب",
                    "ربط منازل دوار تملوكت (حوالي 140 أسرة) بشبكة الماء الصالح للشرب.",
                    "تعتمد الأسر على بئر وحيدة وصهاريج متنقلة، وتنقطع المياه لأيام خلال فصل الصيف. وتتحمل النساء والفتيات عبء جلب الماء على حساب الدراسة والعمل.",
                    "نطلب من المجلس إعداد دراسة الربط وبرمجتها بشراكة مع المكتب الوطني للكهرباء والماء الصالح للشرب.", null, null)),
            // Filed four months ago and still undecided: past the bureau's three months (PET-6), flagged publicly.
            new Plan("taroudant", PetitionStatus.FILED, PetitionKind.CITIZENS, BODY, 121, 84, 170, 128, 121, 0, null, 0, null, new Story("fr",
                    "Rénover le marché municipal de Bab El Khemis",
                    "Réparer la toiture, l’éclairage et l’évacuation des eaux du marché municipal de Bab El Khemis.",
                    "La toiture fuit, les allées sont inondées à chaque pluie et plusieurs étals sont dans le noir. Commerçantes et clients glissent sur un sol détrempé ; les produits frais se perdent.",
                    "Que le conseil inscrive la rénovation du marché à son programme et consulte les commerçants sur le plan des travaux.", null, null)),
            new Plan("taroudant", PetitionStatus.ACCEPTED, PetitionKind.CITIZENS, CITIZEN, 170, 52, 140, 80, 70, 25, null, 0, null, new Story("ar",
                    "تهيئة ملعب للقرب بحي سيدي بلقاس",
                    "تهيئة الأرض الجماعية الفارغة بحي سيدي بلقاس ملعبا للقرب مع إنارته وتسييجه.",
                    "يلعب أطفال الحي وشبابه في الشارع بين السيارات لغياب أي فضاء رياضي، والأرض الجماعية متروكة وتحولت إلى مطرح للنفايات.",
                    "نطلب من المجلس برمجة تهيئة الملعب وإسناد تدبيره لجمعيات الحي.", "لجنة الشؤون الاجتماعية والثقافية والرياضية", null)),
            new Plan("taroudant", PetitionStatus.REJECTED, PetitionKind.CITIZENS, RESIDENT, 157, 62, 160, 110, 102, 46, RejectionGround.NOT_COUNCIL_COMPETENCE, 0,
                    null, new Story("fr", "Une faculté pluridisciplinaire à Taroudant",
                    "Créer à Taroudant une faculté pluridisciplinaire pour les bacheliers de la province.",
                    "Les bacheliers doivent partir à Agadir, ce que beaucoup de familles ne peuvent payer ; les filles des douars sont les premières à renoncer aux études.",
                    "Que le conseil crée la faculté et mette un terrain à sa disposition.", null,
                    "La création d’un établissement universitaire relève de l’État (ministère de l’Enseignement supérieur), non du conseil communal. Le bureau transmet le vœu des pétitionnaires à l’université Ibn Zohr ; le conseil étudiera la mise à disposition d’un terrain si le projet est retenu.")),
            new Plan("taroudant", PetitionStatus.CONCLUDED, PetitionKind.CITIZENS, CITIZEN, 176, 58, 330, 290, 280, 250, null, 37, null, new Story("ar",
                    "حاويات للنفايات وجمع منتظم في الأحياء الجنوبية",
                    "توفير حاويات للنفايات المنزلية في الأحياء الجنوبية للمدينة وجمعها ثلاث مرات في الأسبوع على الأقل.",
                    "لا تمر شاحنة الجمع إلا مرة في الأسبوع، فتتراكم الأكياس في الأزقة وتجلب الكلاب الضالة والحشرات، خاصة في الصيف.",
                    "نطلب من المجلس تعديل برنامج الجمع مع الشركة المفوض لها وتوزيع حاويات كافية.", "لجنة المرافق العمومية والخدمات",
                    "صادق المجلس بالإجماع على ملحق لعقد التدبير المفوض يرفع وتيرة الجمع إلى ثلاث مرات أسبوعيا في الأحياء الجنوبية، وعلى اقتناء 60 حاوية توزع قبل نهاية السنة.")),
            new Plan("taroudant", PetitionStatus.ACCEPTED, PetitionKind.ASSOCIATION, BODY, 0, 0, 0, 0, 55, 12, null, 0,
                    new Association("Association Tifawin pour l’environnement et le développement", 9, "Derb Sidi Boutaleb, Taroudant",
                            "Protection de l’environnement et espaces verts"),
                    new Story("fr", "Arroser les espaces verts avec les eaux usées épurées",
                    "Utiliser les eaux usées épurées de la station de Taroudant pour arroser les jardins publics et planter 500 arbres le long des remparts.",
                    "Les jardins publics sont arrosés à l’eau potable alors que la nappe baisse chaque année et que les coupures se multiplient l’été. La station d’épuration rejette une eau traitée qui pourrait servir.",
                    "Que le conseil étudie un réseau d’arrosage depuis la station et adopte un plan de plantation avec les associations.",
                    "Commission de l’urbanisme, de l’aménagement du territoire et de l’environnement", null)),

            new Plan("tafraout", PetitionStatus.DRAFT, PetitionKind.CITIZENS, RESIDENT, 0, 0, 0, 0, 0, 0, null, 0, null, new Story("fr",
                    "Un espace numérique à la maison des jeunes de Tafraout",
                    "Équiper la maison des jeunes de dix ordinateurs connectés, ouverts aux élèves et aux associations.",
                    "Les élèves des douars n’ont souvent ni ordinateur ni connexion pour leurs recherches et leurs démarches en ligne.",
                    "Que le conseil finance l’équipement et un animateur à mi-temps.", null, null)),
            new Plan("tafraout", PetitionStatus.INADMISSIBLE, PetitionKind.CITIZENS, RESIDENT, 0, 0, 22, 0, 0, 20, RejectionGround.OTHER, 0, null, new Story("ar",
                    "الفصل في نزاع حول أرض فلاحية بدوار أداي",
                    "مطالبة المجلس بالفصل في نزاع بين عائلتين حول ملكية أرض فلاحية بدوار أداي.",
                    "طال النزاع بين العائلتين وأثر على العلاقات داخل الدوار، ويرغب الموقعون في حل سريع.",
                    "أن يقرر المجلس لمن تعود ملكية الأرض.", null,
                    "يتعلق الطلب بنزاع خاص حول الملكية بين أفراد، ولا يدخل في الشؤون التي يمكن أن تكون موضوع عريضة إلى المجلس. يمكن للمعنيين اللجوء إلى مصالح المحافظة العقارية أو إلى القضاء.")),
            new Plan("tafraout", PetitionStatus.OPEN, PetitionKind.CITIZENS, RESIDENT, 29, 17, 12, 0, 0, 0, null, 0, null, new Story("ar",
                    "إنارة الطريق بين مركز تافراوت ودوار تازكا",
                    "تركيب الإنارة العمومية على المقطع الرابط بين مركز تافراوت ودوار تازكا.",
                    "يسلك التلاميذ والعمال هذا المقطع ليلا في الشتاء، والطريق ضيقة ومنعرجة بين الصخور، مما يجعل المرور في الظلام خطيرا.",
                    "نطلب برمجة الإنارة بالطاقة الشمسية على هذا المقطع.", null, null)),
            new Plan("tafraout", PetitionStatus.THRESHOLD_REACHED, PetitionKind.CITIZENS, RESIDENT, 58, 46, 40, 3, 0, 0, null, 0, null, new Story("fr",
                    "Un abri à l’arrêt des cars pour Tiznit et Agadir",
                    "Aménager un abri avec bancs et éclairage à l’arrêt des cars, à l’entrée de Tafraout.",
                    "Les voyageurs attendent au bord de la route, sans ombre, parfois avant l’aube ; les personnes âgées et les mères avec enfants n’ont nulle part où s’asseoir.",
                    "Que la commune aménage l’abri et affiche les horaires des compagnies.", null, null)),
            new Plan("tafraout", PetitionStatus.FILED, PetitionKind.CITIZENS, RESIDENT, 47, 65, 190, 140, 133, 0, null, 0, null, new Story("ar",
                    "تزويد دواوير وادي أملن بالماء الصالح للشرب بانتظام",
                    "ضمان تزويد منتظم بالماء الصالح للشرب لدواوير وادي أملن خلال فصل الصيف.",
                    "تجف العيون في الصيف وتنقطع المياه أسابيع، فتضطر الأسر إلى شراء الماء من الصهاريج بأثمنة مرتفعة.",
                    "نطلب من المجلس تجهيز ثقب مائي جديد وخزان للدواوير المعنية.", null, null)),
            new Plan("tafraout", PetitionStatus.ACCEPTED, PetitionKind.CITIZENS, RESIDENT, 66, 51, 120, 75, 68, 18, null, 0, null, new Story("fr",
                    "Rénover le souk hebdomadaire du mercredi",
                    "Ombrager les allées, réparer les points d’eau et créer des toilettes au souk du mercredi.",
                    "Le souk réunit chaque semaine les habitants de toute la vallée ; vendeurs et clients y passent la journée au soleil sans eau ni toilettes.",
                    "Que le conseil programme ces travaux et associe les commerçants à leur suivi.",
                    "Commission du budget, des finances et des affaires économiques", null)),
            // Decided after the bureau's three months (PET-6): late, as the index counts it.
            new Plan("tafraout", PetitionStatus.REJECTED, PetitionKind.CITIZENS, RESIDENT, 50, 59, 210, 160, 150, 44, RejectionGround.NOT_COUNCIL_COMPETENCE, 0,
                    null, new Story("ar", "إحداث مستشفى متعدد الاختصاصات بتافراوت",
                    "إحداث مستشفى متعدد الاختصاصات بتافراوت بدل المركز الصحي الحالي.",
                    "يضطر المرضى إلى التنقل إلى تزنيت أو أكادير لأبسط الفحوصات المتخصصة، وتقطع النساء الحوامل مسافات طويلة للولادة.",
                    "أن يحدث المجلس المستشفى ويوفر له الأطر الطبية.", null,
                    "إحداث المستشفيات وتوفير الأطر الطبية من اختصاص الدولة (وزارة الصحة). قرر المكتب إحالة مطلب الموقعين على المندوبية الإقليمية للصحة بتزنيت، مع استعداد الجماعة للمساهمة في تحسين الولوج إلى المركز الصحي.")),
            new Plan("tafraout", PetitionStatus.CONCLUDED, PetitionKind.CITIZENS, RESIDENT, 70, 48, 400, 350, 340, 300, null, 12, null, new Story("fr",
                    "Ouvrir la bibliothèque municipale le samedi",
                    "Ouvrir la bibliothèque municipale le samedi et deux soirs par semaine.",
                    "La bibliothèque ferme à 16 h en semaine et tout le week-end : les élèves internes et les personnes qui travaillent ne peuvent jamais y aller.",
                    "Que le conseil adapte les horaires et affecte le personnel nécessaire.", "Commission des affaires sociales et culturelles",
                    "Le conseil a adopté de nouveaux horaires : ouverture le samedi de 9 h à 13 h et jusqu’à 19 h les mardis et jeudis, avec un agent supplémentaire affecté par redéploiement.")),
            new Plan("tafraout", PetitionStatus.FILED, PetitionKind.ASSOCIATION, RESIDENT, 0, 0, 0, 0, 9, 0, null, 0,
                    new Association("جمعية أملن للتنمية والمحافظة على التراث", 12, "دوار أداي، تافراوت", "الماء والفلاحة والتراث"),
                    new Story("ar", "ترميم السواقي التقليدية بوادي أملن",
                    "ترميم السواقي والصهاريج التقليدية التي تسقي حقول اللوز والزيتون بوادي أملن.",
                    "تهدمت أجزاء من السواقي بعد فيضانات السنة الماضية، فضاع جزء كبير من ماء العيون قبل وصوله إلى الحقول، وهجر عدد من الفلاحين أراضيهم.",
                    "نطلب من المجلس برمجة الترميم بشراكة مع الجمعية والسكان وفق التقنيات التقليدية.", null, null)));
}
