package ma.opencommune.council.internal;

import java.util.List;
import ma.opencommune.council.ProjectSector;
import ma.opencommune.council.ProjectStatus;

/**
 * The fifteen demo projects of Taroudant (issue point 8): real-ish places in and around the town (the kasbah's
 * ramparts, Bab El Kasbah, Assarag square, the souk, the Oued Souss bank, the hospital road, neighbourhoods), every
 * status, costs and funding as a commune's projects have them. Dates are counted back from the day the data loads.
 */
final class DemoProjectPlans {

    private DemoProjectPlans() {
    }

    /** A funding source and its share of the cost (percent). */
    record Share(String name, int percent) {
    }

    /**
     * A project: texts, place, cost (MAD), start {@code startedMonthsAgo} months ago for {@code months} months, where it
     * stands, and how many progress updates it reported ({@code photos}: whether they carry photos).
     */
    record Plan(String titleAr, String titleFr, String descriptionAr, String descriptionFr, ProjectSector sector, ProjectStatus status,
            double lat, double lon, String area, long cost, String contractor, int startedMonthsAgo, int months, int progress,
            int updates, boolean photos, List<Share> funding) {
    }

    private static final Share COMMUNE = new Share("Budget de la commune de Taroudant", 100);

    static List<Share> split(String a, int pa, String b) {
        return List.of(new Share(a, pa), new Share(b, 100 - pa));
    }

    static final String RAMPARTS = "{\"type\":\"Polygon\",\"coordinates\":[[[-8.8745,30.4752],[-8.8668,30.4752],[-8.8668,30.4712],"
            + "[-8.8745,30.4712],[-8.8745,30.4752]]]}";
    static final String RIVERBANK = "{\"type\":\"Polygon\",\"coordinates\":[[[-8.8900,30.4575],[-8.8700,30.4560],[-8.8700,30.4545],"
            + "[-8.8900,30.4558],[-8.8900,30.4575]]]}";

