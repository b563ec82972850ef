package ma.opencommune.territory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.StaffGuard;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a collectivity's staff administrator changes about it: public contacts, the information officer
 * (ATI-10, published under ATI-11), the accent colour, and the consultative bodies with their members (BODY-1..3).
 * Every method checks the caller is staff admin of that collectivity and returns field errors instead of
 * saving anything when a value is invalid.
 */
@Service
@Transactional
public class TerritoryAdmin {

    /** Accent colours with AA contrast on white (see app.css). */
    public static final List<String> ACCENTS = List.of("green", "blue", "terracotta", "purple", "teal", "ochre");

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9 ().-]{6,25}$");
    private static final Pattern WEBSITE = Pattern.compile("^https?://[^\\s<>\"]{3,290}$");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Pattern TIFINAGH = Pattern.compile("[\\u2D30-\\u2D7F]");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");

    /** Editable public profile; null or blank fields are cleared. */
    public record Profile(String contactEmail, String contactPhone, String addressAr, String addressFr, String website,
            String officerName, String officerEmail, String officerPhone, String accent) {
    }

    /** A new consultative body. */
    public record NewBody(ConsultativeBody.Type type, String nameAr, String nameFr, String nameZgh) {
    }

    /** A new member of a body. */
    public record NewMember(String fullName, String organisation, String role) {
    }

    /** Invalid fields (field name to message key); nothing was saved. */
    public static class Invalid extends RuntimeException {
        private final Map<String, String> errors;

        public Invalid(Map<String, String> errors) {
            super("invalid: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    private final JdbcClient jdbc;
    private final Territory territory;
    private final StaffGuard guard;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TerritoryAdmin(JdbcClient jdbc, Territory territory, StaffGuard guard, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** Refuses anyone but the collectivity's staff administrators (and platform administrators). */
    public void requireAdmin(Collectivity c) {
        guard.requireStaff(c.id(), "STAFF_ADMIN");
    }

    public void updateProfile(Collectivity c, Profile p) {
        guard.requireStaff(c.id(), "STAFF_ADMIN");
        Map<String, String> errors = new LinkedHashMap<>();
        check(errors, "contactEmail", p.contactEmail(), 254, EMAIL, "validation.email.format");
        check(errors, "officerEmail", p.officerEmail(), 254, EMAIL, "validation.email.format");
        check(errors, "contactPhone", p.contactPhone(), 25, PHONE, "validation.phone");
        check(errors, "officerPhone", p.officerPhone(), 25, PHONE, "validation.phone");
        check(errors, "website", p.website(), 300, WEBSITE, "validation.website");
        text(errors, "addressAr", p.addressAr(), 300);
        text(errors, "addressFr", p.addressFr(), 300);
        text(errors, "officerName", p.officerName(), 200);
        if (!blank(p.addressAr()) && !ARABIC.matcher(p.addressAr()).find()) {
            errors.put("addressAr", "validation.script.arabic");
        }
        if (!blank(p.addressFr()) && !LATIN.matcher(p.addressFr()).find()) {
            errors.put("addressFr", "validation.script.latin");
        }
        if (p.accent() == null || !ACCENTS.contains(p.accent())) {
            errors.put("accent", "validation.choose");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        jdbc.sql("""
                update collectivity set contact_email = ?, contact_phone = ?, address_ar = ?, address_fr = ?, website = ?,
                  info_officer_name = ?, info_officer_email = ?, info_officer_phone = ?, accent = ? where id = ?""")
                .params(clean(p.contactEmail()), clean(p.contactPhone()), clean(p.addressAr()), clean(p.addressFr()),
                        clean(p.website()), clean(p.officerName()), clean(p.officerEmail()), clean(p.officerPhone()),
                        p.accent(), c.id())
                .update();
        events.publishEvent(new TerritoryEvents.ProfileUpdated(UUID.randomUUID(), Instant.now(clock), c.id(),
                guard.currentAccountId(), "public contacts and information officer updated"));
    }

    /**
     * Adds the collectivity to the network of open collectivities, in a cohort, from the given day. Who joins is decided
     * by the network's transparent cohort selection, whose confirmation (by the network's coordinator) calls this.
     * Returns false, changing nothing, when the collectivity is already a member.
     */
    public boolean joinNetwork(long collectivityId, java.time.LocalDate joinedOn, String cohort) {
        int already = jdbc.sql("select count(*) from network_membership where collectivity_id = ?").param(collectivityId).query(Integer.class).single();
        if (already > 0) {
            return false;
        }
        jdbc.sql("insert into network_membership (collectivity_id, joined_on, cohort) values (?, ?, ?)").params(collectivityId, joinedOn, cohort).update();
        events.publishEvent(new TerritoryEvents.JoinedNetwork(UUID.randomUUID(), Instant.now(clock), collectivityId, guard.currentAccountId(), cohort,
                "joined the network in cohort " + cohort + " on " + joinedOn));
        return true;
    }

    public long createBody(Collectivity c, NewBody body) {
        guard.requireStaff(c.id(), "STAFF_ADMIN");
        Map<String, String> errors = new LinkedHashMap<>();
        if (body.type() == null) {
            errors.put("type", "validation.choose");
        }
        name(errors, "nameAr", body.nameAr(), ARABIC, "validation.script.arabic");
        name(errors, "nameFr", body.nameFr(), LATIN, "validation.script.latin");
        name(errors, "nameZgh", body.nameZgh(), TIFINAGH, "validation.script.tifinagh");
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into consultative_body (collectivity_id, type, name_ar, name_fr, name_zgh, established_on) values (?, ?, ?, ?, ?, ?)")
                .params(c.id(), body.type().name(), body.nameAr().strip(), body.nameFr().strip(), body.nameZgh().strip(),
                        java.time.LocalDate.now(clock))
                .update(key, "id");
        long id = key.getKey().longValue();
        events.publishEvent(new TerritoryEvents.BodyCreated(UUID.randomUUID(), Instant.now(clock), c.id(),
                guard.currentAccountId(), id, "body " + id + " (" + body.type() + ") created"));
        return id;
    }

    public void addMember(Collectivity c, long bodyId, NewMember member) {
        guard.requireStaff(c.id(), "STAFF_ADMIN");
        territory.body(c.id(), bodyId).orElseThrow(() -> new NotFoundException("body " + bodyId));
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(member.fullName()) || member.fullName().strip().length() < 2 || member.fullName().length() > 200
                || member.fullName().matches(".*[<>\\p{Cntrl}].*")) {
            errors.put("fullName", "validation.name.length");
        }
        text(errors, "organisation", member.organisation(), 300);
        if (!List.of("PRESIDENT", "RAPPORTEUR", "MEMBER").contains(String.valueOf(member.role()))) {
            errors.put("role", "validation.choose");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        jdbc.sql("insert into body_member (body_id, collectivity_id, full_name, organisation, member_role) values (?, ?, ?, ?, ?)")
                .params(bodyId, c.id(), member.fullName().strip(), clean(member.organisation()), member.role()).update();
        events.publishEvent(new TerritoryEvents.BodyMembershipChanged(UUID.randomUUID(), Instant.now(clock), c.id(),
                guard.currentAccountId(), bodyId, true, "member added to body " + bodyId));
    }

    public void removeMember(Collectivity c, long bodyId, long memberId) {
        guard.requireStaff(c.id(), "STAFF_ADMIN");
        int removed = jdbc.sql("delete from body_member where id = ? and body_id = ? and collectivity_id = ?")
                .params(memberId, bodyId, c.id()).update();
        if (removed == 0) {
            throw new NotFoundException("member " + memberId);
        }
        events.publishEvent(new TerritoryEvents.BodyMembershipChanged(UUID.randomUUID(), Instant.now(clock), c.id(),
                guard.currentAccountId(), bodyId, false, "member removed from body " + bodyId));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String clean(String s) {
        return blank(s) ? null : s.strip();
    }

    private static void check(Map<String, String> errors, String field, String value, int max, Pattern format, String key) {
        if (!blank(value) && (value.strip().length() > max || !format.matcher(value.strip()).matches())) {
            errors.put(field, key);
        }
    }

    private static void text(Map<String, String> errors, String field, String value, int max) {
        if (!blank(value) && (value.length() > max || value.matches("(?s).*[<>].*"))) {
            errors.put(field, value.length() > max ? "validation.text.too-long" : "validation.characters");
        }
    }

    private static void name(Map<String, String> errors, String field, String value, Pattern script, String scriptKey) {
        if (blank(value)) {
            errors.put(field, "validation.required");
        } else if (value.length() > 300) {
            errors.put(field, "validation.text.too-long");
        } else if (value.matches("(?s).*[<>].*")) {
            errors.put(field, "validation.characters");
        } else if (!script.matcher(value).find()) {
            errors.put(field, scriptKey);
        }
    }
}
