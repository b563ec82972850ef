package ma.opencommune.network;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ma.opencommune.council.BudgetExplorer;
import ma.opencommune.council.BudgetPublication;
import ma.opencommune.council.CouncilEvidence;
import ma.opencommune.council.CouncilFigures;
import ma.opencommune.information.InformationEvidence;
import ma.opencommune.information.InformationFigures;
import ma.opencommune.information.InformationStatistics;
import ma.opencommune.petitions.PetitionEvidence;
import ma.opencommune.program.ProgramEvidence;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Service;

/**
 * The public records behind a member's indicator for a period, read through the source module's façade with the very
 * period {@link IndexMeasures} gives the figures, so that the drill-down's total and late counts are the indicator's
 * denominator and its complement of the numerator. Titles are the Arabic ones (French when there is none); paths follow
 * {@code /{lang}}. MACHINE_READABLE lists the six datasets by code in {@code reference} (message
 * {@code network.evidence.dataset.<code>}).
 */
@Service
public class IndicatorEvidence {

    static final String COUNTS_ONLY = "network.evidence.counts-only";
    static final String NOT_APPLICABLE = "network.evidence.not-applicable";
    static final String SOME_NOT_PUBLIC = "network.evidence.some-not-public";

    private final InformationEvidence information;
    private final InformationStatistics informationFigures;
    private final CouncilEvidence council;
    private final CouncilFigures councilFigures;
    private final ProgramEvidence program;
    private final PetitionEvidence petitions;

    IndicatorEvidence(InformationEvidence information, InformationStatistics informationFigures, CouncilEvidence council,
            CouncilFigures councilFigures, ProgramEvidence program, PetitionEvidence petitions) {
        this.information = information;
        this.informationFigures = informationFigures;
        this.council = council;
        this.councilFigures = councilFigures;
        this.program = program;
        this.petitions = petitions;
    }

    public Evidence of(Indicator indicator, Collectivity member, IndexPeriod period) {
        long c = member.id();
        LocalDate from = period.from();
        LocalDate to = period.to();
        String base = "/c/" + member.slug();
        int limit = Evidence.LIMIT;
        return switch (indicator) {
            case REQUESTS_IN_TIME -> requests(indicator, base, information.requests(c, from, to, InformationEvidence.Scope.ANSWERED_OR_OVERDUE, limit));
            case REQUEST_MEDIAN_DAYS -> requests(indicator, base, information.requests(c, from, to, InformationEvidence.Scope.ANSWERED, limit));
            case ANSWERS_PUBLISHED -> requests(indicator, base,
                    information.requests(c, from, to, InformationEvidence.Scope.ANSWERED_UNPUBLISHED_LATE, limit));
            case REGISTER_UP_TO_DATE -> {
                InformationEvidence.Register r = information.register(c, to, limit);
                List<Evidence.Row> rows = r.lines().stream().map(l -> new Evidence.Row("#" + l.id(), title(l.titleAr(), l.titleFr()),
                        l.lastUpdatedOn(), l.nextUpdateDue(), null, null, l.late(), base + "/information/register")).toList();
                yield evidence(indicator, r.total(), r.late(), rows, null);
            }
            case DECISIONS_PUBLICATION_DAYS -> {
                int best = indicator.scale().best().intValue();
                CouncilEvidence.Listing<CouncilEvidence.SessionLine> s = council.sessions(c, from, to, best, limit);
                List<Evidence.Row> rows = s.lines().stream().map(l -> new Evidence.Row(l.kind().name(), null,
                        l.heldOn(), l.heldOn().plusDays(best), l.lastPublishedOn(), l.days(), l.late(), base + "/council/sessions/" + l.id()))
                        .toList();
                yield evidence(indicator, s.total(), s.late(), rows, null);
            }
            case BUDGET_PUBLISHED -> {
                BudgetPublication b = council.budget(c, to.getYear()).publication();
                Evidence.Row row = new Evidence.Row(String.valueOf(b.year()), null, null, null, b.budgetPublishedOn(), null, !b.budgetPublished(),
                        b.budgetPublished() ? base + "/budget/" + b.year() : null);
                yield evidence(indicator, 1, b.budgetPublished() ? 0 : 1, List.of(row), null);
            }
            case EXECUTION_PUBLISHED -> {
                if (to.getMonthValue() < IndexMeasures.EXECUTION_FROM_MONTH) {
                    yield evidence(indicator, 0, 0, List.of(), NOT_APPLICABLE);
                }
                int year = to.getYear();
                List<BudgetExplorer.Period> periods = council.budget(c, year).executions();
                if (periods.isEmpty()) {
                    yield evidence(indicator, 1, 1, List.of(new Evidence.Row(String.valueOf(year), null, null, null, null, null, true, null)), null);
                }
                List<Evidence.Row> rows = periods.stream().limit(limit).map(p -> new Evidence.Row(year + " " + p.kind() + " " + p.number(), null,
                        p.endsOn(), null, p.publishedOn(), null, false, base + "/budget/" + year)).toList();
                yield new Evidence(indicator, 1, 0, rows, periods.size() > rows.size(), null);
            }
            case PROJECTS_UPDATED -> {
                CouncilEvidence.Listing<CouncilEvidence.ProjectLine> p = council.projects(c, to, limit);
                List<Evidence.Row> rows = p.lines().stream().map(l -> new Evidence.Row("#" + l.id(), title(l.titleAr(), l.titleFr()), null, null,
                        l.lastUpdateOn(), l.lastUpdateOn() == null ? null : (int) ChronoUnit.DAYS.between(l.lastUpdateOn(), to), l.late(),
                        base + "/projects/" + l.id())).toList();
                yield evidence(indicator, p.total(), p.late(), rows, null);
            }
            case DOCUMENTS_PUBLISHED -> {
                CouncilEvidence.Listing<CouncilEvidence.DocumentLine> d = council.documents(c, from, to, limit);
                List<Evidence.Row> rows = d.lines().stream().map(l -> new Evidence.Row(l.reference() == null ? "#" + l.id() : l.reference(),
                        title(l.titleAr(), l.titleFr()), null, null, l.publishedOn(), null, false, base + "/documents/" + l.id())).toList();
                yield evidence(indicator, d.total(), 0, rows, null);
            }
            case PROPOSALS_ANSWERED, PROPOSAL_ANSWER_DAYS -> {
                boolean answered = indicator == Indicator.PROPOSAL_ANSWER_DAYS;
                ProgramEvidence.Proposals p = program.proposals(c, from, to, answered, Indicator.PROPOSAL_ANSWER_DAYS.scale().best().intValue(),
                        limit);
                List<Evidence.Row> rows = p.lines().stream().map(l -> new Evidence.Row("#" + l.id(), l.title(), l.createdOn(), null, l.answeredOn(),
                        l.days(), l.late(), base + "/program/" + l.processId() + "/proposals/" + l.id())).toList();
                yield new Evidence(indicator, p.total(), p.late(), rows, p.total() - p.notPublic() > rows.size(),
                        p.notPublic() > 0 ? SOME_NOT_PUBLIC : null);
            }
            case PETITIONS_IN_TIME -> {
                PetitionEvidence.Decided d = petitions.decided(c, from, to, limit);
                List<Evidence.Row> rows = d.lines().stream().map(l -> new Evidence.Row("#" + l.id(), l.title(), l.filedOn(), l.decisionDue(),
                        l.decidedOn(), l.filedOn() == null ? null : (int) ChronoUnit.DAYS.between(l.filedOn(), l.decidedOn()), l.late(),
                        base + "/petitions/" + l.id())).toList();
                yield evidence(indicator, d.total(), d.late(), rows, null);
            }
            // Counts of people: nothing individual may be listed (Law 09-08).
            case WOMEN_SHARE, PARTICIPANTS_PER_1000, ONLINE_SIGNATURES -> evidence(indicator, 0, 0, List.of(), COUNTS_ONLY);
            case MACHINE_READABLE -> machineReadable(c, from, to, base);
        };
    }

