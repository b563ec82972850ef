package ma.opencommune.territory;

/**
 * An official name in the three languages the law uses. {@code zghTransliterated} marks a Tifinagh name that
 * is a transliteration rather than an official one.
 */
public record Names(String ar, String fr, String zgh, boolean zghTransliterated) {

    /** The name in a page language; English pages use the French name, as Moroccan administration does. */
    public String in(String lang) {
        return switch (lang) {
            case "ar" -> ar;
            case "zgh" -> zgh;
            default -> fr;
        };
    }
}
