package ma.opencommune.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With an SMTP server configured and demo data off, mails leave by a real SMTP conversation and the dev mailbox is gone. */
@IntegrationTest
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=39025", "opencommune.demo.enabled=false"})
class SmtpMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(39025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired
    MockMvc mvc;

    @Test
    void theConfirmationMailIsSentOverSmtpInTheRegistrantsLanguage() throws Exception {
        String email = "smtp-" + System.nanoTime() + "@example.ma";
        mvc.perform(post("/fr/register").with(csrf()).param("displayName", "Courriel Réel").param("email", email)
                .param("password", "tafoukt-n-souss-2026").param("passwordConfirm", "tafoukt-n-souss-2026").param("consent", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(GreenMailUtil.getBody(message)).contains("/fr/confirm?token=");
    }

    @Test
    void theDeveloperMailboxDoesNotExistWithoutDemoData() throws Exception {
        mvc.perform(get("/fr/dev/mailbox")).andExpect(status().isNotFound());
    }
}
