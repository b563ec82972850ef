package ma.opencommune.information;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ma.opencommune.calendar.WorkingDays;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.platform.Check;
import ma.opencommune.platform.Localized;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.storage.FileCleanup;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.territory.Collectivity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ATI-11: the register of what the collectivity publishes without being asked, each item with how often it should be
 * refreshed; an item whose next update date has passed is flagged publicly (the day it is due is still in time).
 */
@Service
@Transactional
public class ProactiveRegister {

    static final int TITLE_MAX = 300;

    /** The categories of the schema's list (art. 10 items, at least those ATI-11 names). */
    public enum Category { BUDGET, DELIBERATIONS, PROGRAMS_PROJECTS, PROCUREMENT, SERVICES, OFFICER_CONTACT, ORGANISATION, REPORTS, OTHER }

    /** How often an item is refreshed; ON_CHANGE items have no next date. */
    public enum Frequency {
        MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12), ON_CHANGE(0);

        private final int months;

        Frequency(int months) {
            this.months = months;
        }

        public LocalDate next(LocalDate lastUpdate) {
            return months == 0 ? null : lastUpdate.plusMonths(months);
        }
    }

    /** One item of the register. */
    public record Item(long id, Category category, Localized title, String url, String fileName, String contentType,
            LocalDate lastUpdatedOn, Frequency frequency, LocalDate nextUpdateDue, String storageKey) {

        public boolean hasDocument() {
            return storageKey != null;
        }

        /** Past its update date: due today is still in time, due yesterday is late. */
        public boolean overdue(LocalDate today) {
            return nextUpdateDue != null && nextUpdateDue.isBefore(today);
        }
    }

    /** What staff enter. {@code document} replaces the stored one when given; {@code documentProblem} is an upload check's key. */
    public record Draft(Category category, String titleAr, String titleFr, String titleZgh, String url, LocalDate lastUpdatedOn,
            Frequency frequency, Upload document, String documentProblem) {
    }

    /** A stored document to stream. */
    public record Document(String fileName, String contentType, InputStream content) {
    }

    private static final String COLUMNS = "id, category, title_ar, title_fr, title_zgh, url, storage_key, file_name, content_type,"
            + " last_updated_on, frequency, next_update_due";

    private final JdbcClient jdbc;
    private final InformationGuard guard;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProactiveRegister(JdbcClient jdbc, InformationGuard guard, FileStore files, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.files = files;
        this.events = events;
        this.clock = clock;
    }

    public LocalDate today() {
        return WorkingDays.dayOf(Instant.now(clock));
    }

    /** The whole register, by category then title: one query. */
    @Transactional(readOnly = true)
    public List<Item> items(long collectivityId) {
        return jdbc.sql("select " + COLUMNS + " from info_proactive_item where collectivity_id = ? order by category, title_fr, id")
                .param(collectivityId).query(ProactiveRegister::map).list();
    }

    @Transactional(readOnly = true)
    public Item item(long collectivityId, long id) {
        return jdbc.sql("select " + COLUMNS + " from info_proactive_item where collectivity_id = ? and id = ?")
                .params(collectivityId, id).query(ProactiveRegister::map).optional()
                .orElseThrow(() -> new NotFoundException("register item " + id));
    }

    /** The stored document of an item (public: the register is public). */
    @Transactional(readOnly = true)
    public Document document(long collectivityId, long id) throws IOException {
        Item item = item(collectivityId, id);
        if (!item.hasDocument()) {
            throw new NotFoundException("register document " + id);
        }
        InputStream in = files.open(item.storageKey()).orElseThrow(() -> new NotFoundException("register document " + id));
        return new Document(item.fileName(), item.contentType(), in);
    }

    /** Adds an item (officers of the collectivity only). */
    public long add(Collectivity c, AccountUser officer, Draft d) {
        guard.requireOfficer(officer, c);
        validate(d, false);
        String key = store(d.document());
        Instant now = Instant.now(clock);
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into info_proactive_item (collectivity_id, category, title_ar, title_fr, title_zgh, url, storage_key, file_name,
                    content_type, last_updated_on, frequency, next_update_due, created_at, updated_at)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(c.id(), d.category().name(), d.titleAr().strip(), d.titleFr().strip(), Check.clean(d.titleZgh()), Check.clean(d.url()),
                        key, key == null ? null : d.document().name(), key == null ? null : d.document().type().contentType,
                        d.lastUpdatedOn(), d.frequency().name(), d.frequency().next(d.lastUpdatedOn()), Sql.at(now), Sql.at(now))
                .update(holder, "id");
        long id = holder.getKey().longValue();
        changed(c, officer, id, "added", d.category());
        return id;
    }

    /** Changes an item; a new document replaces the old one, otherwise the old one stays. */
    public void update(Collectivity c, AccountUser officer, long id, Draft d) {
        guard.requireOfficer(officer, c);
        Item old = item(c.id(), id);
        validate(d, old.hasDocument());
        String key = store(d.document());
        jdbc.sql("""
                update info_proactive_item set category = ?, title_ar = ?, title_fr = ?, title_zgh = ?, url = ?, storage_key = ?, file_name = ?,
                    content_type = ?, last_updated_on = ?, frequency = ?, next_update_due = ?, updated_at = ?
                where collectivity_id = ? and id = ?""")
                .params(d.category().name(), d.titleAr().strip(), d.titleFr().strip(), Check.clean(d.titleZgh()), Check.clean(d.url()),
                        key != null ? key : old.storageKey(), key != null ? d.document().name() : old.fileName(),
                        key != null ? d.document().type().contentType : old.contentType(), d.lastUpdatedOn(), d.frequency().name(),
                        d.frequency().next(d.lastUpdatedOn()), Sql.now(clock), c.id(), id)
                .update();
        if (key != null) {
            FileCleanup.deleteAfterCommit(files, old.storageKey());
        }
        changed(c, officer, id, "changed", d.category());
    }

    public void delete(Collectivity c, AccountUser officer, long id) {
        guard.requireOfficer(officer, c);
        Item old = item(c.id(), id);
        jdbc.sql("delete from info_proactive_item where collectivity_id = ? and id = ?").params(c.id(), id).update();
        FileCleanup.deleteAfterCommit(files, old.storageKey());
        changed(c, officer, id, "removed", old.category());
    }

    /** Items and items past their update date on {@code day} (the network's index). */
    @Transactional(readOnly = true)
    long[] counts(long collectivityId, LocalDate day) {
        return jdbc.sql("select count(*), sum(case when next_update_due < ? then 1 else 0 end) from info_proactive_item where collectivity_id = ?")
                .params(day, collectivityId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private void validate(Draft d, boolean hasDocument) {
        Check check = new Check().required("category", d.category())
                .title("titleAr", d.titleAr(), "ar", TITLE_MAX)
                .title("titleFr", d.titleFr(), "fr", TITLE_MAX);
        if (!Check.blank(d.titleZgh())) {
            check.title("titleZgh", d.titleZgh(), "zgh", TITLE_MAX);
        }
        check.url("url", d.url())
                .when(d.documentProblem() != null, "document", d.documentProblem() == null ? "" : d.documentProblem())
                .when(d.documentProblem() == null && Check.blank(d.url()) && d.document() == null && !hasDocument, "url",
                        "information.register.validation.link-or-document")
                .required("lastUpdatedOn", d.lastUpdatedOn())
                .when(d.lastUpdatedOn() != null && d.lastUpdatedOn().isAfter(today()), "lastUpdatedOn", "information.register.validation.future")
                .required("frequency", d.frequency())
                .orThrow();
    }

    private String store(Upload document) {
        if (document == null) {
            return null;
        }
        try {
            String key = files.put(new ByteArrayInputStream(document.content()), document.name(), document.type().contentType);
            FileCleanup.discardOnRollback(files, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void changed(Collectivity c, AccountUser officer, long id, String what, Category category) {
        events.publishEvent(new InformationEvents.RegisterChanged(UUID.randomUUID(), Instant.now(clock), c.id(), officer.id(), id,
                "register item " + id + " " + what + " (" + category.name() + ")"));
    }

    private static Item map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Item(rs.getLong("id"), Category.valueOf(rs.getString("category")),
                new Localized(rs.getString("title_ar"), rs.getString("title_fr"), rs.getString("title_zgh")), rs.getString("url"),
                rs.getString("file_name"), rs.getString("content_type"), RequestStore.date(rs, "last_updated_on"),
                Frequency.valueOf(rs.getString("frequency")), RequestStore.date(rs, "next_update_due"), rs.getString("storage_key"));
    }
}
