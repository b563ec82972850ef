package ma.opencommune.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Registration, email confirmation, login and password reset, with the nasty inputs a real form meets. */
@IntegrationTest
class RegistrationTests {

    static final String PASSWORD = ma.opencommune.support.TestAccounts.PASSWORD;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    static String uniqueEmail() {
        return "person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ma";
    }

    MockHttpServletRequestBuilder register(String lang, String name, String email, String password, String confirm, boolean consent) {
        MockHttpServletRequestBuilder request = post("/" + lang + "/register").with(csrf())
                .param("displayName", name).param("email", email).param("password", password).param("passwordConfirm", confirm);
        return consent ? request.param("consent", "true") : request;
    }

    int accounts() {
        return jdbc.sql("select count(*) from account").query(Integer.class).single();
    }

    String lastLink(String email, String path) {
        String body = jdbc.sql("select body from dev_mailbox where recipient = ? order by id desc limit 1").param(email)
                .query(String.class).single();
        Matcher m = Pattern.compile("http://localhost(/[a-z]+" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+)").matcher(body);
        assertThat(m.find()).as("link in mail: " + body).isTrue();
        return m.group(1);
    }

    @Test
    void aPersonRegistersConfirmsTheirEmailAndLogsIn() throws Exception {
        String email = uniqueEmail();
        mvc.perform(register("ar", "فاطمة أيت", email, PASSWORD, PASSWORD, true))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/ar/register/check-email"));
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD).param("lang", "ar"))
                .andExpect(redirectedUrl("/ar/login?error=unconfirmed"));
        String link = lastLink(email, "/confirm");
        assertThat(link).startsWith("/ar/confirm");
        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString("lang=\"ar\"")));
        mvc.perform(get(link)).andExpect(content().string(containsString(message("ar", "confirmed.invalid.title"))));
        mvc.perform(post("/login").with(csrf()).param("email", email.toUpperCase()).param("password", PASSWORD).param("lang", "ar"))
                .andExpect(redirectedUrl("/ar/account"));
    }

    @Test
    void invalidInputIsRefusedInThePageLanguageAndNothingIsSaved() throws Exception {
        int before = accounts();
        mvc.perform(register("fr", "", "", "", "", false)).andExpect(status().isOk())
                .andExpect(content().string(containsString(message("fr", "validation.required"))))
                .andExpect(content().string(containsString(message("fr", "validation.consent"))));
        mvc.perform(register("fr", "Amina", "pas-une-adresse", PASSWORD, PASSWORD, true))
                .andExpect(content().string(containsString(message("fr", "validation.email.format"))));
        mvc.perform(register("ar", "أمينة", "أمينة@مثال.ma", PASSWORD, PASSWORD, true))
                .andExpect(content().string(containsString(message("ar", "validation.email.format"))));
        mvc.perform(register("fr", "Amina", uniqueEmail(), "azerty", "azerty", true))
                .andExpect(content().string(containsString(message("fr", "validation.password.short"))));
        mvc.perform(register("fr", "Amina", uniqueEmail(), "motdepasse123", "motdepasse123", true))
                .andExpect(content().string(containsString(message("fr", "validation.password.common"))));
        mvc.perform(register("fr", "Amina", uniqueEmail(), PASSWORD, PASSWORD + "x", true))
                .andExpect(content().string(containsString(message("fr", "validation.password.mismatch"))));
        mvc.perform(register("zgh", "x".repeat(10_000), uniqueEmail(), PASSWORD, PASSWORD, true))
                .andExpect(status().isOk()).andExpect(content().string(containsString(message("zgh", "validation.name.length"))));
        mvc.perform(register("en", "<script>alert(1)</script>", uniqueEmail(), PASSWORD, PASSWORD, true))
                .andExpect(content().string(containsString(message("en", "validation.name.characters"))))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void anEmailAlreadyUsedIsRefusedWithAClearMessage() throws Exception {
        mvc.perform(register("fr", "Quelqu’un", "STAFF@taroudant.demo", PASSWORD, PASSWORD, true))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(message("fr", "validation.email.taken"))));
    }

    @Test
    void aDoubleSubmitCreatesOneAccountAndResendsTheLink() throws Exception {
        String email = uniqueEmail();
        int before = accounts();
        mvc.perform(register("fr", "Double Clic", email, PASSWORD, PASSWORD, true)).andExpect(status().is3xxRedirection());
        mvc.perform(register("fr", "Double Clic", email, PASSWORD, PASSWORD, true)).andExpect(status().is3xxRedirection());
        assertThat(accounts()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from dev_mailbox where recipient = ?").param(email).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void sqlInTextFieldsIsStoredAsText() throws Exception {
        String email = uniqueEmail();
        String name = "Robert'); drop table account;--";
        mvc.perform(register("fr", name, email, PASSWORD, PASSWORD, true)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select display_name from account where email_normalized = ?").param(email).query(String.class).single())
                .isEqualTo(name);
    }

    @Test
    void repeatedWrongPasswordsBlockTheLoginForAWhile() throws Exception {
        String email = uniqueEmail();
        mvc.perform(register("fr", "Throttle Test", email, PASSWORD, PASSWORD, true));
        mvc.perform(get(lastLink(email, "/confirm")));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("email", email).param("password", "wrong-" + i).param("lang", "fr"))
                    .andExpect(redirectedUrl("/fr/login?error=credentials"));
        }
        mvc.perform(post("/login").with(csrf()).param("email", email).param("password", PASSWORD).param("lang", "fr"))
                .andExpect(redirectedUrl("/fr/login?error=throttled"));
        mvc.perform(get("/fr/login").param("error", "throttled"))
                .andExpect(content().string(containsString(message("fr", "login.error.throttled"))));
    }

    @Test
    void aForgottenPasswordIsResetByEmail() throws Exception {
        String email = uniqueEmail();
        mvc.perform(register("en", "Reset Test", email, PASSWORD, PASSWORD, true));
        mvc.perform(post("/en/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk())
                .andExpect(content().string(containsString(message("en", "forgot.sent"))));
        mvc.perform(post("/en/password/forgot").with(csrf()).param("email", uniqueEmail()))
                .andExpect(content().string(containsString(message("en", "forgot.sent"))));
        String link = lastLink(email, "/password/reset");
        String token = link.substring(link.indexOf("token=") + 6);
        mvc.perform(get(link)).andExpect(status().isOk());
        mvc.perform(post("/en/password/reset").with(csrf()).param("token", token).param("password", "short").param("passwordConfirm", "short"))
                .andExpect(content().string(containsString(message("en", "validation.password.short"))));
        String newPassword = "a-new-long-passphrase";
        mvc.perform(post("/en/password/reset").with(csrf()).param("token", token).param("password", newPassword).param("passwordConfirm", newPassword))
                .andExpect(redirectedUrl("/en/login"));
        mvc.perform(post("/en/password/reset").with(csrf()).param("token", token).param("password", newPassword).param("passwordConfirm", newPassword))
                .andExpect(content().string(containsString(message("en", "confirmed.invalid.text"))));
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("email", email).param("password", newPassword).param("lang", "en"))
                .andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/en/account");
    }

    @Autowired
    org.springframework.context.MessageSource messages;

    String message(String lang, String key) {
        String text = messages.getMessage(key, null, ma.opencommune.platform.Lang.of(lang).orElseThrow().locale());
        return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
