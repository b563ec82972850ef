package ma.opencommune.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Files in {@code ${opencommune.data-dir}/files}, never next to the jar. A key is 32 random hex digits and is the
 * only thing that names a file on disk, so no user-supplied name can reach the file system (no path traversal).
 * Files are spread over 256 sub-folders so no folder grows huge.
 */
@Component
class LocalFileStore implements FileStore {

    private static final Pattern KEY = Pattern.compile("^[0-9a-f]{32}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    LocalFileStore(@Value("${opencommune.data-dir}") String dataDir) {
        this.root = Path.of(dataDir, "files").toAbsolutePath().normalize();
    }

    @Override
    public String put(InputStream content, String name, String contentType) throws IOException {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Path target = path(key).orElseThrow();
        Files.createDirectories(target.getParent());
        // Write beside, then move: a reader never sees half a file.
        Path partial = target.resolveSibling(key + ".part");
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return key;
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        Optional<Path> path = path(key);
        if (path.isEmpty() || !Files.isRegularFile(path.get())) {
            return Optional.empty();
        }
        return Optional.of(Files.newInputStream(path.get()));
    }

    @Override
    public void delete(String key) throws IOException {
        Optional<Path> path = path(key);
        if (path.isPresent()) {
            Files.deleteIfExists(path.get());
        }
    }

    /** Only well-formed keys map to a path, and that path is always inside the root. */
    private Optional<Path> path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path path = root.resolve(key.substring(0, 2)).resolve(key).normalize();
        return path.startsWith(root) ? Optional.of(path) : Optional.empty();
    }
}
