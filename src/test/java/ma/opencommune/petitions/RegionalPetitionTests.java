package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.ResidentVerifications;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.platform.InvalidInput;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.TestAccounts;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A region's petition (PET-7): signed by the verified residents of the region's communes, each signature kept with its
 * commune, paper entries placed in one of them, and filed only with enough signatures from each province.
 */
@IntegrationTest
class RegionalPetitionTests {

    @Autowired
    Petitions petitions;
    @Autowired
    Signatures signatures;
    @Autowired
    ResidentVerifications residents;
    @Autowired
    Accounts accounts;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    Collectivity region;
    Collectivity taroudant;
    AccountUser citizen;
    AccountUser admin;

    @BeforeEach
    void setUp() {
        region = territory.require("souss-massa");
        taroudant = territory.require("taroudant");
        citizen = user("citizen@opencommune.demo");
        admin = user("admin@opencommune.demo");
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    long openPetition(String title) {
        long id = petitions.draft(region, citizen, PetitionFixtures.citizens(title));
        petitions.open(region, id, citizen);
        return id;
    }

    @Test
    void aVerifiedResidentOfOneOfTheRegionsCommunesSignsAndTheSignatureKeepsTheCommune() {
        long id = openPetition("Une ligne de bus entre Taroudant et Agadir " + UUID.randomUUID());
        assertThat(petitions.find(region, id).threshold()).isEqualTo(petitions.rules().threshold(region));
        assertThat(signatures.eligible(region, citizen)).isTrue();
        signatures.sign(region, id, citizen, true, false);
        assertThat(jdbc.sql("select commune_id from petition_signature where petition_id = ? and account_id = ?").params(id, citizen.id())
                .query(Long.class).single()).isEqualTo(taroudant.id());

        AccountUser marrakchi = verifiedIn(territory.require("marrakech"));
        assertThat(signatures.eligible(region, marrakchi)).isFalse();
        assertThatThrownBy(() -> signatures.sign(region, id, marrakchi, true, false)).isInstanceOf(NotEligibleException.class);
    }

    @Test
    void aPaperEntryForTheRegionNamesOneOfItsCommunes() {
        long id = openPetition("Des bourses pour les étudiants de la région " + UUID.randomUUID());
        assertThatThrownBy(() -> signatures.addPaper(region, id, admin, "Aicha Id Belkacem", cin(), SignatureBasis.RESIDENT, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsEntry("communeId", "validation.required"));
        long marrakech = territory.require("marrakech").id();
        assertThatThrownBy(() -> signatures.addPaper(region, id, admin, "Aicha Id Belkacem", cin(), SignatureBasis.RESIDENT, marrakech))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).containsEntry("communeId", "petitions.validation.commune-outside"));
        long tiznit = territory.require("tiznit").id();
        long entry = signatures.addPaper(region, id, admin, "Aicha Id Belkacem", cin(), SignatureBasis.RESIDENT, tiznit);
        assertThat(jdbc.sql("select commune_id from petition_signature where id = ?").param(entry).query(Long.class).single()).isEqualTo(tiznit);
    }

    @Test
    void aRegionsPetitionWithTheThresholdFromOneProvinceOnlyIsNotFiled_PET7() {
        long id = openPetition("Un centre hospitalier régional " + UUID.randomUUID());
        int threshold = petitions.find(region, id).threshold();
        for (int i = 0; i < threshold; i++) {
            jdbc.sql("insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, signed_at, commune_id)"
                    + " values (?, ?, ?, 'PAPER', 'RESIDENT', current_timestamp, ?)")
                    .params(id, region.id(), UUID.randomUUID().toString().replace("-", ""), taroudant.id()).update();
        }
        assertThatThrownBy(() -> petitions.file(region, id, citizen)).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.province-share");
        assertThat(petitions.find(region, id).status()).isIn(PetitionStatus.OPEN, PetitionStatus.THRESHOLD_REACHED);
    }

    private AccountUser verifiedIn(Collectivity commune) {
        AccountUser person = user(TestAccounts.confirmed(accounts, jdbc, "regional"));
        long declaration = residents.declare(person.id(), commune, ResidentVerifications.Basis.RESIDENCE, cin());
        residents.decide(admin.id(), commune, declaration, true, null);
        return person;
    }

    private static String cin() {
        return "PR" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }
}
