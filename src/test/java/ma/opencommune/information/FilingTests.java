package ma.opencommune.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.Lang;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import ma.opencommune.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** ATI-2 filing: what is required, what is refused, the numbering per collectivity and year, double submits. */
@IntegrationTest
class FilingTests {

    @Autowired
    InformationRequests requests;
    @Autowired
    Territory territory;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    Collectivity taroudant;
    AccountUser citizen;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        citizen = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
    }

    static InformationRequests.Filing filing(String subject) {
        return new InformationRequests.Filing("Fatima", "Aït Lahcen", "Derb Sidi Boutaleb 14, Taroudant", "JB123456", null, subject,
                "Je demande le budget voté de l’année.", Delivery.POSTAL, false, null);
    }

    static InformationRequests.Filing with(InformationRequests.Filing f, String cin, String email, String description, Delivery delivery,
            boolean urgent, String reason) {
        return new InformationRequests.Filing(f.firstName(), f.lastName(), f.postalAddress(), cin, email, f.subject(), description, delivery,
                urgent, reason);
    }

    int count() {
        return jdbc.sql("select count(*) from info_request").query(Integer.class).single();
    }

    Map<String, String> errors(InformationRequests.Filing f) {
        int before = count();
        InvalidInput e = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(() -> requests.file(taroudant, citizen, f, Lang.FR));
        assertThat(e).as("refused").isNotNull();
        assertThat(count()).as("nothing saved").isEqualTo(before);
        return e.errors();
    }

    String unique() {
        return "Budget " + UUID.randomUUID();
    }

    @Test
    void aMissingOrMalformedCinIsRefusedAndArabicIndicDigitsAreAccepted() {
        InformationRequests.Filing f = filing(unique());
        assertThat(errors(with(f, "  ", null, f.description(), Delivery.POSTAL, false, null))).containsEntry("cin", "validation.required");
        assertThat(errors(with(f, "12", null, f.description(), Delivery.POSTAL, false, null))).containsEntry("cin", "validation.cin.format");
        assertThat(errors(with(f, "' or 1=1 --", null, f.description(), Delivery.POSTAL, false, null))).containsEntry("cin", "validation.cin.format");
        InformationRequests.Receipt r = requests.file(taroudant, citizen, with(f, "JB١٢٣٤٥٦", null, f.description(), Delivery.POSTAL, false, null), Lang.AR);
        assertThat(requests.cinForOfficer(taroudant, r.trackingNumber(), (AccountUser) users.loadUserByUsername("staff@taroudant.demo")))
                .isEqualTo("JB123456");
    }

    @Test
    void anEmptyOrHugeDescriptionAndMarkupInTheSubjectAreRefused() {
        InformationRequests.Filing f = filing(unique());
        assertThat(errors(with(f, "JB123456", null, "   ", Delivery.POSTAL, false, null))).containsEntry("description", "validation.required");
        assertThat(errors(with(f, "JB123456", null, "a".repeat(5 * 1024 * 1024), Delivery.POSTAL, false, null)))
                .containsEntry("description", "validation.text.too-long");
        InformationRequests.Filing markup = new InformationRequests.Filing("Fatima", "Aït Lahcen", "Taroudant", "JB123456", null,
                "<script>alert(1)</script>", "Je demande le budget.", Delivery.POSTAL, false, null);
        assertThat(errors(markup)).containsEntry("subject", "validation.characters");
        assertThat(errors(new InformationRequests.Filing("", "", "", "", null, "", "", null, false, null)))
                .containsKeys("firstName", "lastName", "postalAddress", "subject", "description", "delivery", "cin");
    }

    @Test
    void anEmailIsRequiredOnlyForDeliveryByEmailAndAReasonOnlyWhenUrgent() {
        InformationRequests.Filing f = filing(unique());
        assertThat(errors(with(f, "JB123456", null, f.description(), Delivery.EMAIL, false, null)))
                .containsEntry("email", "information.validation.email-for-delivery");
        assertThat(errors(with(f, "JB123456", "pas-un-email", f.description(), Delivery.EMAIL, false, null)))
                .containsEntry("email", "validation.email.format");
        assertThat(errors(with(f, "JB123456", null, f.description(), Delivery.PICKUP, true, " "))).containsEntry("urgencyReason", "validation.required");
        InformationRequests.Receipt postal = requests.file(taroudant, citizen, with(f, "JB123456", null, f.description(), Delivery.POSTAL, false, null), Lang.FR);
        assertThat(postal.status()).isEqualTo(RequestStatus.RECEIVED);
        InformationRequests.Receipt urgent = requests.file(taroudant, citizen, new InformationRequests.Filing("Fatima", "Aït Lahcen", "Taroudant",
                "JB123456", "fatima@example.ma", unique(), "Coupure d’eau au centre de santé.", Delivery.EMAIL, true, "Santé des patients"), Lang.FR);
        // ATI-6: three working days instead of twenty.
        assertThat(urgent.dueOn()).isBefore(postal.dueOn());
    }

    @Test
    void trackingNumbersFollowEachOtherPerCollectivityAndYear() {
        InformationRequests.Receipt a = requests.file(taroudant, citizen, filing(unique()), Lang.FR);
        InformationRequests.Receipt b = requests.file(taroudant, citizen, filing(unique()), Lang.FR);
        Collectivity agadir = territory.require("agadir");
        InformationRequests.Receipt c = requests.file(agadir, citizen, filing(unique()), Lang.FR);
        String prefix = taroudant.code() + "-" + a.receivedAt().atZone(ma.opencommune.platform.Morocco.ZONE).getYear() + "-";
        assertThat(a.trackingNumber()).startsWith(prefix);
        assertThat(Integer.parseInt(b.trackingNumber().substring(prefix.length())))
                .isEqualTo(Integer.parseInt(a.trackingNumber().substring(prefix.length())) + 1);
        assertThat(c.trackingNumber()).startsWith(agadir.code() + "-");
        // Another collectivity's number is simply not found here.
        assertThatThrownBy(() -> requests.forRequesterOrOfficer(agadir, a.trackingNumber(), citizen))
                .isInstanceOf(ma.opencommune.platform.NotFoundException.class);
    }

    @Test
    void theSameRequestSentTwiceIsFiledOnce() {
        InformationRequests.Filing f = filing(unique());
        InformationRequests.Receipt first = requests.file(taroudant, citizen, f, Lang.FR);
        InformationRequests.Receipt second = requests.file(taroudant, citizen, f, Lang.FR);
        assertThat(second.trackingNumber()).isEqualTo(first.trackingNumber());
        assertThat(jdbc.sql("select count(*) from info_request where subject = ?").param(f.subject()).query(Integer.class).single()).isEqualTo(1);
    }
}
