package ma.opencommune.council;

/** Texts the council keeps in Arabic and French: Arabic pages read the Arabic, the others the French, each falling back on the other. */
final class CouncilText {

    private CouncilText() {
    }

    static String pick(String lang, String ar, String fr) {
        boolean arabic = "ar".equals(lang);
        String first = arabic ? ar : fr;
        String second = arabic ? fr : ar;
        return first == null || first.isBlank() ? second : first;
    }

    /** The language a picked text is written in, for its {@code lang} attribute. */
    static String langOf(String lang, String ar, String fr) {
        boolean arabic = "ar".equals(lang);
        String first = arabic ? ar : fr;
        return (first == null || first.isBlank()) == arabic ? "fr" : "ar";
    }
}
