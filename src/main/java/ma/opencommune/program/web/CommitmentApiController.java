package ma.opencommune.program.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.program.CommitmentBoard;
import ma.opencommune.program.Principle;
import ma.opencommune.program.Processes;
import ma.opencommune.program.Tracking;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public read API of a collectivity's program commitments with their milestones and OGP-3 completion. */
@RestController
@RequestMapping("/api/v1/collectivities/{slug}/commitments")
@Tag(name = "Program commitments", description = "Commitments of published co-creation processes, milestones and completion (OGP-2, OGP-3)")
class CommitmentApiController {

    /** A commitment as the API shows it. */
    record CommitmentRepresentation(long id, long processId, int number, String title, List<Principle> principles,
            BigDecimal budgetMad, LocalDate startsOn, LocalDate endsOn, String completion, int milestonesCompleted,
            int milestonesOverdue, List<MilestoneRepresentation> milestones) {
    }

    /** A milestone as the API shows it; {@code overdue} is judged on today's date in Morocco. */
    record MilestoneRepresentation(long id, String output, LocalDate dueOn, String responsibleUnit, LocalDate completedOn,
            boolean overdue) {
    }

    private final Territory territory;
    private final Processes processes;
    private final CommitmentBoard board;

    CommitmentApiController(Territory territory, Processes processes, CommitmentBoard board) {
        this.territory = territory;
        this.processes = processes;
        this.board = board;
    }

    @GetMapping
    @Operation(summary = "Commitments of the collectivity's published processes", description = "Optionally of one process.")
    List<CommitmentRepresentation> list(@PathVariable String slug,
            @Parameter(description = "id of a published process") @RequestParam(required = false) Long process) {
        Collectivity c = territory.require(slug);
        if (process != null && processes.find(c.id(), process).filter(p -> p.published()).isEmpty()) {
            throw new NotFoundException("process " + process);
        }
        return board.published(c.id(), process, null, processes.today()).stream().map(CommitmentApiController::represent).toList();
    }

    @GetMapping("/{commitmentId}")
    @Operation(summary = "One commitment with its milestones")
    CommitmentRepresentation one(@PathVariable String slug, @PathVariable long commitmentId) {
        Collectivity c = territory.require(slug);
        return board.published(c.id(), null, commitmentId, processes.today()).stream().findFirst()
                .map(CommitmentApiController::represent).orElseThrow(() -> new NotFoundException("commitment " + commitmentId));
    }

    private static CommitmentRepresentation represent(CommitmentBoard.Listed l) {
        Tracking.Detail d = l.commitment();
        List<MilestoneRepresentation> milestones = l.milestones().stream().map(m -> new MilestoneRepresentation(m.id(), m.output(),
                m.dueOn(), m.responsibleUnit(), m.completedOn(), m.overdue())).toList();
        return new CommitmentRepresentation(d.id(), d.processId(), d.number(), d.title(), List.copyOf(l.principles()),
                d.budgetMad(), d.startsOn(), d.endsOn(), l.completion().name(),
                (int) milestones.stream().filter(m -> m.completedOn() != null).count(),
                (int) milestones.stream().filter(MilestoneRepresentation::overdue).count(), milestones);
    }
}
