package ma.opencommune.council;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a project stands. Completed and cancelled are final; a suspended project resumes or is cancelled. The allowed
 * next statuses are listed here so the staff page offers only those and {@link Project} refuses the others.
 */
public enum ProjectStatus {
    PLANNED, IN_PROGRESS, SUSPENDED, COMPLETED, CANCELLED;

    public Set<ProjectStatus> next() {
        return switch (this) {
            case PLANNED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(SUSPENDED, COMPLETED, CANCELLED);
            case SUSPENDED -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    public static Optional<ProjectStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value == null ? "" : value.strip())).findFirst();
    }
}
