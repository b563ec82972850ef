package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Over real HTTP (Tomcat's own form limits, which MockMvc does not have): 5 MB of text in the request form gets the
 * "too long" field error; a body past Tomcat's form limit gets an error page, never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("browser")
class LargeFormTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String session;

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        if (session != null) {
            b.header("Cookie", session);
        }
        return keep(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Cookie", session);
        }
        return keep(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    HttpResponse<String> keep(HttpResponse<String> response) {
        response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
                .ifPresent(c -> session = c.substring(0, c.indexOf(';')));
        return response;
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    Map<String, String> filing(String csrf, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("firstName", "Fatima");
        form.put("lastName", "Ait Lahcen");
        form.put("postalAddress", "Taroudant");
        form.put("cin", "JB123456");
        form.put("email", "citizen@opencommune.demo");
        form.put("subject", "Très long");
        form.put("delivery", "EMAIL");
        form.put("description", description);
        return form;
    }

    @Test
    void fiveMegabytesOfTextGetAFieldErrorAndABodyPastTheLimitAnErrorPage() throws Exception {
        String token = csrf(get("/fr/login").body());
        HttpResponse<String> login = post("/login", Map.of("_csrf", token, "email", "citizen@opencommune.demo", "password", "demo", "lang", "fr"));
        assertThat(login.statusCode()).isEqualTo(302);
        HttpResponse<String> form = get("/fr/c/taroudant/information/new");
        assertThat(form.statusCode()).isEqualTo(200);
        String formToken = csrf(form.body());

        HttpResponse<String> fiveMb = post("/fr/c/taroudant/information/new", filing(formToken, "a".repeat(5 * 1024 * 1024)));
        assertThat(fiveMb.statusCode()).isEqualTo(200);
        assertThat(fiveMb.body()).contains("href=\"#description\"").contains("trop long");

        HttpResponse<String> huge = post("/fr/c/taroudant/information/new", filing(formToken, "a".repeat(12 * 1024 * 1024)));
        assertThat(huge.statusCode()).isBetween(400, 499);
        assertThat(huge.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
}
