package ma.opencommune.council.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo budget of Taroudant as CSV text: headings of a Moroccan commune's budget in Arabic and French (share of VAT,
 * local taxes and fees; staff, electricity, public lighting, waste collection; roads, water, schools), detailed by
 * neighbourhood or by school, with amounts drawn from a fixed seed so that every load shows the same figures. Parents
 * are written as the sums of their children, as the import demands.
 */
final class DemoBudgetLines {

    /** A detailed line: its code, parent, labels and amount; the section and direction are its root's. */
    record Leaf(String code, String parent, String ar, String fr, BigDecimal amount, String section, String direction) {
    }

    /** A heading: code, labels, and the root it belongs to. */
    private record Heading(String code, String parent, String ar, String fr, String section, String direction) {
    }

    static final String[][] QUARTERS = {{"القصبة", "La Kasbah"}, {"تالمقلت", "Talmaklt"}, {"باب الخميس", "Bab El Khemis"},
        {"حي السلام", "Hay Salam"}, {"أساراگ", "Assarag"}, {"باب ترغونت", "Bab Targhount"}, {"باب الزركان", "Bab Zorgane"},
        {"المحايطة", "El Mhaita"}};
    static final String[][] SCHOOLS = {{"مدرسة ابن سينا", "École Ibn Sina"}, {"مدرسة المسيرة", "École Al Massira"},
        {"مدرسة الأطلس", "École Atlas"}, {"مدرسة الفارابي", "École Al Farabi"}, {"مدرسة الزيتون", "École Zitoune"},
        {"مدرسة سوس", "École Souss"}, {"مدرسة الأمل", "École Al Amal"}, {"مدرسة النخيل", "École Nakhil"}};
    static final String[][] BUILDINGS = {{"مقر الجماعة", "Hôtel de ville"}, {"الملحقة الإدارية الأولى", "Annexe administrative 1"},
        {"الملحقة الإدارية الثانية", "Annexe administrative 2"}, {"الملحقة الإدارية الثالثة", "Annexe administrative 3"},
        {"السوق البلدي", "Marché municipal"}, {"المجزرة الجماعية", "Abattoir communal"}, {"المحطة الطرقية", "Gare routière"},
        {"دار الشباب", "Maison des jeunes"}};

    private final List<Heading> headings = new ArrayList<>();
    private final List<Leaf> leaves = new ArrayList<>();
    private final Random random;
    private final double scale;

    private DemoBudgetLines(long seed, double scale) {
        this.random = new Random(seed);
        this.scale = scale;
    }

    /** The budget of a year: {@code scale} grows it from one year to the next. */
    static DemoBudgetLines of(long seed, double scale) {
        DemoBudgetLines b = new DemoBudgetLines(seed, scale);
        b.operatingRevenue();
        b.operatingExpense();
        b.investmentRevenue();
        b.investmentExpense();
        return b;
    }

    private void operatingRevenue() {
        root("10", "مداخيل التسيير", "Recettes de fonctionnement", "OPERATING", "REVENUE");
        heading("10.1", "10", "حصة الجماعة من منتوج الضريبة على القيمة المضافة", "Part de la commune dans le produit de la TVA");
        leaf("10.1.1", "10.1", "الحصة العامة", "Part générale", 38_000_000);
        leaf("10.1.2", "10.1", "الحصة المخصصة للتكاليف المحولة", "Part affectée aux charges transférées", 6_500_000);
        heading("10.2", "10", "الرسوم المحلية", "Taxes locales");
        String[][] taxes = {{"الرسم المهني", "Taxe professionnelle"}, {"رسم السكن", "Taxe d’habitation"},
            {"رسم الخدمات الجماعية", "Taxe de services communaux"}, {"الرسم على الأراضي الحضرية غير المبنية", "Taxe sur les terrains urbains non bâtis"},
            {"الرسم على عمليات البناء", "Taxe sur les opérations de construction"}, {"الرسم على عمليات تجزئة الأراضي", "Taxe sur les opérations de lotissement"},
            {"الرسم على محال بيع المشروبات", "Taxe sur les débits de boissons"}, {"رسم الإقامة بالمؤسسات السياحية", "Taxe de séjour"}};
        series("10.2", taxes, 400_000, 4_000_000);
        heading("10.3", "10", "الأتاوى والواجبات", "Redevances et droits");
        String[][] fees = {{"منتوج السوق الأسبوعي", "Produit du souk hebdomadaire"}, {"رسوم الذبح بالمجزرة", "Droits d’abattage"},
            {"الاحتلال المؤقت للملك العمومي", "Occupation temporaire du domaine public"}, {"منتوج المحجز", "Produit de la fourrière"},
            {"منتوج المحطة الطرقية", "Produit de la gare routière"}, {"رسوم المصادقة على الإمضاءات", "Droits de légalisation des signatures"},
            {"رسوم الحالة المدنية", "Droits d’état civil"}};
        series("10.3", fees, 150_000, 2_500_000);
        heading("10.4", "10", "مداخيل الأملاك الجماعية", "Revenus du patrimoine communal");
        heading("10.4.1", "10.4", "أكرية المحلات التجارية", "Loyers des locaux commerciaux");
        series("10.4.1", QUARTERS, 60_000, 400_000);
        leaf("10.4.2", "10.4", "أكرية المساكن", "Loyers des logements", 180_000);
    }

