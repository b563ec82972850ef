package ma.opencommune.council;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What staff do to the document library, recorded in the action log (upload, metadata change, publication, withdrawal). */
public final class DocumentEvents {

    private DocumentEvents() {
    }

    /** The steps of a library document. */
    public enum Step {
        UPLOADED, EDITED, PUBLISHED, WITHDRAWN
    }

    /** A step of one document, by the staff member who took it. */
    public record DocumentStepped(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long documentId, Step step)
            implements Auditable {

        public String action() {
            return "council.document-" + step.name().toLowerCase(Locale.ROOT);
        }

        public String summary() {
            return "library document " + documentId + ": " + step.name().toLowerCase(Locale.ROOT);
        }
    }
}
