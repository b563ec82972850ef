package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Month;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A petition from draft to the bureau's decision through the façade, on both engines, with its tenancy and checks. */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class PetitionLifecycleTests {

    @Autowired
    Petitions petitions;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    Collectivity taroudant;
    AccountUser citizen;
    AccountUser staff;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        citizen = user("citizen@opencommune.demo");
        staff = user("staff@taroudant.demo");
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    static Petitions.Draft citizens(String title) {
        return PetitionFixtures.citizens(title);
    }

    void sign(long petitionId, int n, String source) {
        PetitionFixtures.signatures(jdbc, taroudant, petitionId, n, source);
    }

    static LocalDate nextOrdinarySession(LocalDate after) {
        LocalDate first = Petition.nextSessionMonth(after).atDay(1);
        return first.isAfter(after) ? first : after.plusDays(1);
    }

    @Test
    void theAgentOpensItWithTheCollectivitysThresholdAndTheBureauRecordsItsFilingOnceEnoughPeopleHaveSigned() {
        long id = petitions.draft(taroudant, citizen, citizens("Éclairer le quartier Assarag"));
        assertThat(petitions.find(taroudant, id).status()).isEqualTo(PetitionStatus.DRAFT);
        assertThatThrownBy(() -> petitions.open(taroudant, id, staff)).isInstanceOf(AccessDeniedException.class);

        Petition opened = petitions.open(taroudant, id, citizen);
        assertThat(opened.status()).isEqualTo(PetitionStatus.OPEN);
        assertThat(opened.threshold()).isEqualTo(petitions.rules().threshold(taroudant)).isEqualTo(200);

        sign(id, 150, "ONLINE");
        sign(id, 49, "PAPER");
        assertThat(petitions.signatures(taroudant, id)).containsExactly(150, 49);
        assertThatThrownBy(() -> petitions.file(taroudant, id, staff)).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.below-threshold");
        assertThat(petitions.follow(taroudant, id)).isFalse();

        sign(id, 1, "PAPER");
        assertThat(petitions.follow(taroudant, id)).isTrue();
        assertThat(petitions.find(taroudant, id).status()).isEqualTo(PetitionStatus.THRESHOLD_REACHED);

        assertThatThrownBy(() -> petitions.file(taroudant, id, user("staff@agadir.demo"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.file(taroudant, id, user("resident@opencommune.demo"))).isInstanceOf(AccessDeniedException.class);
        assertThat(petitions.find(taroudant, id).thresholdReachedOn()).isEqualTo(petitions.today());
        Petition filed = petitions.file(taroudant, id, staff);
        assertThat(filed.status()).isEqualTo(PetitionStatus.FILED);
        assertThat(filed.filedOn()).isEqualTo(petitions.today());
        assertThat(filed.decisionDue()).isEqualTo(petitions.today().plusMonths(3));
        assertThatThrownBy(() -> petitions.file(taroudant, id, staff)).isInstanceOf(ConflictException.class);

        LocalDate session = nextOrdinarySession(petitions.today());
        assertThat(session.getMonth()).isIn(Month.FEBRUARY, Month.MAY, Month.OCTOBER);
        Petition accepted = petitions.accept(taroudant, id, staff, session, "Commission de l'urbanisme");
        assertThat(accepted.status()).isEqualTo(PetitionStatus.ACCEPTED);
        assertThat(accepted.sessionOn()).isEqualTo(session);
        assertThat(accepted.decidedInTime()).isTrue();
    }

    @Autowired
    ma.opencommune.identity.Accounts accounts;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Test
    void anAgentWhoDeletesTheirAccountLeavesTheirPetitionsStandingWithoutThem_PDP3() {
        String email = ma.opencommune.support.TestAccounts.confirmed(accounts, jdbc, "leaving-agent");
        AccountUser agent = user(email);
        long draft = petitions.draft(taroudant, agent, citizens("Un brouillon jamais ouvert"));
        long open = petitions.draft(taroudant, agent, citizens("Des bancs au jardin public"));
        petitions.open(taroudant, open, agent);
        sign(open, 3, "PAPER");

        accounts.delete(agent.id());

        assertThat(jdbc.sql("select count(*) from account where id = ?").param(agent.id()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select agent_id from petition where id = ?").param(open).query(Long.class).optional()).isEmpty();
        assertThat(petitions.find(taroudant, open).status()).isEqualTo(PetitionStatus.OPEN);
        assertThat(petitions.signatures(taroudant, open)).containsExactly(0, 3);
        assertThat(petitions.find(taroudant, draft).status()).isEqualTo(PetitionStatus.DRAFT);
    }

    @Test
    void filingBeforeTheThresholdJobRanStillTellsTheThresholdStep() {
        long id = petitions.draft(taroudant, citizen, citizens("Un passage piéton devant l'école"));
        petitions.open(taroudant, id, citizen);
        sign(id, 200, "PAPER");
        petitions.file(taroudant, id, citizen);
        assertThat(events.stream(PetitionEvents.PetitionStepped.class).filter(e -> e.petitionId() == id).map(PetitionEvents.PetitionStepped::step))
                .containsExactly(PetitionEvents.Step.DRAFTED, PetitionEvents.Step.OPENED, PetitionEvents.Step.THRESHOLD_REACHED,
                        PetitionEvents.Step.FILED);
    }

    @Test
    void staffNeverFileADraftAndAnAssociationFilesOnlyWithItsDocuments_PET4() {
        long draft = petitions.draft(taroudant, citizen, citizens("Un brouillon privé"));
        assertThatThrownBy(() -> petitions.file(taroudant, draft, staff)).isInstanceOf(NotFoundException.class);
        long association = petitions.draft(taroudant, citizen, new Petitions.Draft(PetitionKind.ASSOCIATION, "Une bibliothèque",
                "Objet", "Motifs", "Demande", "fr", "Association Tanmia", petitions.today().minusYears(5), "Taroudant", "Culture"));
        assertThatThrownBy(() -> petitions.file(taroudant, association, citizen)).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.documents-required");
        assertThat(petitions.find(taroudant, association).status()).isEqualTo(PetitionStatus.DRAFT);
    }

    @Test
    void theAgentFilesOnlineOnceTheThresholdIsReached_PET3() {
        long id = petitions.draft(taroudant, citizen, citizens("Un abri à l'arrêt de bus"));
        petitions.open(taroudant, id, citizen);
        sign(id, 200, "ONLINE");
        Petition filed = petitions.file(taroudant, id, citizen);
        assertThat(filed.status()).isEqualTo(PetitionStatus.FILED);
        assertThat(filed.filedOn()).isEqualTo(petitions.today());
    }

    @Test
    void theAgentEditsTheirDraftUntilItOpensAndNobodyElseDoes() {
        long id = petitions.draft(taroudant, citizen, citizens("Premier titre"));
        assertThatThrownBy(() -> petitions.edit(taroudant, id, staff, citizens("Titre d'un autre"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> petitions.edit(taroudant, id, citizen, citizens(""))).isInstanceOf(ma.opencommune.platform.InvalidInput.class);
        petitions.edit(taroudant, id, citizen, citizens("Second titre"));
        assertThat(jdbc.sql("select title from petition where id = ?").param(id).query(String.class).single()).isEqualTo("Second titre");
        petitions.open(taroudant, id, citizen);
        assertThatThrownBy(() -> petitions.edit(taroudant, id, citizen, citizens("Troisième titre"))).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.not-draft");
        assertThat(jdbc.sql("select title from petition where id = ?").param(id).query(String.class).single()).isEqualTo("Second titre");
    }

    @Test
    void anotherCollectivitysPetitionIsNotFoundThroughThisOne() {
        long id = petitions.draft(taroudant, citizen, citizens("Ombrager la place du marché"));
        Collectivity agadir = territory.require("agadir");
        assertThatThrownBy(() -> petitions.find(agadir, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> petitions.open(agadir, id, citizen)).isInstanceOf(NotFoundException.class);
        assertThat(petitions.find(taroudant, id).status()).isEqualTo(PetitionStatus.DRAFT);
    }

    @Test
    void aDraftWithMissingOrHugeTextsOrATooYoungAssociationIsRefusedWholeAndNothingIsSaved() {
        long before = jdbc.sql("select count(*) from petition").query(Long.class).single();
        var empty = new Petitions.Draft(PetitionKind.CITIZENS, " ", null, "x".repeat(1_000_000), "<script>", "fr", null, null, null, null);
        assertThatThrownBy(() -> petitions.draft(taroudant, citizen, empty)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).containsEntry("title", "validation.required").containsEntry("object", "validation.required")
                        .containsEntry("reasons", "validation.text.too-long").doesNotContainKey("requestedAction"));
        var young = new Petitions.Draft(PetitionKind.ASSOCIATION, "Une bibliothèque de quartier", "Objet", "Motifs", "Demande", "fr",
                "Association Tifawin", petitions.today().minusYears(3), "Taroudant", "Lecture publique");
        assertThatThrownBy(() -> petitions.draft(taroudant, citizen, young)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).containsOnlyKeys("associationConstitutedOn"));
        assertThat(jdbc.sql("select count(*) from petition").query(Long.class).single()).isEqualTo(before);

        var old = new Petitions.Draft(PetitionKind.ASSOCIATION, "Une bibliothèque de quartier", "Objet", "Motifs", "Demande", "xx",
                "Association Tifawin", petitions.today().minusYears(3).minusDays(1), "Taroudant", "Lecture publique");
        long id = petitions.draft(taroudant, citizen, old);
        assertThat(jdbc.sql("select lang from petition where id = ?").param(id).query(String.class).single()).isEqualTo("ar");
    }

    @Test
    void onePersonSignsAPetitionOnceWhateverTheAccountAndStaffDeclareItInadmissibleOnlyBeforeAnySignature_PET5() {
        long id = petitions.draft(taroudant, citizen, citizens("Un marché couvert"));
        petitions.open(taroudant, id, citizen);
        jdbc.sql("insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, signed_at)"
                + " values (?, ?, 'same-person-hash', 'ONLINE', 'RESIDENT', current_timestamp)").params(id, taroudant.id()).update();
        assertThatThrownBy(() -> jdbc.sql("insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, signed_at)"
                + " values (?, ?, 'same-person-hash', 'PAPER', 'ECONOMIC', current_timestamp)").params(id, taroudant.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> petitions.declareInadmissible(taroudant, id, staff, RejectionGround.BEFORE_THE_COURTS, "Affaire pendante."))
                .isInstanceOf(ConflictException.class).hasMessage("petitions.conflict.already-signed");

        long other = petitions.draft(taroudant, citizen, citizens("Changer le nom de la commune"));
        assertThatThrownBy(() -> petitions.declareInadmissible(taroudant, other, staff, RejectionGround.OTHER, "Motif."))
                .as("a draft is its agent's alone").isInstanceOf(ConflictException.class);
        petitions.open(taroudant, other, citizen);
        assertThatThrownBy(() -> petitions.declareInadmissible(taroudant, other, user("staff@agadir.demo"), RejectionGround.OTHER, "Motif."))
                .isInstanceOf(AccessDeniedException.class);
        Petition p = petitions.declareInadmissible(taroudant, other, staff, RejectionGround.NOT_COUNCIL_COMPETENCE,
                "Le nom d'une commune est fixé par décret, non par le conseil.");
        assertThat(p.status()).isEqualTo(PetitionStatus.INADMISSIBLE);
        assertThat(p.rejectionReasoning()).startsWith("Le nom d'une commune");
    }
}
