package ma.opencommune.council.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.council.CouncilCodes;
import ma.opencommune.platform.Check;
import org.springframework.web.multipart.MultipartFile;

/** The council staff's forms, as typed: text fields parsed with {@link Check} so every mistake shows at once, in the form's order. */
final class CouncilAdminForms {

    private CouncilAdminForms() {
    }

    static <E extends Enum<E>> E code(Check check, String field, Class<E> type, String value) {
        if (Check.blank(value)) {
            check.reject(field, "validation.required");
            return null;
        }
        E e = CouncilCodes.parse(type, value);
        check.when(e == null, field, "validation.choose");
        return e;
    }

    static LocalTime time(Check check, String field, String value) {
        if (Check.blank(value)) {
            check.reject(field, "validation.required");
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            check.reject(field, "council.validation.time");
            return null;
        }
    }

    /** A count typed in a form: empty is null, anything but a whole number from 0 up is refused. */
    static Integer count(Check check, String field, String value) {
        if (Check.blank(value)) {
            return null;
        }
        Long n = Check.number(value);
        if (n == null || n < 0 || n > 10_000) {
            check.reject(field, "council.validation.votes-negative");
            return null;
        }
        return n.intValue();
    }

    /** Codes per member id ({@code presence[12]=PRESENT}); blank choices are left out, forged ids and codes refused. */
    static <E extends Enum<E>> Map<Long, E> perMember(Check check, String field, Class<E> type, Map<String, String> typed) {
        Map<Long, E> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : typed.entrySet()) {
            if (Check.blank(e.getValue())) {
                continue;
            }
            Long id = Check.number(e.getKey());
            E value = CouncilCodes.parse(type, e.getValue());
            if (id == null || value == null) {
                check.reject(field, "validation.choose");
            } else {
                out.put(id, value);
            }
        }
        return out;
    }

    /** Planning a session; the submission key makes a double submit create one session. */
    public static class SessionForm {
        private String kind;
        private String heldOn;
        private String startsAt = "10:00";
        private String place;
        private String submissionKey = java.util.UUID.randomUUID().toString();

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getHeldOn() { return heldOn; }
        public void setHeldOn(String v) { heldOn = v; }
        public String getStartsAt() { return startsAt; }
        public void setStartsAt(String v) { startsAt = v; }
        public String getPlace() { return place; }
        public void setPlace(String v) { place = v; }
        public String getSubmissionKey() { return submissionKey; }
        public void setSubmissionKey(String v) { submissionKey = v; }
    }

    /** An agenda item. */
    public static class ItemForm {
        private String titleAr;
        private String titleFr;
        private String explanation;

        public String getTitleAr() { return titleAr; }
        public void setTitleAr(String v) { titleAr = v; }
        public String getTitleFr() { return titleFr; }
        public void setTitleFr(String v) { titleFr = v; }
        public String getExplanation() { return explanation; }
        public void setExplanation(String v) { explanation = v; }
    }

    /** Each member's presence. */
    public static class AttendanceForm {
        private Map<String, String> presence = new LinkedHashMap<>();

        public Map<String, String> getPresence() { return presence; }
        public void setPresence(Map<String, String> v) { presence = v; }
    }

    /** The minutes: their text and optionally the signed PDF. */
    public static class MinutesForm {
        private String minutesText;
        private MultipartFile minutesFile;

        public String getMinutesText() { return minutesText; }
        public void setMinutesText(String v) { minutesText = v; }
        public MultipartFile getMinutesFile() { return minutesFile; }
        public void setMinutesFile(MultipartFile v) { minutesFile = v; }
    }

    /** A button that posts nothing but itself. */
    public static class EmptyForm {
    }

    /** A member of the council. */
    public static class MemberForm {
        private String nameAr;
        private String nameFr;
        private String role;
        private String viceRank;
        private String termStart;
        private String termEnd;
        private boolean active = true;
        private List<Long> committeeIds = new ArrayList<>();

        public String getNameAr() { return nameAr; }
        public void setNameAr(String v) { nameAr = v; }
        public String getNameFr() { return nameFr; }
        public void setNameFr(String v) { nameFr = v; }
        public String getRole() { return role; }
        public void setRole(String v) { role = v; }
        public String getViceRank() { return viceRank; }
        public void setViceRank(String v) { viceRank = v; }
        public String getTermStart() { return termStart; }
        public void setTermStart(String v) { termStart = v; }
        public String getTermEnd() { return termEnd; }
        public void setTermEnd(String v) { termEnd = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
        public List<Long> getCommitteeIds() { return committeeIds; }
        public void setCommitteeIds(List<Long> v) { committeeIds = v == null ? new ArrayList<>() : v; }
    }

    /** A committee. */
    public static class CommitteeForm {
        private String committeeNameAr;
        private String committeeNameFr;

        public String getCommitteeNameAr() { return committeeNameAr; }
        public void setCommitteeNameAr(String v) { committeeNameAr = v; }
        public String getCommitteeNameFr() { return committeeNameFr; }
        public void setCommitteeNameFr(String v) { committeeNameFr = v; }
    }

    /** A decision with its vote; {@code reason} only for a correction of a published one. */
    public static class DecisionForm {
        private String agendaItemId;
        private String number;
        private String titleAr;
        private String titleFr;
        private String textAr;
        private String textFr;
        private String topic;
        private String outcome;
        private String votesFor;
        private String votesAgainst;
        private String votesAbstain;
        private Map<String, String> vote = new LinkedHashMap<>();
        private String reason;

        public String getAgendaItemId() { return agendaItemId; }
        public void setAgendaItemId(String v) { agendaItemId = v; }
        public String getNumber() { return number; }
        public void setNumber(String v) { number = v; }
        public String getTitleAr() { return titleAr; }
        public void setTitleAr(String v) { titleAr = v; }
        public String getTitleFr() { return titleFr; }
        public void setTitleFr(String v) { titleFr = v; }
        public String getTextAr() { return textAr; }
        public void setTextAr(String v) { textAr = v; }
        public String getTextFr() { return textFr; }
        public void setTextFr(String v) { textFr = v; }
        public String getTopic() { return topic; }
        public void setTopic(String v) { topic = v; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String v) { outcome = v; }
        public String getVotesFor() { return votesFor; }
        public void setVotesFor(String v) { votesFor = v; }
        public String getVotesAgainst() { return votesAgainst; }
        public void setVotesAgainst(String v) { votesAgainst = v; }
        public String getVotesAbstain() { return votesAbstain; }
        public void setVotesAbstain(String v) { votesAbstain = v; }
        public Map<String, String> getVote() { return vote; }
        public void setVote(Map<String, String> v) { vote = v; }
        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
    }
}
