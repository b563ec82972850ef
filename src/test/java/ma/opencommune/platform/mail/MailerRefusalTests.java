package ma.opencommune.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

/** Which refusals of an SMTP server end a recipient's mails for good, and which are tried again. */
class MailerRefusalTests {

    private static SendFailedException refused(int code) throws Exception {
        InternetAddress to = new InternetAddress("someone@example.ma");
        SMTPAddressFailedException cause = new SMTPAddressFailedException(to, "RCPT TO", code, code + " refused");
        return new SendFailedException("Invalid Addresses", cause, new Address[0], new Address[0], new Address[] {to});
    }

    @Test
    void aPermanentRefusalIsForGoodATemporaryOneIsTriedAgain() throws Exception {
        assertThat(Mailer.refusedForGood(refused(550))).isTrue();
        assertThat(Mailer.refusedForGood(refused(553))).isTrue();
        assertThat(Mailer.refusedForGood(refused(450))).isFalse();
        assertThat(Mailer.refusedForGood(refused(451))).isFalse();
        assertThat(Mailer.refusedForGood(new SendFailedException("connection dropped"))).isFalse();
    }
}
