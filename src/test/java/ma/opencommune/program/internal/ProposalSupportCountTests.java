package ma.opencommune.program.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.ConflictException;
import ma.opencommune.program.ProgramFixtures;
import ma.opencommune.program.ProposalDiscussion;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * One support per person even when the same click arrives many times at once, and counts that never drift:
 * supports and withdrawals only append to the change log; the recount job sets count(*) on the proposal.
 */
@IntegrationTest
class ProposalSupportCountTests {

    @Autowired
    ProposalDiscussion discussion;
    @Autowired
    ProposalCounts counts;
    @Autowired
    Territory territory;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    ProgramFixtures fixtures;
    Collectivity taroudant;

    @BeforeEach
    void setUp() {
        fixtures = new ProgramFixtures(jdbc);
        taroudant = territory.require("taroudant");
    }

    AccountUser user(String email) {
        return (AccountUser) users.loadUserByUsername(email);
    }

    long openProposal() {
        LocalDate today = ProgramFixtures.today();
        return fixtures.proposal(fixtures.process(today.minusDays(2), today.plusDays(20)), "resident@opencommune.demo", "Soutiens");
    }

    @Test
    void manySimultaneousSupportsOfOnePersonLeaveExactlyOneRow() throws Exception {
        long proposal = openProposal();
        AccountUser citizen = user("citizen@opencommune.demo");
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                start.await();
                if (discussion.support(taroudant, proposal, citizen)) {
                    accepted.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(accepted.get()).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from program_support where proposal_id = ?", proposal)).isEqualTo(1);
        // Supporting never touches the proposal row: the count follows after the job.
        assertThat(fixtures.count("select support_count from program_proposal where id = ?", proposal)).isZero();
        counts.recount();
        assertThat(fixtures.count("select support_count from program_proposal where id = ?", proposal)).isEqualTo(1);
    }

    @Test
    void concurrentSupportsAndWithdrawalsEndWithTheExactCountAfterTheJob() throws Exception {
        long proposal = openProposal();
        List<AccountUser> people = List.of(user("citizen@opencommune.demo"), user("resident@opencommune.demo"),
                user("body@taroudant.demo"), user("staff@taroudant.demo"), user("admin@opencommune.demo"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < people.size(); i++) {
                AccountUser person = people.get(i);
                boolean give = (round + i) % 3 != 0;
                done.add(pool.submit(() -> {
                    start.await();
                    if (give) {
                        discussion.support(taroudant, proposal, person);
                    } else {
                        discussion.withdraw(taroudant, proposal, person);
                    }
                    return null;
                }));
            }
        }
        // The job runs while people click.
        done.add(pool.submit(() -> {
            start.await();
            for (int i = 0; i < 5; i++) {
                counts.recount();
            }
            return null;
        }));
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        while (counts.recount() > 0) {
            // drain the log
        }
        int exact = fixtures.count("select count(*) from program_support where proposal_id = ?", proposal);
        assertThat(fixtures.count("select support_count from program_proposal where id = ?", proposal)).isEqualTo(exact);
        assertThat(fixtures.count("select count(*) from program_count_change where proposal_id = ?", proposal)).isZero();
    }

    @Test
    void supportingIsRefusedOutsideThePhaseAndWithdrawingTwiceChangesNothing() {
        LocalDate today = ProgramFixtures.today();
        long closed = fixtures.proposal(fixtures.process(today.minusDays(20), today.minusDays(1)), "resident@opencommune.demo", "Fermée");
        AccountUser citizen = user("citizen@opencommune.demo");
        assertThatThrownBy(() -> discussion.support(taroudant, closed, citizen)).isInstanceOf(ConflictException.class);
        long open = openProposal();
        assertThat(discussion.support(taroudant, open, citizen)).isTrue();
        assertThat(discussion.support(taroudant, open, citizen)).isFalse();
        assertThat(discussion.withdraw(taroudant, open, citizen)).isTrue();
        assertThat(discussion.withdraw(taroudant, open, citizen)).isFalse();
        assertThat(fixtures.count("select count(*) from program_support where proposal_id = ?", open)).isZero();
        // Another collectivity's URL does not reach the proposal.
        assertThatThrownBy(() -> discussion.support(territory.require("agadir"), open, citizen))
                .isInstanceOf(ma.opencommune.platform.NotFoundException.class);
    }
}
