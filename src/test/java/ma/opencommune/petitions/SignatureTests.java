package ma.opencommune.petitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

/** PET-1 signing: who may sign, once per person, withdrawals until filing, and a count that never drifts under concurrency. */
@IntegrationTest
class SignatureTests {

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

    Collectivity taroudant;
    AccountUser staff;

    @BeforeEach
    void setUp() {
        taroudant = territory.require("taroudant");
        staff = user("staff@taroudant.demo");
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    static String newCin() {
        return "PS" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    /** A confirmed account whose residence (or activity) in {@code commune} staff approved, with this CIN. */
    AccountUser verified(Collectivity commune, String cin, ResidentVerifications.Basis basis) {
        String email = TestAccounts.confirmed(accounts, jdbc, "signer");
        AccountUser person = user(email);
        long declaration = residents.declare(person.id(), commune, basis, cin);
        residents.decide(staff.id(), commune, declaration, true, null);
        return person;
    }

    long openPetition(String title) {
        return PetitionFixtures.petition(petitions, taroudant, user("citizen@opencommune.demo"), title, true);
    }

    long rows(long petitionId) {
        return jdbc.sql("select count(*) from petition_signature where petition_id = ?").param(petitionId).query(Long.class).single();
    }

    @Test
    void onlyAVerifiedPersonOfTheCommuneWhoMakesTheDeclarationSignsAndOnlyOnceWhateverTheAccount_PET1() {
        long id = openPetition("Un arrêt de bus devant le lycée");
        AccountUser unverified = user(TestAccounts.confirmed(accounts, jdbc, "unverified"));
        assertThatThrownBy(() -> signatures.sign(taroudant, id, unverified, true, false))
                .isInstanceOfSatisfying(NotEligibleException.class, e -> assertThat(e.messageKey()).isEqualTo("petitions.not-eligible.not-verified"));
        AccountUser ofAgadir = verified(territory.require("agadir"), newCin(), ResidentVerifications.Basis.RESIDENCE);
        assertThatThrownBy(() -> signatures.sign(taroudant, id, ofAgadir, true, false)).isInstanceOf(NotEligibleException.class);
        assertThatThrownBy(() -> signatures.sign(taroudant, id, null, true, false)).isInstanceOf(NotEligibleException.class);

        String cin = newCin();
        AccountUser trader = verified(taroudant, cin, ResidentVerifications.Basis.ECONOMIC_ACTIVITY);
        assertThatThrownBy(() -> signatures.sign(taroudant, id, trader, false, false))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsOnlyKeys("confirmEligibility"));
        assertThat(rows(id)).isZero();

        signatures.sign(taroudant, id, trader, true, true);
        assertThat(signatures.hasSigned(id, trader)).isTrue();
        assertThatThrownBy(() -> signatures.sign(taroudant, id, trader, true, false)).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.already-signed-by-you");
        assertThat(jdbc.sql("select basis from petition_signature where petition_id = ?").param(id).query(String.class).single())
                .isEqualTo("ECONOMIC");

        // The same person's second account cannot be verified with the same number, so it cannot sign again.
        String second = TestAccounts.confirmed(accounts, jdbc, "second-account");
        long declaration = residents.declare(user(second).id(), taroudant, ResidentVerifications.Basis.RESIDENCE, cin);
        assertThatThrownBy(() -> residents.decide(staff.id(), taroudant, declaration, true, null)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> signatures.sign(taroudant, id, user(second), true, false)).isInstanceOf(NotEligibleException.class);
        assertThat(rows(id)).isEqualTo(1);

        signatures.withdraw(taroudant, id, trader);
        assertThat(rows(id)).isZero();
        assertThatThrownBy(() -> signatures.withdraw(taroudant, id, trader)).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.not-signed");
    }

    @Test
    void aDraftOrAFiledPetitionTakesNoSignatureAndNoWithdrawal() {
        AccountUser agent = user("citizen@opencommune.demo");
        long draft = PetitionFixtures.petition(petitions, taroudant, agent, "Brouillon", false);
        AccountUser person = verified(taroudant, newCin(), ResidentVerifications.Basis.RESIDENCE);
        assertThatThrownBy(() -> signatures.sign(taroudant, draft, person, true, false)).as("a draft is not public")
                .isInstanceOf(ma.opencommune.platform.NotFoundException.class);

        long filed = openPetition("Une pétition déposée");
        signatures.sign(taroudant, filed, person, true, false);
        paper(filed, petitions.find(taroudant, filed).threshold() - 1);
        petitions.file(taroudant, filed, staff);
        assertThatThrownBy(() -> signatures.withdraw(taroudant, filed, person)).isInstanceOf(ConflictException.class)
                .hasMessage("petitions.conflict.not-collecting");
        assertThat(rows(filed)).isEqualTo(petitions.find(taroudant, filed).threshold());
    }

    void paper(long petitionId, int n) {
        PetitionFixtures.signatures(jdbc, taroudant, petitionId, n, "PAPER");
    }

    @Test
    void concurrentSignaturesDoubleClicksAndWithdrawalsLeaveTheCountEqualToTheValidSignatures() throws Exception {
        long id = openPetition("Des bancs au jardin public");
        int threshold = petitions.find(taroudant, id).threshold();
        paper(id, threshold - 6);
        List<AccountUser> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(verified(taroudant, newCin(), ResidentVerifications.Basis.RESIDENCE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> tries = new ArrayList<>();
            for (AccountUser person : people) {
                for (int click = 0; click < 2; click++) {
                    Callable<Boolean> signing = () -> {
                        start.await();
                        try {
                            signatures.sign(taroudant, id, person, true, false);
                            return true;
                        } catch (ConflictException already) {
                            return false;
                        }
                    };
                    tries.add(pool.submit(signing));
                }
            }
            start.countDown();
            long accepted = 0;
            for (Future<Boolean> f : tries) {
                accepted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(accepted).as("each person's double click signs once").isEqualTo(12);
            assertThat(rows(id)).isEqualTo(threshold - 6 + 12);

            List<Future<?>> withdrawals = new ArrayList<>();
            for (AccountUser person : people.subList(0, 8)) {
                withdrawals.add(pool.submit(() -> signatures.withdraw(taroudant, id, person)));
            }
            for (Future<?> f : withdrawals) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long[] counts = petitions.signatures(taroudant, id);
        assertThat(counts[0]).isEqualTo(4);
        assertThat(counts[0] + counts[1]).isEqualTo(rows(id)).isEqualTo(threshold - 2);
        petitions.follow(taroudant, id);
        assertThat(petitions.find(taroudant, id).status()).as("under the threshold after the withdrawals").isEqualTo(PetitionStatus.OPEN);
        signatures.sign(taroudant, id, people.get(0), true, false);
        signatures.sign(taroudant, id, people.get(1), true, false);
        assertThat(petitions.follow(taroudant, id)).isTrue();
        assertThat(petitions.find(taroudant, id).status()).isEqualTo(PetitionStatus.THRESHOLD_REACHED);
    }

    @Test
    void staffEnterPaperSignaturesCheckedAgainstOnlineOnesAndTheCountShowsBothParts() {
        long id = openPetition("Un point d'eau au souk");
        String cin = newCin();
        AccountUser online = verified(taroudant, cin, ResidentVerifications.Basis.RESIDENCE);
        signatures.sign(taroudant, id, online, true, false);

        String paperCin = newCin();
        long entry = signatures.addPaper(taroudant, id, staff, "Fatima Ait Lhaj", paperCin.toLowerCase(), SignatureBasis.RESIDENT);
        assertThatThrownBy(() -> signatures.addPaper(taroudant, id, staff, "Brahim Oubella", " " + cin.toLowerCase() + " ", SignatureBasis.ECONOMIC))
                .isInstanceOf(ConflictException.class).hasMessage("petitions.conflict.paper-duplicate");
        assertThatThrownBy(() -> signatures.addPaper(taroudant, id, staff, "<b>x</b>", "12AB", null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsEntry("fullName", "validation.characters").containsEntry("cin", "validation.cin.format").containsKey("basis"));
        assertThatThrownBy(() -> signatures.addPaper(taroudant, id, user("staff@agadir.demo"), "Said Amzil", newCin(), SignatureBasis.RESIDENT))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> signatures.addPaper(taroudant, id, online, "Said Amzil", newCin(), SignatureBasis.RESIDENT))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(petitions.signatures(taroudant, id)).containsExactly(1, 1);

        String stored = jdbc.sql("select full_name_cipher || '|' || cin_cipher from petition_signature where id = ?").param(entry)
                .query(String.class).single();
        assertThat(stored).doesNotContain("Fatima").doesNotContain(paperCin);

        assertThatThrownBy(() -> signatures.removePaper(territory.require("agadir"), id, user("staff@agadir.demo"), entry))
                .isInstanceOf(ma.opencommune.platform.NotFoundException.class);
        assertThatThrownBy(() -> signatures.removePaper(taroudant, id, user("staff@agadir.demo"), entry))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(petitions.signatures(taroudant, id)).containsExactly(1, 1);
        signatures.removePaper(taroudant, id, staff, entry);
        assertThat(petitions.signatures(taroudant, id)).containsExactly(1, 0);
    }

    @Autowired
    ma.opencommune.identity.PersonalNumbers numbers;

    @Test
    void theSignatureCarriesTheNameAndNumberStaffApprovedNotADisplayNameChangedSince() {
        String cin = newCin();
        AccountUser person = verified(taroudant, cin, ResidentVerifications.Basis.RESIDENCE);
        accounts.updateProfile(person.id(), "Un pseudonyme", ma.opencommune.platform.Lang.FR);
        long id = openPetition("Des fontaines au jardin Jnane Lbour");
        signatures.sign(taroudant, id, user(person.email()), true, false);
        var row = jdbc.sql("select full_name_cipher, cin_cipher from petition_signature where petition_id = ? and account_id = ?")
                .params(id, person.id()).query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        assertThat(numbers.open(row[0])).isEqualTo("Compte de test");
        assertThat(numbers.open(row[1])).isEqualTo(cin);
    }
}
