package ma.opencommune.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The one place uploaded files go (DESIGN.md: stateless nodes). The default implementation is a folder under the
 * data directory; an S3-compatible store can replace it without touching callers. Keys are opaque and random:
 * callers keep the original name and type beside the key in their own tables.
 */
public interface FileStore {

    /** Stores the bytes and returns a new random key. */
    String put(InputStream content, String name, String contentType) throws IOException;

    /** The stored bytes, or empty when the key is unknown or malformed. */
    Optional<InputStream> open(String key) throws IOException;

    /** Removes the file; unknown keys are ignored. */
    void delete(String key) throws IOException;
}
