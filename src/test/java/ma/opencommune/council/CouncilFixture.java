package ma.opencommune.council;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.CouncilCodes.MemberRole;
import ma.opencommune.council.CouncilCodes.Outcome;
import ma.opencommune.council.CouncilCodes.Presence;
import ma.opencommune.council.CouncilCodes.SessionKind;
import ma.opencommune.council.CouncilCodes.Topic;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.petitions.PetitionAdminFixture;
import ma.opencommune.territory.Collectivity;

/**
 * Test data of the council, made through its façades in a fresh commune with its own council secretary: members, a held
 * session with attendance, decisions.
 */
record CouncilFixture(PetitionAdminFixture base, CouncilMembers members, CouncilSessions sessions, CouncilDecisions decisions) {

    Collectivity collectivity() {
        return base.collectivity();
    }

    /** A new council secretary of {@code c}: email and user. */
    AccountUser secretary(Collectivity c) {
        return base.user(base.secretary(c));
    }

    List<Long> members(Collectivity c, AccountUser staff, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> members.addMember(c, staff, new CouncilMembers.MemberDraft("عضو " + i,
                "Membre " + i, i == 0 ? MemberRole.PRESIDENT : MemberRole.MEMBER, null, LocalDate.of(2021, 9, 21), null, true, List.of()))).toList();
    }

    /** A session of last May (ordinary, PET-8) with one agenda item, published and held, everyone in {@code present} present. */
    long heldSession(Collectivity c, AccountUser staff, List<Long> present) {
        LocalDate day = LocalDate.of(sessions.today().getYear() - 1, Month.MAY, 4);
        long id = sessions.create(c, staff, new CouncilSessions.SessionDraft(SessionKind.ORDINARY, day, LocalTime.of(10, 0), "Salle du conseil"),
                null).id();
        sessions.addItem(c, staff, id, "نقطة", "Point unique", null);
        sessions.publishAgenda(c, staff, id);
        sessions.markHeld(c, staff, id);
        Map<Long, Presence> attendance = new LinkedHashMap<>();
        present.forEach(m -> attendance.put(m, Presence.PRESENT));
        sessions.recordAttendance(c, staff, id, attendance);
        return id;
    }

    long item(Collectivity c, AccountUser staff, long sessionId) {
        return sessions.staffSession(c, staff, sessionId).agenda().get(0).id();
    }

    /** A published decision with counts. */
    long decision(Collectivity c, AccountUser staff, long sessionId, String number, Topic topic, int votesFor) {
        long id = decisions.draft(c, staff, sessionId, draft(c, staff, sessionId, number, topic, "Texte de la délibération " + number),
                new CouncilDecisions.VoteInput(votesFor, 0, 0, Map.of()));
        decisions.publish(c, staff, id);
        return id;
    }

    CouncilDecisions.DecisionDraft draft(Collectivity c, AccountUser staff, long sessionId, String number, Topic topic, String text) {
        return new CouncilDecisions.DecisionDraft(item(c, staff, sessionId), number, "مقرر " + number, "Délibération " + number, null, text, topic,
                Outcome.ADOPTED);
    }
}
