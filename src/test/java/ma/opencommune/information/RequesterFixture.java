package ma.opencommune.information;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ma.opencommune.identity.Accounts;
import ma.opencommune.support.Logins;
import ma.opencommune.support.TestAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A fresh requester account and the filing form as a browser sends it. */
final class RequesterFixture {

    final MockMvc mvc;
    final UserDetailsService users;
    final JdbcClient jdbc;
    final String email;

    RequesterFixture(MockMvc mvc, UserDetailsService users, JdbcClient jdbc, Accounts accounts) {
        this.mvc = mvc;
        this.users = users;
        this.jdbc = jdbc;
        this.email = TestAccounts.confirmed(accounts, jdbc, "requester");
    }

    /** The form with plausible values; {@code overrides} are name, value pairs replacing (or adding) fields. */
    MockHttpServletRequestBuilder filing(String lang, String slug, String subject, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("firstName", "Fatima");
        fields.put("lastName", "Ait Lahcen");
        fields.put("postalAddress", "12 rue Souss, Taroudant");
        fields.put("cin", "JB123456");
        fields.put("email", email);
        fields.put("subject", subject);
        fields.put("description", "Le budget 2025 de la commune, par chapitre.");
        fields.put("delivery", "EMAIL");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder post = post("/" + lang + "/c/" + slug + "/information/new").with(csrf()).with(Logins.as(users, email));
        fields.forEach(post::param);
        return post;
    }

    /** Files through the page and returns the tracking number the receipt page shows. */
    String file(String slug, String subject) throws Exception {
        String location = mvc.perform(filing("fr", slug, subject)).andReturn().getResponse().getRedirectedUrl();
        if (location == null || !location.contains("/information/requests/")) {
            throw new AssertionError("not filed: " + location);
        }
        String tn = location.substring(location.lastIndexOf('/') + 1);
        return tn.contains("?") ? tn.substring(0, tn.indexOf('?')) : tn;
    }

    long count() {
        return jdbc.sql("select count(*) from info_request r join account a on a.id = r.requester_id where a.email = ?").param(email)
                .query(Long.class).single();
    }
}