    private void operatingExpense() {
        root("20", "نفقات التسيير", "Dépenses de fonctionnement", "OPERATING", "EXPENSE");
        heading("20.1", "20", "أجور وتعويضات الموظفين", "Salaires et indemnités du personnel");
        String[][] staff = {{"أجور الموظفين الرسميين", "Traitements des fonctionnaires titulaires"}, {"التعويضات القارة", "Indemnités permanentes"},
            {"مساهمات الاحتياط الاجتماعي", "Cotisations de prévoyance sociale"}, {"أجور العمال العرضيين", "Salaires des occasionnels"},
            {"التعويضات عن الساعات الإضافية", "Indemnités pour heures supplémentaires"}};
        series("20.1", staff, 800_000, 14_000_000);
        heading("20.2", "20", "استهلاك الكهرباء والماء بالبنايات", "Électricité et eau des bâtiments");
        heading("20.2.1", "20.2", "الكهرباء", "Électricité");
        series("20.2.1", BUILDINGS, 40_000, 450_000);
        heading("20.2.2", "20.2", "الماء", "Eau");
        series("20.2.2", BUILDINGS, 15_000, 160_000);
        heading("20.3", "20", "الإنارة العمومية", "Éclairage public");
        heading("20.3.1", "20.3", "استهلاك الإنارة العمومية", "Consommation de l’éclairage public");
        series("20.3.1", QUARTERS, 250_000, 900_000);
        heading("20.3.2", "20.3", "صيانة شبكة الإنارة العمومية", "Entretien du réseau d’éclairage public");
        series("20.3.2", QUARTERS, 40_000, 160_000);
        heading("20.4", "20", "جمع النفايات المنزلية", "Collecte des déchets ménagers");
        heading("20.4.1", "20.4", "التدبير المفوض لجمع النفايات", "Gestion déléguée de la collecte");
        series("20.4.1", QUARTERS, 500_000, 1_400_000);
        leaf("20.4.2", "20.4", "المطرح المراقب", "Décharge contrôlée", 1_800_000);
        heading("20.5", "20", "الوقود وصيانة حظيرة السيارات", "Carburant et entretien du parc auto");
        leaf("20.5.1", "20.5", "الوقود والزيوت", "Carburants et lubrifiants", 1_100_000);
        leaf("20.5.2", "20.5", "قطع الغيار والإصلاح", "Pièces de rechange et réparations", 600_000);
        heading("20.6", "20", "إعانات للجمعيات", "Subventions aux associations");
        String[][] associations = {{"الجمعيات الرياضية", "Associations sportives"}, {"الجمعيات الثقافية", "Associations culturelles"},
            {"جمعيات الأحياء", "Associations de quartier"}, {"جمعيات الأشخاص في وضعية إعاقة", "Associations des personnes en situation de handicap"}};
        series("20.6", associations, 100_000, 600_000);
        heading("20.7", "20", "فوائد القروض", "Intérêts des emprunts");
        leaf("20.7.1", "20.7", "فوائد قروض صندوق التجهيز الجماعي", "Intérêts des prêts du FEC", 2_200_000);
    }

    private void investmentRevenue() {
        root("30", "مداخيل التجهيز", "Recettes d’investissement", "INVESTMENT", "REVENUE");
        leaf("30.1", "30", "فائض الجزء الأول", "Excédent de la première partie", 9_000_000);
        leaf("30.2", "30", "مساهمة مجلس جهة سوس ماسة", "Contribution du Conseil de la région Souss-Massa", 12_000_000);
        leaf("30.3", "30", "المبادرة الوطنية للتنمية البشرية", "Initiative nationale pour le développement humain", 4_500_000);
        leaf("30.4", "30", "قرض صندوق التجهيز الجماعي", "Emprunt auprès du FEC", 15_000_000);
    }

