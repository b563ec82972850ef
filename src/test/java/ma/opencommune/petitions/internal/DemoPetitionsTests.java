package ma.opencommune.petitions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.petitions.Petition;
import ma.opencommune.petitions.PetitionKind;
import ma.opencommune.petitions.PetitionRules;
import ma.opencommune.petitions.PetitionStatus;
import ma.opencommune.petitions.Petitions;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The demo petitions show every state in Taroudant and in the small commune of Tafraout, and each agrees with the
 * aggregate's rules: its count with its status, its dates with the bureau's delay and the ordinary sessions. Other
 * tests add petitions to the same communes: only the demo's own (found by their titles) are checked.
 */
@IntegrationTest
class DemoPetitionsTests {

    @Autowired
    Petitions petitions;
    @Autowired
    ResidentVerifications residents;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    List<Petition> demo(Collectivity c) {
        Set<String> titles = DemoPetitionPlans.PLANS.stream().filter(p -> p.slug().equals(c.slug())).map(p -> p.story().title())
                .collect(Collectors.toSet());
        return jdbc.sql("select id, title from petition where collectivity_id = ?").param(c.id())
                .query((rs, i) -> titles.contains(rs.getString(2)) ? rs.getLong(1) : null).list().stream()
                .filter(java.util.Objects::nonNull).map(id -> petitions.find(c, id)).toList();
    }

    @Test
    void everyStateIsShownInTaroudantAndTafraoutWithItsCommunesThreshold() {
        for (String slug : List.of("taroudant", "tafraout")) {
            Collectivity c = territory.require(slug);
            List<Petition> shown = demo(c);
            assertThat(shown).as(slug).hasSize((int) DemoPetitionPlans.PLANS.stream().filter(p -> p.slug().equals(slug)).count());
            assertThat(shown.stream().map(Petition::status).collect(Collectors.toSet())).as(slug).containsExactlyInAnyOrder(PetitionStatus.values());
            assertThat(shown).as(slug + ": an association's petition").anyMatch(p -> p.kind() == PetitionKind.ASSOCIATION);
            assertThat(shown.stream().filter(p -> p.openedOn() != null).map(Petition::threshold).distinct().toList())
                    .containsExactly(slug.equals("taroudant") ? 200 : 100);
        }
    }

    @Test
    void eachPetitionsSignaturesAgreeWithItsStatus() {
        for (String slug : List.of("taroudant", "tafraout")) {
            Collectivity c = territory.require(slug);
            for (Petition p : demo(c)) {
                long[] counts = petitions.signatures(c, p.id());
                long total = counts[0] + counts[1];
                String what = slug + " " + p.status() + " " + p.kind();
                switch (p.status()) {
                    case DRAFT, INADMISSIBLE -> assertThat(total).as(what).isZero();
                    case OPEN -> assertThat(total).as(what).isPositive().isLessThan(p.threshold());
                    default -> {
                        if (p.kind() == PetitionKind.ASSOCIATION) {
                            assertThat(total).as(what + ": PET-4, no signatures").isZero();
                        } else {
                            assertThat(total).as(what).isGreaterThanOrEqualTo(p.threshold());
                            assertThat(counts[0]).as(what + " online").isPositive();
                            assertThat(counts[1]).as(what + " paper").isPositive();
                        }
                    }
                }
            }
            assertThat(jdbc.sql("select count(*) from petition_signature where petition_id in (:ids) and (cin_cipher is null or full_name_cipher is null)")
                    .param("ids", demo(c).stream().map(Petition::id).toList()).query(Integer.class).single())
                    .as("names and numbers kept, encrypted").isZero();
        }
    }

