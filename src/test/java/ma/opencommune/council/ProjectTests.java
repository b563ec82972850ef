package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import ma.opencommune.platform.ConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The project aggregate's guarded transitions. */
class ProjectTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    static Project at(ProjectStatus status, int progress) {
        return new Project(1, 1, status, progress, null, 0);
    }

    @Test
    void aPlannedProjectStartsOrIsCancelledButCannotBeCompletedOrSuspended() {
        Project p = at(ProjectStatus.PLANNED, 0);
        assertThatThrownBy(() -> p.changeStatus(ProjectStatus.COMPLETED, DAY)).isInstanceOf(ConflictException.class)
                .hasMessage("projects.conflict.transition");
        assertThatThrownBy(() -> p.changeStatus(ProjectStatus.SUSPENDED, DAY)).isInstanceOf(ConflictException.class);
        p.changeStatus(ProjectStatus.IN_PROGRESS, DAY);
        assertThat(p.status()).isEqualTo(ProjectStatus.IN_PROGRESS);
        assertThat(p.lastUpdateOn()).isEqualTo(DAY);
    }

    @Test
    void aSuspendedProjectResumesAndCompletingSetsProgressToAHundred() {
        Project p = at(ProjectStatus.IN_PROGRESS, 40);
        p.changeStatus(ProjectStatus.SUSPENDED, DAY);
        assertThatThrownBy(() -> p.changeStatus(ProjectStatus.COMPLETED, DAY)).isInstanceOf(ConflictException.class);
        p.changeStatus(ProjectStatus.IN_PROGRESS, DAY.plusDays(1));
        p.changeStatus(ProjectStatus.COMPLETED, DAY.plusDays(2));
        assertThat(p.progress()).isEqualTo(100);
        assertThat(p.lastUpdateOn()).isEqualTo(DAY.plusDays(2));
    }

    @ParameterizedTest
    @EnumSource(value = ProjectStatus.class, names = {"COMPLETED", "CANCELLED"})
    void completedAndCancelledAreFinal(ProjectStatus status) {
        Project p = at(status, 100);
        for (ProjectStatus to : ProjectStatus.values()) {
            assertThatThrownBy(() -> p.changeStatus(to, DAY)).isInstanceOf(ConflictException.class).hasMessage("projects.conflict.final");
        }
        assertThatThrownBy(() -> p.report(100, DAY)).hasMessage("projects.conflict.final");
    }

    @Test
    void theSameStatusAgainIsRefused() {
        assertThatThrownBy(() -> at(ProjectStatus.IN_PROGRESS, 0).changeStatus(ProjectStatus.IN_PROGRESS, DAY))
                .hasMessage("projects.conflict.transition");
    }

    @Test
    void progressMovesOnlyForwardAndOnlyWhileInProgress() {
        Project running = at(ProjectStatus.IN_PROGRESS, 40);
        assertThatThrownBy(() -> running.report(39, DAY)).hasMessage("projects.conflict.progress-back");
        running.report(40, DAY);
        running.report(65, DAY.plusDays(3));
        assertThat(running.progress()).isEqualTo(65);
        assertThat(running.lastUpdateOn()).isEqualTo(DAY.plusDays(3));
        // An update dated earlier than the latest keeps the latest day as the project's last news.
        running.report(70, DAY);
        assertThat(running.lastUpdateOn()).isEqualTo(DAY.plusDays(3));

        Project planned = at(ProjectStatus.PLANNED, 0);
        assertThatThrownBy(() -> planned.report(10, DAY)).hasMessage("projects.conflict.progress-not-running");
        planned.report(0, DAY); // news without a change of percentage
        assertThat(planned.lastUpdateOn()).isEqualTo(DAY);
        Project suspended = at(ProjectStatus.SUSPENDED, 30);
        assertThatThrownBy(() -> suspended.report(35, DAY)).hasMessage("projects.conflict.progress-not-running");
    }
}
