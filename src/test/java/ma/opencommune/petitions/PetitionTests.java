package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.territory.CollectivityType;
import org.junit.jupiter.api.Test;

/** The petition's life cycle: every transition allowed where the law allows it and refused elsewhere. */
class PetitionTests {

    private static final LocalDate OPENED = LocalDate.of(2026, 12, 1);
    private static final LocalDate FILED = LocalDate.of(2027, 1, 15);
    private final PetitionRules rules = PetitionRules.defaults();

    private static Petition open(CollectivityType type) {
        Petition p = Petition.draft(1, type, PetitionKind.CITIZENS, 7);
        p.open(OPENED, 100);
        return p;
    }

    private Petition filed() {
        Petition p = open(CollectivityType.COMMUNE);
        p.file(FILED, 100, rules);
        return p;
    }

    private static void refused(Runnable transition, String key) {
        assertThatThrownBy(transition::run).isInstanceOf(ConflictException.class).hasMessage(key);
    }

    @Test
    void aDraftOpensOnceWithTheThresholdOfThatDay() {
        Petition p = open(CollectivityType.COMMUNE);
        assertThat(p.status()).isEqualTo(PetitionStatus.OPEN);
        assertThat(p.threshold()).isEqualTo(100);
        assertThat(p.openedOn()).isEqualTo(OPENED);
        refused(() -> p.open(OPENED, 200), "petitions.conflict.not-draft");
        assertThat(p.threshold()).isEqualTo(100);
    }

    @Test
    void theThresholdIsReachedAtItsExactCountAndLostAgainOnAWithdrawalBeforeFiling() {
        Petition p = open(CollectivityType.COMMUNE);
        assertThat(p.follow(99, OPENED)).isFalse();
        assertThat(p.status()).isEqualTo(PetitionStatus.OPEN);
        assertThat(p.thresholdReachedOn()).isNull();
        assertThat(p.follow(100, OPENED.plusDays(3))).isTrue();
        assertThat(p.status()).isEqualTo(PetitionStatus.THRESHOLD_REACHED);
        assertThat(p.thresholdReachedOn()).isEqualTo(OPENED.plusDays(3));
        assertThat(p.status().collecting()).isTrue();
        assertThat(p.follow(99, OPENED.plusDays(4))).isTrue();
        assertThat(p.status()).isEqualTo(PetitionStatus.OPEN);
        assertThat(p.thresholdReachedOn()).isNull();
    }

    @Test
    void onlyAPetitionWithEnoughSignaturesIsFiledAndFilingStartsTheBureausClock_PET6() {
        Petition p = open(CollectivityType.COMMUNE);
        refused(() -> p.file(FILED, 99, rules), "petitions.conflict.below-threshold");
        p.file(FILED, 100, rules);
        assertThat(p.status()).isEqualTo(PetitionStatus.FILED);
        assertThat(p.status().collecting()).isFalse();
        assertThat(p.decisionDue()).isEqualTo(LocalDate.of(2027, 4, 15));
        refused(() -> p.file(FILED, 150, rules), "petitions.conflict.not-collecting");
    }

    @Test
    void anAssociationsPetitionCollectsNoSignaturesIsFiledFromItsDraftAndAcceptedOnlyOnceStaffCheckedTheAssociation_PET4() {
        Petition p = Petition.draft(1, CollectivityType.COMMUNE, PetitionKind.ASSOCIATION, 7);
        refused(() -> p.open(OPENED, 100), "petitions.conflict.association-files-directly");
        refused(() -> p.checkAssociation(java.time.Instant.parse("2027-01-10T10:00:00Z")), "petitions.conflict.not-filed");
        p.file(FILED, 0, rules);
        assertThat(p.status()).isEqualTo(PetitionStatus.FILED);
        assertThat(p.decisionDue()).isEqualTo(LocalDate.of(2027, 4, 15));
        refused(() -> p.accept(FILED, LocalDate.of(2027, 2, 5), "Commission sociale"), "petitions.conflict.association-unchecked");
        p.checkAssociation(java.time.Instant.parse("2027-01-16T10:00:00Z"));
        refused(() -> p.checkAssociation(java.time.Instant.parse("2027-01-17T10:00:00Z")), "petitions.conflict.association-checked");
        p.accept(FILED, LocalDate.of(2027, 2, 5), "Commission sociale");
        assertThat(p.status()).isEqualTo(PetitionStatus.ACCEPTED);
    }

