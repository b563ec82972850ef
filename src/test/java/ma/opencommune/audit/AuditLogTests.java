package ma.opencommune.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.IdentityEvents;
import ma.opencommune.identity.Role;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/** The action log records every auditable event once, per collectivity, newest first, and cannot be rewritten. */
@IntegrationTest
class AuditLogTests {

    @Autowired
    AuditLog log;
    @Autowired
    AuditRecorder recorder;
    @Autowired
    RoleGrants grants;
    @Autowired
    Accounts accounts;
    @Autowired
    Territory territory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    CompletedEventPublications completed;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ApplicationEventPublisher events;

    SampleActions samples;
    Collectivity taroudant;
    long staff;
    long citizen;

    @BeforeEach
    void setUp() {
        samples = new SampleActions(tx, events, jdbc);
        taroudant = territory.require("taroudant");
        staff = accounts.findByEmail("staff@taroudant.demo").orElseThrow().id();
        citizen = accounts.findByEmail("citizen@opencommune.demo").orElseThrow().id();
    }

    @Test
    void grantingARoleEndsUpInThatCollectivitysLogOnly() {
        grants.grant(staff, taroudant, "citizen@opencommune.demo", Role.PROGRAM_MANAGER, null);
        try {
            String summary = "PROGRAM_MANAGER granted to account " + citizen;
            await().atMost(SampleActions.PATIENCE).untilAsserted(() -> assertThat(log.page(taroudant.id(), null, 50).entries())
                    .anySatisfy(e -> {
                        assertThat(e.action()).isEqualTo("identity.role-granted");
                        assertThat(e.actorId()).isEqualTo(staff);
                        assertThat(e.collectivityId()).isEqualTo(taroudant.id());
                        assertThat(e.summary()).isEqualTo(summary);
                        assertThat(e.occurredAt()).isNotNull().isBeforeOrEqualTo(e.recordedAt());
                    }));
            long agadir = territory.require("agadir").id();
            assertThat(log.page(agadir, null, AuditLog.MAX_PAGE_SIZE).entries()).noneMatch(e -> e.summary().equals(summary));
        } finally {
            // Leave the demo accounts as they were for the other tests of the shared context.
            grants.grants(taroudant.id()).stream()
                    .filter(g -> g.accountId() == citizen && g.role() == Role.PROGRAM_MANAGER)
                    .forEach(g -> grants.revoke(staff, taroudant, g.id()));
            // The revocation is logged too; waiting for it keeps later tests free of entries landing mid-test.
            await().atMost(SampleActions.PATIENCE).until(() -> log.page(taroudant.id(), null, 50).entries().stream()
                    .anyMatch(e -> e.summary().equals("PROGRAM_MANAGER revoked from account " + citizen)));
        }
    }

    @Test
    void deliveringTheSameEventTwiceRecordsItOnce() {
        var event = new IdentityEvents.RoleGranted(UUID.randomUUID(), Instant.now(), taroudant.id(), staff, citizen,
                Role.COUNCIL_SECRETARY, null);
        // A first delivery wrote the entry but its completion was lost (the node stopped, say), so the registry
        // delivers the event again: that second delivery must complete normally and add nothing.
        assertThat(recorder.record(event)).isTrue();

        samples.publish(List.of(event));

        await().atMost(SampleActions.PATIENCE).until(() -> completed.findAll().stream().anyMatch(p -> event.equals(p.getEvent())));
        assertThat(samples.entriesOf(event)).isEqualTo(1);
        assertThat(recorder.record(event)).isFalse();
    }

    @Test
    void everyAuditableEventIsRecordedWithItsOwnFields() {
        long region = territory.require("souss-massa").id();
        SampleAction action = samples.record(List.of(SampleAction.of(region, null, "test.sample", "a sample action"))).get(0);

        AuditLog.Entry entry = log.page(region, null, 1).entries().get(0);

        assertThat(entry.action()).isEqualTo("test.sample");
        assertThat(entry.actorId()).isNull();
        assertThat(entry.summary()).isEqualTo("a sample action");
        assertThat(entry.occurredAt()).isCloseTo(action.occurredAt(), within(1, ChronoUnit.MILLIS));
    }

    @Test
    void pagesRunFromNewestToOldestWithoutGapsOrRepeats() {
        // The region's log is used by no other test, so this one knows everything it holds.
        long region = territory.require("souss-massa").id();
        samples.record(IntStream.range(0, 7).mapToObj(i -> SampleAction.of(region, staff, "test.page", "entry " + i)).toList());
        List<Long> all = log.page(region, null, AuditLog.MAX_PAGE_SIZE).entries().stream().map(AuditLog.Entry::id).toList();

        List<Long> walked = new ArrayList<>();
        Long before = null;
        int pages = 0;
        do {
            AuditLog.Page page = log.page(region, before, 3);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(3);
            page.entries().forEach(e -> walked.add(e.id()));
            before = page.olderBefore();
            pages++;
        } while (before != null && pages < 100);

        assertThat(all).hasSizeGreaterThanOrEqualTo(7).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(walked).isEqualTo(all);
    }

    @Test
    void postgresqlRefusesToChangeOrDeleteEntries() throws Exception {
        // The guard is a PostgreSQL trigger (db/vendor/postgresql/V5_1); H2, the embedded development engine,
        // has no such trigger, so on H2 this test is skipped.
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()), "append-only trigger exists on PostgreSQL only");
        }
        SampleAction action = samples.record(List.of(SampleAction.of(taroudant.id(), staff, "test.append-only", "original"))).get(0);
        String id = action.eventId().toString();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set summary = 'forged' where event_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where event_id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate table audit_entry").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");

        assertThat(jdbc.sql("select summary from audit_entry where event_id = ?").param(id).query(String.class).single())
                .isEqualTo("original");
    }
}
