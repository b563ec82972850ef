package ma.opencommune.program;

import java.time.Instant;
import java.util.UUID;
import ma.opencommune.platform.Auditable;

/** What people and staff do to proposals, supports and comments; all go to the action log. */
public final class ProposalEvents {

    private ProposalEvents() {
    }

    /** A person submitted a proposal. */
    public record ProposalSubmitted(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long proposalId, String summary) implements Auditable {
        public String action() { return "program.proposal-submitted"; }
    }

    /**
     * A person supported a proposal ({@code given}) or withdrew their support. Logged without the person (actor
     * null): staff need the count, not who supports what (PDP-1); the same holds for reports, registrations, follows.
     */
    public record SupportChanged(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long proposalId,
            boolean given, String summary) implements Auditable {
        public String action() { return given ? "program.proposal-supported" : "program.proposal-support-withdrawn"; }
    }

    /** Staff answered a proposal (OGP-1) or corrected their answer; the author is mailed. */
    public record ProposalAnswered(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long processId,
            long proposalId, Long authorId, ProposalStatus status, boolean correction, String summary) implements Auditable {
        public String action() { return correction ? "program.proposal-answer-corrected" : "program.proposal-answered"; }
    }

    /** Staff created a commitment from an accepted proposal. */
    public record CommitmentFromProposal(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long proposalId,
            long commitmentId, String summary) implements Auditable {
        public String action() { return "program.commitment-from-proposal"; }
    }

    /** A person commented on a proposal or replied to a comment. */
    public record CommentPosted(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long proposalId,
            long commentId, String summary) implements Auditable {
        public String action() { return "program.comment-posted"; }
    }

    /** A person reported a comment to the moderators. */
    public record CommentReported(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commentId,
            String summary) implements Auditable {
        public String action() { return "program.comment-reported"; }
    }

    /** Staff hid a comment, with the reason shown in its place. */
    public record CommentHidden(UUID eventId, Instant occurredAt, Long collectivityId, Long actorId, long commentId,
            String summary) implements Auditable {
        public String action() { return "program.comment-hidden"; }
    }
}
