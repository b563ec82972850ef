package ma.opencommune.council;

import java.time.LocalDate;
import ma.opencommune.platform.ConflictException;

/**
 * The project aggregate: its status and progress, and the guarded transitions between them. A refused transition
 * throws {@link ConflictException} (a 409 or a form error); the caller saves the new state in the same transaction.
 */
public final class Project {

    private final long id;
    private final long collectivityId;
    private ProjectStatus status;
    private int progress;
    private LocalDate lastUpdateOn;
    private final int version;

    public Project(long id, long collectivityId, ProjectStatus status, int progress, LocalDate lastUpdateOn, int version) {
        this.id = id;
        this.collectivityId = collectivityId;
        this.status = status;
        this.progress = progress;
        this.lastUpdateOn = lastUpdateOn;
        this.version = version;
    }

    /**
     * Moves to another status: only to one {@link ProjectStatus#next()} allows. Completing a project sets its progress
     * to 100 %; a status change on a day is the project's latest news.
     */
    public void changeStatus(ProjectStatus to, LocalDate on) {
        if (to == null) {
            throw new IllegalArgumentException("status required");
        }
        if (status.isFinal()) {
            throw new ConflictException("projects.conflict.final");
        }
        if (!status.next().contains(to)) {
            throw new ConflictException("projects.conflict.transition");
        }
        status = to;
        if (to == ProjectStatus.COMPLETED) {
            progress = 100;
        }
        touch(on);
    }

    /**
     * A dated progress update. Not on a completed or cancelled project; the percentage moves only while the project
     * is in progress (a planned or suspended project reports news at its current percentage) and never goes back.
     */
    public void report(Integer percent, LocalDate on) {
        if (status.isFinal()) {
            throw new ConflictException("projects.conflict.final");
        }
        if (percent != null && percent != progress) {
            if (status != ProjectStatus.IN_PROGRESS) {
                throw new ConflictException("projects.conflict.progress-not-running");
            }
            if (percent < progress) {
                throw new ConflictException("projects.conflict.progress-back");
            }
            if (percent > 100) {
                throw new IllegalArgumentException("percent above 100");
            }
            progress = percent;
        }
        touch(on);
    }

    private void touch(LocalDate on) {
        if (lastUpdateOn == null || on.isAfter(lastUpdateOn)) {
            lastUpdateOn = on;
        }
    }

    public long id() {
        return id;
    }

    public long collectivityId() {
        return collectivityId;
    }

    public ProjectStatus status() {
        return status;
    }

    public int progress() {
        return progress;
    }

    public LocalDate lastUpdateOn() {
        return lastUpdateOn;
    }

    public int version() {
        return version;
    }
}