    private void investmentExpense() {
        root("40", "نفقات التجهيز", "Dépenses d’investissement", "INVESTMENT", "EXPENSE");
        heading("40.1", "40", "الطرق والأرصفة", "Voirie et trottoirs");
        String[][] works = {{"تزفيت الطرق", "Revêtement des chaussées"}, {"تبليط الأزقة", "Pavage des ruelles"}, {"بناء الأرصفة", "Construction des trottoirs"}};
        for (int q = 0; q < QUARTERS.length; q++) {
            String code = "40.1." + (q + 1);
            heading(code, "40.1", QUARTERS[q][0], QUARTERS[q][1]);
            series(code, works, 150_000, 1_200_000);
        }
        heading("40.2", "40", "الماء الصالح للشرب والتطهير السائل", "Eau potable et assainissement liquide");
        String[][] water = {{"توسيع شبكة الماء", "Extension du réseau d’eau"}, {"شبكة التطهير السائل", "Réseau d’assainissement"}};
        for (int q = 0; q < QUARTERS.length; q++) {
            String code = "40.2." + (q + 1);
            heading(code, "40.2", QUARTERS[q][0], QUARTERS[q][1]);
            series(code, water, 120_000, 900_000);
        }
        heading("40.3", "40", "المؤسسات التعليمية", "Établissements scolaires");
        String[][] school = {{"الإصلاح والتأهيل", "Réhabilitation"}, {"المرافق الصحية والماء", "Sanitaires et eau"}};
        for (int s = 0; s < SCHOOLS.length; s++) {
            String code = "40.3." + (s + 1);
            heading(code, "40.3", SCHOOLS[s][0], SCHOOLS[s][1]);
            series(code, school, 60_000, 450_000);
        }
        heading("40.4", "40", "توسيع الإنارة العمومية", "Extension de l’éclairage public");
        series("40.4", QUARTERS, 100_000, 700_000);
        heading("40.5", "40", "المساحات الخضراء", "Espaces verts");
        series("40.5", QUARTERS, 50_000, 350_000);
    }

    private String[] current = new String[2];

    private void root(String code, String ar, String fr, String section, String direction) {
        current = new String[] {section, direction};
        headings.add(new Heading(code, null, ar, fr, section, direction));
    }

    private void heading(String code, String parent, String ar, String fr) {
        headings.add(new Heading(code, parent, ar, fr, current[0], current[1]));
    }

    private void leaf(String code, String parent, String ar, String fr, double amount) {
        BigDecimal a = BigDecimal.valueOf(amount * scale * (0.9 + random.nextDouble() * 0.2)).setScale(0, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(1)).setScale(2);
        leaves.add(new Leaf(code, parent, ar, fr, a, current[0], current[1]));
    }

    private void series(String parent, String[][] labels, double min, double max) {
        for (int i = 0; i < labels.length; i++) {
            leaf(parent + "." + (i + 1), parent, labels[i][0], labels[i][1], min + random.nextDouble() * (max - min));
        }
    }

    List<Leaf> leaves() {
        return leaves;
    }

    /** Moves {@code amount} dirhams onto a detailed line (an amending budget), keeping the sums right. */
    DemoBudgetLines add(String code, double amount) {
        for (int i = 0; i < leaves.size(); i++) {
            Leaf l = leaves.get(i);
            if (l.code().equals(code)) {
                leaves.set(i, new Leaf(l.code(), l.parent(), l.ar(), l.fr(), l.amount().add(BigDecimal.valueOf(amount).setScale(2)), l.section(),
                        l.direction()));
            }
        }
        return this;
    }

    /** The whole budget as an import file: headings with the sums of their leaves, semicolon-separated as Excel writes. */
    String csv() {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        headings.forEach(h -> parents.put(h.code(), h.parent()));
        for (Leaf l : leaves) {
            for (String p = l.parent(); p != null; p = parents.get(p)) {
                sums.merge(p, l.amount(), BigDecimal::add);
            }
        }
        StringBuilder out = new StringBuilder("\uFEFFcode;parent_code;label_ar;label_fr;section;direction;amount\r\n");
        for (Heading h : headings) {
            line(out, h.code(), h.ar(), h.fr(), h.section(), h.direction(), sums.getOrDefault(h.code(), BigDecimal.ZERO.setScale(2)));
        }
        for (Leaf l : leaves) {
            line(out, l.code(), l.ar(), l.fr(), l.section(), l.direction(), l.amount());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String code, String ar, String fr, String section, String direction, BigDecimal amount) {
        out.append(code).append(";;").append(ar).append(';').append(fr).append(';').append(section).append(';').append(direction).append(';')
                .append(amount.toPlainString().replace('.', ',')).append("\r\n");
    }
}
