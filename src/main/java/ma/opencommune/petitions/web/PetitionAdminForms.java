package ma.opencommune.petitions.web;

import ma.opencommune.platform.Check;

/**
 * The action forms of a petition's staff page. Every field name is unique on the page (one HTML id each); codes and
 * dates are bound as text and parsed here, so an unknown code or a malformed date is a field error, never a stack trace.
 * The lengths are those of the petition's columns: a longer text is refused before it reaches the database.
 */
final class PetitionAdminForms {

    static final int COMMITTEE_MAX = 300;
    static final int REASONING_MAX = 10_000;
    static final int REFERENCE_MAX = 100;
    static final int SUMMARY_MAX = 5_000;

    private PetitionAdminForms() {
    }

    /** The enum constant named by a code; an unknown code is a field error, a blank one is left to "required". */
    static <E extends Enum<E>> E code(Check check, String field, Class<E> type, String value) {
        if (Check.blank(value)) {
            check.reject(field, "validation.required");
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.strip())) {
                return e;
            }
        }
        check.reject(field, "validation.choose");
        return null;
    }

    /** Actions with no field: the filing at the office, the association's check. Errors are the form's own. */
    public static class EmptyForm {
    }

    /** PET-5: declared inadmissible before signatures. */
    public static class InadmissibleForm {
        private String inadmissibleGround;
        private String inadmissibleReasoning;

        public String getInadmissibleGround() { return inadmissibleGround; }
        public void setInadmissibleGround(String v) { inadmissibleGround = v; }
        public String getInadmissibleReasoning() { return inadmissibleReasoning; }
        public void setInadmissibleReasoning(String v) { inadmissibleReasoning = v; }
    }

    /** PET-6, PET-8: accepted onto the next ordinary session, referred to a committee. */
    public static class AcceptForm {
        private String sessionOn;
        private String committee;

        public String getSessionOn() { return sessionOn; }
        public void setSessionOn(String v) { sessionOn = v; }
        public String getCommittee() { return committee; }
        public void setCommittee(String v) { committee = v; }
    }

    /** PET-6: rejected with a ground and written reasoning. */
    public static class RejectForm {
        private String rejectGround;
        private String rejectReasoning;

        public String getRejectGround() { return rejectGround; }
        public void setRejectGround(String v) { rejectGround = v; }
        public String getRejectReasoning() { return rejectReasoning; }
        public void setRejectReasoning(String v) { rejectReasoning = v; }
    }

    /** The council's decision after the session. */
    public static class OutcomeForm {
        private String decisionReference;
        private String outcomeSummary;

        public String getDecisionReference() { return decisionReference; }
        public void setDecisionReference(String v) { decisionReference = v; }
        public String getOutcomeSummary() { return outcomeSummary; }
        public void setOutcomeSummary(String v) { outcomeSummary = v; }
    }

    /** PET-1: a signature collected on paper, as read on the sheet. */
    public static class PaperForm {
        private String fullName;
        private String cin;
        private String basis;
        private String communeId;

        public String getCommuneId() { return communeId; }
        public void setCommuneId(String v) { communeId = v; }
        public String getFullName() { return fullName; }
        public void setFullName(String v) { fullName = v; }
        public String getCin() { return cin; }
        public void setCin(String v) { cin = v; }
        public String getBasis() { return basis; }
        public void setBasis(String v) { basis = v; }
    }
}
