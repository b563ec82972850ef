package ma.opencommune.network.exchange.internal;

import static ma.opencommune.network.exchange.PracticeTag.ACCESS_TO_INFORMATION;
import static ma.opencommune.network.exchange.PracticeTag.ACCOUNTABILITY;
import static ma.opencommune.network.exchange.PracticeTag.BUDGET;
import static ma.opencommune.network.exchange.PracticeTag.DIGITAL;
import static ma.opencommune.network.exchange.PracticeTag.INCLUSION_GENDER;
import static ma.opencommune.network.exchange.PracticeTag.OPEN_DATA;
import static ma.opencommune.network.exchange.PracticeTag.PARTICIPATION;
import static ma.opencommune.network.exchange.PracticeTag.TRANSPARENCY;
import static ma.opencommune.network.exchange.PracticeTag.YOUTH;

import ma.opencommune.network.exchange.Practices;

/** The texts of the demo's good practices, in Arabic and French as member collectivities would write them. */
final class Content {

    Practices.Draft hearing() {
        return new Practices.Draft("ar", "جلسة استماع عمومية حول مشروع الميزانية", "Audience publique sur le projet de budget",
                "قبل التصويت على الميزانية، تعرض الجماعة مشروعها في جلسة مفتوحة ويطرح المواطنون أسئلتهم وتُنشر الأجوبة.",
                "Avant le vote du budget, la commune présente son projet en séance ouverte ; les habitants posent leurs questions et les réponses sont publiées.",
                "كان المواطنون يكتشفون الميزانية بعد التصويت عليها، ولا يعرفون كيف تُوزع الاعتمادات بين الأحياء والدواوير. ضعف الثقة كان يظهر في عدد الشكايات.",
                "نظمت الجماعة جلسة استماع في قاعة البلدية قبل دورة أكتوبر، مع عرض مبسط للميزانية بالعربية والأمازيغية، وبطاقات أسئلة مكتوبة لمن لا يرغب في الكلام. سُجلت كل الأسئلة وأُجيب عنها كتابياً في أجل أسبوعين، ونُشر المحضر في مكتبة الوثائق.",
                "حضر 146 مواطناً ومواطنة منهم 58 امرأة. طُرح 73 سؤالاً، وعُدلت ثلاثة بنود في المشروع قبل التصويت (إنارة دوارين وصيانة سوق أسبوعي).",
                18_000L, "كراء معدات الصوت وطباعة الملخص", "2024–2025", "Fatima Zahra Amrani", "مسؤولة الحصول على المعلومات",
                "information@taroudant.demo", "+212 5 28 85 00 10", DemoExchange.tags(TRANSPARENCY, BUDGET, PARTICIPATION, ACCOUNTABILITY));
    }

    Practices.Draft register() {
        return new Practices.Draft("fr", "سجل عمومي للمقررات منشور في أجل أسبوع", "Registre public des délibérations publié sous huit jours",
                "تنشر الجماعة كل مقرراتها في أجل أسبوع بعد الدورة، بصيغة قابلة للبحث.",
                "La commune publie chaque délibération dans la semaine qui suit la session, dans un format consultable et recherchable.",
                "Les délibérations étaient affichées au siège puis archivées sur papier ; les habitants des douars éloignés ne les voyaient jamais, et les demandes d’information portaient souvent sur elles.",
                "Le secrétariat du conseil a fixé une règle simple : une délibération est numérisée et publiée au plus tard sept jours après la session. Un modèle de fiche (objet, vote, montant) accompagne chaque document, et un agent vérifie les données personnelles avant publication.",
                "Délai moyen de publication passé de plusieurs mois à 5 jours ; les demandes d’information portant sur les délibérations ont baissé d’un tiers en un an.",
                null, "Temps des agents du secrétariat, sans dépense supplémentaire", "2024", "Secrétariat du conseil", "Secrétaire du conseil",
                "contact@taroudant.demo", null, DemoExchange.tags(TRANSPARENCY, ACCESS_TO_INFORMATION, OPEN_DATA));
    }

    Practices.Draft requests() {
        return new Practices.Draft("fr", "طلبات الحصول على المعلومات عبر الإنترنت", "Les demandes d’information en ligne",
                "يقدم المواطنون طلباتهم عبر الإنترنت ويتتبعون الآجال القانونية خطوة بخطوة.",
                "Les habitants déposent leurs demandes d’accès à l’information en ligne et suivent les délais légaux pas à pas.",
                "Les demandes arrivaient par courrier ou au guichet, sans accusé de réception ; beaucoup dépassaient le délai de 20 jours de la loi 31-13 sans que personne ne s’en aperçoive.",
                "La commune a ouvert le dépôt en ligne des demandes, avec accusé de réception immédiat, un compteur de jours ouvrables visible par le demandeur et l’agent, et des modèles de réponse. Le chargé de l’information reçoit un rappel cinq jours avant l’échéance.",
                "91 % des demandes traitées dans le délai légal la première année, contre environ la moitié auparavant ; délai médian de 9 jours ouvrables.",
                45_000L, "Formation des agents et adaptation des formulaires", "2023–2024", "Youssef Benali", "Chargé de l’accès à l’information",
                "information@agadir.demo", "+212 5 28 82 00 10", DemoExchange.tags(ACCESS_TO_INFORMATION, DIGITAL));
    }

