package ma.opencommune.council;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

/**
 * The council module's figures for the network's openness index (issue 6, point 6), in one call: days from a session to
 * the publication of its decisions, whether the year's budget and its execution are published (and when), projects with
 * a progress update in the last 90 days, and documents published. Each part is computed by the area that owns it from
 * its own records, in one or two aggregate statements.
 */
@Service
public class CouncilFigures {

    private final CouncilDecisions decisions;
    private final BudgetExplorer budgets;
    private final ProjectReads projects;
    private final DocumentLibrary documents;

    CouncilFigures(CouncilDecisions decisions, BudgetExplorer budgets, ProjectReads projects, DocumentLibrary documents) {
        this.decisions = decisions;
        this.budgets = budgets;
        this.projects = projects;
        this.documents = documents;
    }

    /**
     * A collectivity's figures for a period: the sessions held and documents published between {@code from} and
     * {@code to} (both included), the budget of {@code to}'s year, and the projects as they stood on {@code to}.
     */
    public Figures of(long collectivityId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + " to " + to);
        }
        return new Figures(from, to, decisions.publicationDelays(collectivityId, from, to), budgets.publication(collectivityId, to.getYear()),
                projects.activity(collectivityId, to), documents.published(collectivityId, from, to));
    }

    /** The council module's figures of one collectivity for one period. */
    public record Figures(LocalDate from, LocalDate to, CouncilPublication decisions, BudgetPublication budget, ProjectActivity projects,
            DocumentCounts documents) {
    }
}