    @Test
    void onlyAnAssociationsPetitionHasItsAssociationChecked() {
        Petition p = filed();
        refused(() -> p.checkAssociation(java.time.Instant.parse("2027-01-16T10:00:00Z")), "petitions.conflict.not-association");
    }

    @Test
    void anUndecidedPetitionIsOverdueTheDayAfterTheThreeMonths() {
        Petition p = filed();
        assertThat(p.decisionOverdue(LocalDate.of(2027, 4, 14))).isFalse();
        assertThat(p.decisionOverdue(LocalDate.of(2027, 4, 15))).isFalse();
        assertThat(p.decisionOverdue(LocalDate.of(2027, 4, 16))).isTrue();
        p.reject(LocalDate.of(2027, 4, 16), RejectionGround.NOT_COUNCIL_COMPETENCE, "Relève de l'État.");
        assertThat(p.decisionOverdue(LocalDate.of(2027, 5, 1))).isFalse();
        assertThat(p.decidedInTime()).isFalse();
    }

    @Test
    void aRegionsBureauHasTwoMonths() {
        Petition p = open(CollectivityType.REGION);
        p.file(FILED, 100, rules);
        assertThat(p.decisionDue()).isEqualTo(LocalDate.of(2027, 3, 15));
        assertThat(p.decisionOverdue(LocalDate.of(2027, 3, 16))).isTrue();
    }

    @Test
    void theBureauAcceptsOntoAComingOrdinarySessionWithACommittee_PET6_PET8() {
        Petition p = filed();
        LocalDate decided = LocalDate.of(2027, 3, 1);
        refused(() -> p.accept(decided, LocalDate.of(2027, 3, 20), "Commission des affaires sociales"), "petitions.conflict.not-ordinary-session");
        refused(() -> p.accept(decided, LocalDate.of(2026, 10, 5), "Commission des affaires sociales"), "petitions.conflict.session-past");
        refused(() -> p.accept(decided, LocalDate.of(2027, 5, 4), " "), "petitions.conflict.committee-required");
        refused(() -> p.accept(LocalDate.of(2027, 1, 14), LocalDate.of(2027, 5, 4), "Commission"), "petitions.conflict.before-filing");
        Petition decidedAfterMaysFirstWeek = filed();
        refused(() -> decidedAfterMaysFirstWeek.accept(LocalDate.of(2027, 5, 10), LocalDate.of(2027, 5, 20), "Commission"),
                "petitions.conflict.not-ordinary-session");
        p.accept(decided, LocalDate.of(2027, 5, 4), " Commission des affaires sociales ");
        assertThat(p.status()).isEqualTo(PetitionStatus.ACCEPTED);
        assertThat(p.committee()).isEqualTo("Commission des affaires sociales");
        assertThat(p.decidedInTime()).isTrue();
        refused(() -> p.reject(decided, RejectionGround.OTHER, "Trop tard."), "petitions.conflict.not-filed");
    }

    @Test
    void aRejectionNeedsAGroundAndWrittenReasoning() {
        Petition p = filed();
        refused(() -> p.reject(FILED, null, "Motif"), "petitions.conflict.reason-required");
        refused(() -> p.reject(FILED, RejectionGround.OTHER, "   "), "petitions.conflict.reason-required");
        p.reject(FILED, RejectionGround.EXCLUDED_MATTER, "L'objet touche à une matière exclue par la loi.");
        assertThat(p.status()).isEqualTo(PetitionStatus.REJECTED);
        assertThat(p.decidedInTime()).isTrue();
    }