    Practices.Draft youthCouncil() {
        return new Practices.Draft("ar", "مجلس الشباب الاستشاري", "Un conseil consultatif des jeunes",
                "مجلس من 30 شاباً وشابة يبدي رأيه في مشاريع الجماعة المتعلقة بالشباب.",
                "Trente jeunes, filles et garçons, donnent leur avis sur les projets de la commune qui les concernent.",
                "كان الشباب غائبين عن الدورات وعن ورشات برنامج عمل الجماعة، رغم أنهم يمثلون ثلث السكان.",
                "أُحدث مجلس استشاري للشباب بالمناصفة، يُختار أعضاؤه بالقرعة من بين المترشحين من الأحياء ومن الجمعيات. يجتمع كل ثلاثة أشهر ويصدر رأياً مكتوباً تجيب عنه الجماعة علناً.",
                "أصدر المجلس 5 آراء في سنته الأولى، أُخذ بثلاثة منها، منها توسيع ساعات فتح دار الشباب.",
                12_000L, null, "2025", "Agent Commune d'Agadir", "Chef du service de la jeunesse", "contact@agadir.demo", null,
                DemoExchange.tags(YOUTH, PARTICIPATION, INCLUSION_GENDER));
    }

    Practices.Draft quotas() {
        return new Practices.Draft("ar", "حصص للنساء في ورشات التشخيص التشاركي", "Des quotas de femmes dans les ateliers de diagnostic",
                "لا تنطلق أي ورشة إلا بحضور 40% من النساء على الأقل، مع توقيت ومكان يناسبانهن.",
                "Aucun atelier ne commence sans au moins 40 % de femmes, avec des horaires et des lieux adaptés.",
                "في ورشات برنامج العمل السابق، لم تتجاوز نسبة النساء 12%، وكانت الورشات تُعقد مساءً في مقر الجماعة البعيد عن الدواوير.",
                "بتنسيق مع هيئة المساواة وتكافؤ الفرص، نُقلت الورشات إلى المدارس ودور الدواوير في الصباح، ووُفرت رعاية للأطفال، ودُعيت الجمعيات النسائية لتعبئة المشاركات. تُسجل نسبة النساء في كل ورشة وتُنشر.",
                "بلغت نسبة النساء 47% في ورشات 2024، وأُدرجت 6 مقترحات نسائية في برنامج عمل الجماعة، منها نقطتا ماء في دوارين.",
                null, "مساهمة الجمعيات الشريكة ووقت الموظفين", "2024", "Instance de l’égalité de Tafraout", "Présidente de l’instance",
                "contact@tafraout.demo", null, DemoExchange.tags(INCLUSION_GENDER, PARTICIPATION));
    }

    Practices.Draft participatoryBudget() {
        return new Practices.Draft("fr", "الميزانية التشاركية لمراكش", "Le budget participatif de Marrakech",
                "يقترح السكان مشاريع القرب ويصوتون عليها في حدود غلاف من ميزانية التجهيز.",
                "Les habitants proposent des projets de proximité et votent pour eux, dans une enveloppe du budget d’équipement.",
                "Les projets de proximité étaient choisis sans consultation ; certains quartiers se sentaient oubliés et les associations réclamaient plus de transparence dans les choix.",
                "La commune a réservé 5 millions de dirhams de son budget d’équipement. Les habitants ont déposé 312 propositions, examinées par les services techniques (faisabilité, coût) ; 40 ont été soumises au vote dans les arrondissements, en ligne et dans des bureaux de vote ouverts le samedi.",
                "18 projets retenus et inscrits au budget (éclairage, aires de jeux, rénovation de fontaines) ; 21 400 votants, dont 44 % de femmes.",
                5_000_000L, "Enveloppe de projets, plus la communication et les bureaux de vote", "2024–2025", "Direction de la participation",
                "Chef de projet budget participatif", "contact@marrakech.demo", null, DemoExchange.tags(BUDGET, PARTICIPATION, TRANSPARENCY));
    }

    Practices.Draft openData() {
        return new Practices.Draft("fr", null, "Publier l’exécution budgétaire chaque trimestre",
                null, "L’exécution du budget est publiée chaque trimestre en tableau ouvert, avec un résumé lisible.",
                "Les chiffres d’exécution n’étaient connus qu’au compte administratif, plus d’un an après les dépenses.",
                "Le service financier exporte chaque trimestre l’exécution par chapitre et article au format CSV, accompagnée d’un résumé en une page en arabe et en français, publié sur la plateforme.",
                "Quatre trimestres publiés dans les 30 jours suivant leur clôture ; les journalistes locaux et les associations citent désormais ces chiffres.",
                null, "Temps du service financier", "2025", "Service financier", "Chef du service du budget", "contact@marrakech.demo", null,
                DemoExchange.tags(OPEN_DATA, BUDGET, ACCOUNTABILITY));
    }

    Practices.Draft draft() {
        return new Practices.Draft("ar", "خريطة تفاعلية لمشاريع الجماعة", "Une carte des projets de la commune",
                "مسودة قيد التحرير.", null,
                "لا يعرف المواطنون أين تُنجز المشاريع ولا مدى تقدمها.",
                "نشر المشاريع على خريطة مع نسبة الإنجاز وصور الورش.",
                "قيد التقييم.", null, null, "2025", "Fatima Zahra Amrani", null, "information@taroudant.demo", null,
                DemoExchange.tags(TRANSPARENCY, DIGITAL));
    }
}
