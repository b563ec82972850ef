package ma.opencommune.program.web;

import ma.opencommune.platform.Check;
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

    ProposalAnswers.Answer toAnswer(Check check) {
        Long commitment = null;
        boolean create = NEW.equals(commitmentId);
        if (!create && !Check.blank(commitmentId)) {
            try {
                commitment = Long.valueOf(commitmentId.strip());
            } catch (NumberFormatException e) {
                check.reject("commitmentId", "program.proposal.answer.validation.commitment-unknown");
            }
        }
        return new ProposalAnswers.Answer(ProposalStatus.parse(status), text, commitment, create);
    }

    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getCommitmentId() { return commitmentId; }
    public void setCommitmentId(String v) { commitmentId = v; }
}