    @Test
    void theOutcomeIsRecordedOnlyAfterTheSessionWithTheCouncilsDecision() {
        Petition p = filed();
        p.accept(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 4), "Commission du budget");
        refused(() -> p.conclude(LocalDate.of(2027, 5, 3), "D-12/2027", "Adoptée."), "petitions.conflict.before-session");
        refused(() -> p.conclude(LocalDate.of(2027, 5, 4), "", "Adoptée."), "petitions.conflict.outcome-required");
        p.conclude(LocalDate.of(2027, 5, 4), "D-12/2027", "Le conseil adopte l'aménagement demandé.");
        assertThat(p.status()).isEqualTo(PetitionStatus.CONCLUDED);
        refused(() -> p.conclude(LocalDate.of(2027, 5, 5), "D-13/2027", "Encore."), "petitions.conflict.not-accepted");
    }

    @Test
    void staffDeclareAnOpenedPetitionInadmissibleOnlyBeforeAnyoneSigns_PET5() {
        Petition draft = Petition.draft(1, CollectivityType.COMMUNE, PetitionKind.ASSOCIATION, 7);
        refused(() -> draft.declareInadmissible(RejectionGround.OTHER, "Motif.", 0, OPENED), "petitions.conflict.not-before-signatures");
        Petition signed = open(CollectivityType.COMMUNE);
        refused(() -> signed.declareInadmissible(RejectionGround.BEFORE_THE_COURTS, "Affaire pendante.", 1, OPENED),
                "petitions.conflict.already-signed");
        Petition fresh = open(CollectivityType.COMMUNE);
        refused(() -> fresh.declareInadmissible(RejectionGround.OTHER, "", 0, OPENED), "petitions.conflict.reason-required");
        fresh.declareInadmissible(RejectionGround.BEFORE_THE_COURTS, "L'affaire est pendante devant le tribunal.", 0, OPENED);
        assertThat(fresh.status()).isEqualTo(PetitionStatus.INADMISSIBLE);
        assertThat(fresh.decidedInTime()).isNull();
        refused(() -> fresh.open(OPENED, 100), "petitions.conflict.not-draft");
        refused(() -> filed().declareInadmissible(RejectionGround.OTHER, "Motif.", 0, FILED), "petitions.conflict.not-before-signatures");
    }

    @Test
    void theNextOrdinarySessionIsFebruaryMayOrOctoberUntilTheFirstWeekOfThatMonthHasPassed_PET8() {
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 3, 1))).isEqualTo(java.time.YearMonth.of(2027, 5));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 4, 30))).isEqualTo(java.time.YearMonth.of(2027, 5));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 5, 6))).isEqualTo(java.time.YearMonth.of(2027, 5));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 5, 7))).isEqualTo(java.time.YearMonth.of(2027, 5));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 5, 8))).isEqualTo(java.time.YearMonth.of(2027, 10));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 5, 10))).isEqualTo(java.time.YearMonth.of(2027, 10));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 5, 31))).isEqualTo(java.time.YearMonth.of(2027, 10));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 10, 31))).isEqualTo(java.time.YearMonth.of(2028, 2));
        assertThat(Petition.nextSessionMonth(LocalDate.of(2027, 11, 1))).isEqualTo(java.time.YearMonth.of(2028, 2));
        Petition p = filed();
        refused(() -> p.accept(LocalDate.of(2027, 3, 1), LocalDate.of(2029, 10, 5), "Commission"), "petitions.conflict.not-ordinary-session");
        refused(() -> p.accept(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 10, 5), "Commission"), "petitions.conflict.not-ordinary-session");
        Petition region = open(CollectivityType.REGION);
        region.file(FILED, 100, rules);
        region.accept(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 7, 6), "Commission");
        assertThat(region.status()).as("PET-8 is the communes' calendar").isEqualTo(PetitionStatus.ACCEPTED);
    }
}