    private Evidence requests(Indicator indicator, String base, InformationEvidence.Requests r) {
        List<Evidence.Row> rows = r.lines().stream().map(l -> new Evidence.Row(l.trackingNumber(), null, l.receivedOn(), l.dueOn(), l.closedOn(),
                l.workingDays(), l.late(), l.published() ? base + "/information/published/" + l.trackingNumber() : null)).toList();
        return evidence(indicator, r.total(), r.late(), rows, null);
    }

    /** The six datasets as {@link IndexMeasures} counts them, from the same figures; missing ones first. */
    private Evidence machineReadable(long c, LocalDate from, LocalDate to, String base) {
        CouncilFigures.Figures coun = councilFigures.of(c, from, to);
        InformationFigures info = informationFigures.figures(c, from, to);
        int year = to.getYear();
        List<Evidence.Row> rows = new ArrayList<>(List.of(
                dataset("budget", coun.budget().budgetPublished(), base + "/budget/" + year + ".csv"),
                dataset("execution", coun.budget().executionPublished(), base + "/budget/" + year),
                dataset("decisions", coun.decisions().decisionsPublished() > 0, base + "/council/decisions.atom"),
                dataset("projects", coun.projects().projects() > 0, base + "/projects/map"),
                dataset("register", info.registerItems() > 0, base + "/information/register"),
                dataset("answers", info.publishedAnswers() > 0, base + "/information/published")));
        rows.sort(Comparator.comparing(r -> !r.late()));
        long missing = rows.stream().filter(Evidence.Row::late).count();
        return new Evidence(Indicator.MACHINE_READABLE, IndexMeasures.MACHINE_READABLE_DATASETS, missing, List.copyOf(rows), false, null);
    }

    private static Evidence.Row dataset(String code, boolean available, String path) {
        return new Evidence.Row(code, null, null, null, null, null, !available, available ? path : null);
    }

    private static Evidence evidence(Indicator indicator, long total, long late, List<Evidence.Row> rows, String noteKey) {
        return new Evidence(indicator, total, late, rows, total > rows.size(), noteKey);
    }

    private static String title(String ar, String fr) {
        return ar == null || ar.isBlank() ? fr : ar;
    }
}