    static final List<Plan> PLANS = List.of(
        new Plan("ترميم أسوار القصبة", "Restauration des remparts de la kasbah",
            "ترميم المقاطع المتدهورة من السور التاريخي وأبراجه بتقنيات الطين المدكوك التقليدية.",
            "Restauration des tronçons dégradés de l’enceinte historique et de ses tours, en pisé selon les techniques traditionnelles.",
            ProjectSector.CULTURE_SPORT, ProjectStatus.IN_PROGRESS, 30.4735, -8.8705, RAMPARTS, 18_500_000, "Atlas Patrimoine SARL",
            14, 30, 45, 3, true, List.of(new Share("Ministère de la Jeunesse, de la Culture et de la Communication", 60),
                new Share("Conseil régional Souss-Massa", 25), new Share("Budget de la commune de Taroudant", 15))),
        new Plan("تهيئة ساحة أسراك", "Réaménagement de la place Assarag",
            "تبليط الساحة وتجديد الإنارة والمقاعد وتنظيم الولوج إلى المحلات التجارية.",
            "Dallage de la place, nouvel éclairage, bancs et accès organisé aux commerces.",
            ProjectSector.ROADS, ProjectStatus.IN_PROGRESS, 30.4706, -8.8775, null, 6_200_000, "Souss Travaux Publics",
            8, 14, 60, 3, true, split("Budget de la commune de Taroudant", 40, "Initiative nationale pour le développement humain (INDH)")),
        new Plan("إنارة باب القصبة", "Mise en lumière de Bab El Kasbah",
            "إنارة تراثية للباب والممر المؤدي إليه بمصابيح موفرة للطاقة.",
            "Éclairage patrimonial de la porte et de son passage, en lampes économes.",
            ProjectSector.LIGHTING, ProjectStatus.COMPLETED, 30.4722, -8.8737, null, 950_000, "Lumière du Sud SARL",
            20, 6, 100, 2, true, List.of(COMMUNE)),
        new Plan("تأهيل السوق الأسبوعي", "Mise à niveau du souk hebdomadaire",
            "تسقيف الممرات وتنظيم الأروقة وربط السوق بشبكة الماء والتطهير.",
            "Couverture des allées, organisation des travées et raccordement du souk à l’eau et à l’assainissement.",
            ProjectSector.ECONOMY, ProjectStatus.PLANNED, 30.4660, -8.8850, null, 4_800_000, null,
            -3, 12, 0, 0, false, split("Budget de la commune de Taroudant", 50, "Conseil provincial de Taroudant")),
        new Plan("حماية ضفاف واد سوس", "Protection des berges de l’oued Souss",
            "بناء جدران الحماية من الفيضانات وتشجير الضفة على طول كيلومترين.",
            "Murs de protection contre les crues et plantation de la berge sur deux kilomètres.",
            ProjectSector.ENVIRONMENT, ProjectStatus.IN_PROGRESS, 30.4565, -8.8800, RIVERBANK, 12_000_000, "Hydro Souss Aménagement",
            10, 24, 30, 2, true, split("Agence du bassin hydraulique de Souss-Massa", 70, "Budget de la commune de Taroudant")),
        new Plan("توسيع طريق المستشفى", "Élargissement de la route de l’hôpital",
            "توسيع الطريق المؤدية إلى المستشفى الإقليمي وإحداث أرصفة وممرات للراجلين.",
            "Élargissement de la route de l’hôpital provincial, trottoirs et passages piétons.",
            ProjectSector.ROADS, ProjectStatus.IN_PROGRESS, 30.4790, -8.8660, null, 7_400_000, "Routes et Ouvrages du Souss",
            6, 12, 25, 2, false, split("Budget de la commune de Taroudant", 30, "Conseil provincial de Taroudant")),
        new Plan("شبكة التطهير بحي تالمقلات", "Assainissement du quartier Talmaklt",
            "مد قنوات الصرف الصحي وربط 600 منزل بالشبكة.",
            "Pose des collecteurs d’assainissement et raccordement de 600 logements.",
            ProjectSector.WATER, ProjectStatus.SUSPENDED, 30.4820, -8.8890, null, 9_300_000, "Assainissement Moderne du Sud",
            16, 18, 40, 2, true, split("Office national de l’électricité et de l’eau potable (ONEE)", 60, "Budget de la commune de Taroudant")),
        new Plan("مركز صحي للقرب بحي أزرو", "Centre de santé de proximité d’Azrou",
            "بناء وتجهيز مركز صحي للقرب لفائدة سكان الأحياء الشرقية.",
            "Construction et équipement d’un centre de santé de proximité pour les quartiers est.",
            ProjectSector.HEALTH, ProjectStatus.PLANNED, 30.4650, -8.8710, null, 3_500_000, null,
            -6, 15, 0, 0, false, split("Ministère de la Santé et de la Protection sociale", 80, "Budget de la commune de Taroudant")),
        new Plan("ملعب القرب بحي الرحبة", "Terrain de proximité de la Rahba",
            "ملعب بعشب اصطناعي وإنارة ومستودعات للملابس.",
            "Terrain en gazon synthétique, éclairage et vestiaires.",
            ProjectSector.CULTURE_SPORT, ProjectStatus.COMPLETED, 30.4850, -8.8760, null, 2_100_000, "Sport Équipement Agadir",
            24, 8, 100, 2, true, split("Budget de la commune de Taroudant", 50, "Initiative nationale pour le développement humain (INDH)")),
        new Plan("إنارة شارع محمد الخامس بمصابيح LED", "Éclairage LED de l’avenue Mohammed V",
            "تعويض 240 مصباحا بمصابيح LED لتقليص استهلاك الطاقة.",
            "Remplacement de 240 points lumineux par des lampes LED pour réduire la consommation.",
            ProjectSector.LIGHTING, ProjectStatus.COMPLETED, 30.4712, -8.8800, null, 1_650_000, "Lumière du Sud SARL",
            12, 5, 100, 1, false, List.of(COMMUNE)),
        new Plan("توسيع مدرسة ابن سليمان الجزولي الابتدائية", "Extension de l’école primaire Ibn Slimane El Jazouli",
            "بناء ستة أقسام جديدة وقاعة متعددة الوسائط.",
            "Construction de six salles de classe et d’une salle multimédia.",
            ProjectSector.EDUCATION, ProjectStatus.IN_PROGRESS, 30.4760, -8.8900, null, 2_900_000, "Bâtiments du Souss",
            5, 10, 55, 2, true, split("Académie régionale d’éducation et de formation Souss-Massa", 70, "Budget de la commune de Taroudant")),
        new Plan("منتزه جنان الباشا", "Jardin public Jnane Lbacha",
            "إعادة تهيئة الحديقة وإحداث فضاء للألعاب وسقي بالتنقيط.",
            "Réaménagement du jardin, aire de jeux et arrosage goutte à goutte.",
            ProjectSector.ENVIRONMENT, ProjectStatus.PLANNED, 30.4680, -8.8660, null, 1_200_000, null,
            -2, 9, 0, 0, false, List.of(COMMUNE)),
        new Plan("الشباك الرقمي للحالة المدنية", "Guichet numérique de l’état civil",
            "رقمنة سجلات الحالة المدنية وتمكين المرتفقين من طلب الوثائق عن بعد.",
            "Numérisation des registres d’état civil et demande des actes à distance.",
            ProjectSector.ADMINISTRATION, ProjectStatus.COMPLETED, 30.4708, -8.8765, null, 780_000, "Maghreb Digital Services",
            18, 9, 100, 2, false, split("Budget de la commune de Taroudant", 60, "Direction générale des collectivités territoriales")),
        new Plan("تزويد دوار تمسولت بالماء الشروب", "Eau potable du douar Tamsoult",
            "ربط الدوار بشبكة الماء الشروب. ألغي بعد تكفل المكتب الوطني بالمشروع ضمن برنامج إقليمي.",
            "Raccordement du douar à l’eau potable. Annulé : l’ONEE l’a repris dans un programme provincial.",
            ProjectSector.WATER, ProjectStatus.CANCELLED, 30.4600, -8.9000, null, 2_400_000, null,
            9, 12, 0, 0, false, List.of(COMMUNE)),
        new Plan("المكتبة البلدية", "Bibliothèque municipale",
            "إعادة تأهيل بناية المكتبة وتجهيز قاعة للمطالعة للأطفال.",
            "Réhabilitation du bâtiment de la bibliothèque et salle de lecture pour enfants.",
            ProjectSector.CULTURE_SPORT, ProjectStatus.SUSPENDED, 30.4728, -8.8790, null, 1_900_000, "Bâtiments du Souss",
            11, 10, 35, 1, false, split("Budget de la commune de Taroudant", 50, "Ministère de la Jeunesse, de la Culture et de la Communication")));
}