    @Test
    void theDatesFollowTheBureausDelayAndTheOrdinarySessions() {
        LocalDate today = petitions.today();
        PetitionRules rules = petitions.rules();
        for (String slug : List.of("taroudant", "tafraout")) {
            Collectivity c = territory.require(slug);
            List<Petition> shown = demo(c);
            assertThat(shown).as(slug + ": one filed petition past its three months (PET-6)").anyMatch(p -> p.decisionOverdue(today));
            for (Petition p : shown) {
                if (p.filedOn() != null) {
                    assertThat(p.decisionDue()).isEqualTo(rules.decisionDue(c.type(), p.filedOn()));
                    assertThat(p.filedOn()).isBeforeOrEqualTo(today);
                }
                if (p.sessionOn() != null) {
                    assertThat(YearMonth.from(p.sessionOn())).as("PET-8").isEqualTo(Petition.nextSessionMonth(p.decidedOn()));
                    assertThat(p.sessionOn()).isAfter(p.decidedOn());
                    assertThat(p.committee()).isNotBlank();
                }
                if (p.status() == PetitionStatus.CONCLUDED) {
                    assertThat(p.concludedOn()).isAfterOrEqualTo(p.sessionOn()).isBeforeOrEqualTo(today);
                    assertThat(p.councilDecisionReference()).isNotBlank();
                    assertThat(p.outcomeSummary()).isNotBlank();
                }
                if (p.status() == PetitionStatus.REJECTED || p.status() == PetitionStatus.INADMISSIBLE) {
                    assertThat(p.rejectionGround()).isNotNull();
                    assertThat(p.rejectionReasoning()).isNotBlank();
                }
                if (p.kind() == PetitionKind.ASSOCIATION && p.status() == PetitionStatus.ACCEPTED) {
                    assertThat(p.associationCheckedAt()).as("PET-4").isNotNull();
                }
            }
        }
    }

    @Test
    void citizenIsAnAgentWithADraftAndSignedOnePetitionWithMailsOnAndResidentIsLeftToSignTheOpenOne() {
        Collectivity taroudant = territory.require("taroudant");
        AccountUser citizen = (AccountUser) users.loadUserByUsername("citizen@opencommune.demo");
        AccountUser resident = (AccountUser) users.loadUserByUsername("resident@opencommune.demo");
        List<Petition> shown = demo(taroudant);
        assertThat(shown).anyMatch(p -> p.agentId() == citizen.id() && p.status() == PetitionStatus.DRAFT);
        assertThat(shown.stream().filter(p -> p.agentId() == citizen.id()).count()).isGreaterThanOrEqualTo(3);
        assertThat(jdbc.sql("select count(*) from petition_signature where account_id = ? and notify = true and source = 'ONLINE'")
                .param(citizen.id()).query(Integer.class).single()).isGreaterThanOrEqualTo(1);
        // resident@ is left to sign the open petition in a browser journey: the demo signed nothing in their name (the
        // demo's signatures all date from before today; a journey that already ran may have signed since).
        Petition open = shown.stream().filter(p -> p.status() == PetitionStatus.OPEN).findFirst().orElseThrow();
        String residentCin = residents.cinHash(resident.id()).orElseThrow();
        assertThat(jdbc.sql("select count(*) from petition_signature where petition_id = ? and (account_id = ? or cin_hash = ?) and signed_at < ?")
                .params(open.id(), resident.id(), residentCin, ma.opencommune.platform.Sql.at(petitions.today()
                        .atStartOfDay(ma.opencommune.platform.Morocco.ZONE).toInstant()))
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anAcceptedSessionFallsInTheNextOrdinarySessionMonthAfterTheDecisionOnAWeekdayWhenOneIsLeft() {
        assertThat(DemoPetitions.session(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(DemoPetitions.session(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(DemoPetitions.session(LocalDate.of(2026, 5, 5))).isEqualTo(LocalDate.of(2026, 5, 6));
        // May's session opened in its first week: a decision after it goes to October's (PET-8).
        assertThat(DemoPetitions.session(LocalDate.of(2026, 5, 20))).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(DemoPetitions.session(LocalDate.of(2026, 10, 30))).isEqualTo(LocalDate.of(2027, 2, 1));
    }
}
