package ma.opencommune.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The four interface languages. Arabic is the default; Tamazight is written in Tifinagh, left to right. */
public enum Lang {
    AR("ar", true, "ar-MA"),
    FR("fr", false, "fr-MA"),
    ZGH("zgh", false, "zgh-MA"),
    EN("en", false, "en");

    /** Path prefix every localized page is mapped under. */
    public static final String PATH = "/{lang:ar|fr|zgh|en}";

    private final String code;
    private final boolean rtl;
    private final Locale locale;

    Lang(String code, boolean rtl, String tag) {
        this.code = code;
        this.rtl = rtl;
        this.locale = Locale.forLanguageTag(tag);
    }

    public String code() {
        return code;
    }

    public boolean rtl() {
        return rtl;
    }

    public String dir() {
        return rtl ? "rtl" : "ltr";
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Lang> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code)).findFirst();
    }

    public static Lang of(Locale locale) {
        return locale == null ? AR : of(locale.getLanguage()).orElse(AR);
    }

    /** Best match for an Accept-Language header; Arabic when nothing matches. */
    public static Lang fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return AR;
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
            List<String> codes = Arrays.stream(values()).map(Lang::code).toList();
            String match = Locale.lookupTag(ranges, codes);
            return match == null ? AR : of(match).orElse(AR);
        } catch (IllegalArgumentException malformed) {
            return AR;
        }
    }

    /** The language a request path starts with ({@code /fr/...}), if any. */
    public static Optional<Lang> fromPath(String path) {
        if (path == null || path.length() < 3 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path.substring(1) : path.substring(1, end);
        return of(first).filter(l -> l.code.equals(first));
    }
}
