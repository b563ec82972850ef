package ma.opencommune.platform;

/** A text stored in Arabic, French and Tamazight (Tifinagh); English pages read the French. */
public record Localized(String ar, String fr, String zgh) {

    public String in(String lang) {
        String value = switch (lang) {
            case "ar" -> ar;
            case "zgh" -> zgh;
            default -> fr;
        };
        return value == null || value.isBlank() ? (fr == null || fr.isBlank() ? ar : fr) : value;
    }

    public boolean isEmpty() {
        return Check.blank(ar) && Check.blank(fr) && Check.blank(zgh);
    }
}
