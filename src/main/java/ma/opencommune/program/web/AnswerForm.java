package ma.opencommune.program.web;

import ma.opencommune.program.ProposalAnswers;
import ma.opencommune.program.ProposalStatus;
import ma.opencommune.program.Proposals;

/** Staff's answer form: status, reasoned text, and a commitment of the process or "create a new one". */
public class AnswerForm {

    /** The value of the commitment choice that creates a new commitment from the proposal. */
    static final String NEW = "new";

    private String status, text, commitmentId;

    static AnswerForm of(Proposals.Summary p) {
        AnswerForm f = new AnswerForm();
        if (p.status().answered()) {
            f.status = p.status().name();
            f.text = p.answer();
            f.commitmentId = p.commitmentId() == null ? null : p.commitmentId().toString();
        }
        return f;
    }

    /** The answer, checked by the service with every field at once: a commitment that is not a number is unknown. */
    ProposalAnswers.Answer toAnswer() {
        boolean create = NEW.equals(commitmentId);
        Long commitment = create ? null : ProposalForm.area(commitmentId);
        return new ProposalAnswers.Answer(ProposalStatus.parse(status), text, commitment, create);
    }

    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getCommitmentId() { return commitmentId; }
    public void setCommitmentId(String v) { commitmentId = v; }
}
