package ma.opencommune.council.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of progress updates: accepted only as PNG or JPEG read from their first bytes, with a name that does not lie
 * about the type; served with the type re-read from the stored bytes, nosniff and inline, so no upload is ever sent
 * as HTML or script.
 */
@Component
class ProjectPhotos {

    /** The photos sent, read; or the message key of the first problem (nothing is read then). */
    record Checked(List<Upload> photos, String problem) {
    }

    private final FileStore files;

    ProjectPhotos(FileStore files) {
        this.files = files;
    }

    static Checked check(List<MultipartFile> sent) throws IOException {
        List<Upload> photos = new ArrayList<>();
        for (MultipartFile file : sent == null ? List.<MultipartFile>of() : sent) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            String problem = Upload.check(file).orElse(null);
            if (problem != null) {
                return new Checked(List.of(), "validation.file.too-large".equals(problem) ? problem : "projects.validation.photo.type");
            }
            Upload upload = Upload.of(file);
            if (upload.type() == Upload.FileType.PDF) {
                return new Checked(List.of(), "projects.validation.photo.type");
            }
            if (!Upload.nameMatches(file)) {
                return new Checked(List.of(), "projects.validation.photo.name");
            }
            photos.add(upload);
        }
        return new Checked(photos, null);
    }

    void send(ProjectReads.StoredPhoto photo, boolean publicCache, HttpServletResponse response) throws IOException {
        InputStream in = files.open(photo.key()).orElseThrow(() -> new NotFoundException("photo"));
        try (in) {
            byte[] head = in.readNBytes(8);
            Upload.FileType type = Upload.FileType.sniff(head).filter(t -> t != Upload.FileType.PDF)
                    .orElseThrow(() -> new NotFoundException("photo"));
            response.setContentType(type.contentType);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + photo.name().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            response.setHeader(HttpHeaders.CACHE_CONTROL, publicCache ? "public, max-age=86400" : "private, no-store");
            OutputStream out = response.getOutputStream();
            out.write(head);
            in.transferTo(out);
        }
    }
}
