package ma.opencommune.council;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Documents a collectivity published in a period, by type (a figure of the network's openness index). */
public record DocumentCounts(Map<DocumentKind, Long> byKind) {

    public DocumentCounts {
        EnumMap<DocumentKind, Long> all = new EnumMap<>(DocumentKind.class);
        for (DocumentKind k : DocumentKind.values()) {
            all.put(k, byKind.getOrDefault(k, 0L));
        }
        byKind = Collections.unmodifiableMap(all);
    }

    public long of(DocumentKind kind) {
        return byKind.get(kind);
    }

    public long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
