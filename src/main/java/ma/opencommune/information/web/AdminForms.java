package ma.opencommune.information.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.opencommune.platform.Check;
import org.springframework.web.multipart.MultipartFile;

/**
 * The action forms of a request's staff page. Each field name is unique on the page (one HTML id each), so the
 * service's field names are renamed into the form's by {@link #rename}. Codes (reason, ground, kind, assignee) are
 * bound as text and parsed here: an unknown code is a field error, never a stack trace.
 */
final class AdminForms {

    private AdminForms() {
    }

    /** Service field name to form field name, per action. */
    static final Map<String, String> NOTE = Map.of("body", "noteBody");
    static final Map<String, String> ANSWER = Map.of("kind", "answerKind", "text", "answerText");
    static final Map<String, String> TRANSFER = Map.of("to", "transferTo", "note", "transferNote");
    static final Map<String, String> UNCLEAR = Map.of("reasoning", "unclearReasoning");
    static final Map<String, String> SAME = Map.of();

    static Map<String, String> rename(Map<String, String> errors, Map<String, String> names) {
        Map<String, String> renamed = new java.util.LinkedHashMap<>();
        errors.forEach((field, key) -> renamed.putIfAbsent(names.getOrDefault(field, field), key));
        return renamed;
    }

    /** The enum constant named by a code; an unknown code is a field error, a blank one is left to "required". */
    static <E extends Enum<E>> E code(Check check, String field, Class<E> type, String value) {
        if (Check.blank(value)) {
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

    public static class AssignForm {
        private String assignee;

        public String getAssignee() { return assignee; }
        public void setAssignee(String v) { assignee = v; }

        /** Blank is "nobody"; anything but a number is a field error. */
        Long assigneeId(Check check) {
            if (Check.blank(assignee)) {
                return null;
            }
            try {
                return Long.valueOf(assignee.strip());
            } catch (NumberFormatException e) {
                check.reject("assignee", "validation.choose");
                return null;
            }
        }
    }

    public static class NoteForm {
        private String noteBody;

        public String getNoteBody() { return noteBody; }
        public void setNoteBody(String v) { noteBody = v; }
    }

    public static class ClarificationForm {
        private String question;

        public String getQuestion() { return question; }
        public void setQuestion(String v) { question = v; }
    }

    public static class ExtensionForm {
        private String reason;

        public String getReason() { return reason; }
        public void setReason(String v) { reason = v; }
    }

    public static class AnswerForm {
        private String answerKind;
        private String answerText;
        private List<MultipartFile> files = new ArrayList<>();
        private boolean publishable;

        public String getAnswerKind() { return answerKind; }
        public void setAnswerKind(String v) { answerKind = v; }
        public String getAnswerText() { return answerText; }
        public void setAnswerText(String v) { answerText = v; }
        public List<MultipartFile> getFiles() { return files; }
        public void setFiles(List<MultipartFile> v) { files = v; }
        public boolean isPublishable() { return publishable; }
        public void setPublishable(boolean v) { publishable = v; }
    }

    public static class RefusalForm {
        private String ground;
        private String reasoning;

        public String getGround() { return ground; }
        public void setGround(String v) { ground = v; }
        public String getReasoning() { return reasoning; }
        public void setReasoning(String v) { reasoning = v; }
    }

    public static class TransferForm {
        private String transferTo;
        private String transferNote;

        public String getTransferTo() { return transferTo; }
        public void setTransferTo(String v) { transferTo = v; }
        public String getTransferNote() { return transferNote; }
        public void setTransferNote(String v) { transferNote = v; }
    }

    public static class UnclearForm {
        private String unclearReasoning;

        public String getUnclearReasoning() { return unclearReasoning; }
        public void setUnclearReasoning(String v) { unclearReasoning = v; }
    }

    public static class FilesForm {
        private List<MultipartFile> moreFiles = new ArrayList<>();
        private boolean morePublishable;

        public List<MultipartFile> getMoreFiles() { return moreFiles; }
        public void setMoreFiles(List<MultipartFile> v) { moreFiles = v; }
        public boolean isMorePublishable() { return morePublishable; }
        public void setMorePublishable(boolean v) { morePublishable = v; }
    }
}
