package ma.opencommune.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import ma.opencommune.council.BudgetPublication;
import ma.opencommune.council.CouncilFigures;
import ma.opencommune.council.CouncilPublication;
import ma.opencommune.information.InformationFigures;
import ma.opencommune.information.InformationStatistics;
import ma.opencommune.petitions.PetitionFigures;
import ma.opencommune.program.ProgramFigures;
import ma.opencommune.territory.Collectivity;
import org.springframework.stereotype.Component;

/**
 * Reads one member's figures for one period from the four modules' façades and measures every indicator from them.
 * About twenty aggregate statements per member and period, whatever the volume of records.
 */
@Component
class IndexMeasures {

    /** Execution can be published once a quarter has closed and been reported: not before 1 May. */
    static final int EXECUTION_FROM_MONTH = 5;

    private final InformationStatistics information;
    private final ProgramFigures program;
    private final PetitionFigures petitions;
    private final CouncilFigures council;

    IndexMeasures(InformationStatistics information, ProgramFigures program, PetitionFigures petitions, CouncilFigures council) {
        this.information = information;
        this.program = program;
        this.petitions = petitions;
        this.council = council;
    }

    Map<Indicator, Measure> measure(Collectivity member, IndexPeriod period) {
        LocalDate from = period.from();
        LocalDate to = period.to();
        InformationFigures info = information.figures(member.id(), from, to);
        ProgramFigures.Figures prog = program.of(member.id(), from, to);
        PetitionFigures.Figures pet = petitions.of(member.id(), from, to);
        CouncilFigures.Figures coun = council.of(member.id(), from, to);
        return measure(member.population(), period, info, prog, pet, coun);
    }

    static Map<Indicator, Measure> measure(Integer population, IndexPeriod period, InformationFigures info, ProgramFigures.Figures prog,
            PetitionFigures.Figures pet, CouncilFigures.Figures coun) {
        Map<Indicator, Measure> m = new EnumMap<>(Indicator.class);
        CouncilPublication decisions = coun.decisions();
        BudgetPublication budget = coun.budget();
        // Transparency and accountability.
        if (decisions.sessionsHeld() == 0) {
            m.put(Indicator.DECISIONS_PUBLICATION_DAYS, Measure.NO_DATA);
        } else if (decisions.medianDaysToPublication() == null) {
            // Sessions were held and none of their decisions is published: the worst end of the scale, not "no data".
            m.put(Indicator.DECISIONS_PUBLICATION_DAYS, new Measure(IndicatorStatus.OK,
                    Indicator.DECISIONS_PUBLICATION_DAYS.scale().worst(), null, null, decisions.sessionsHeld()));
        } else {
            m.put(Indicator.DECISIONS_PUBLICATION_DAYS, Measure.value(decisions.medianDaysToPublication(), decisions.sessionsHeld()));
        }
        m.put(Indicator.BUDGET_PUBLISHED, Measure.yesNo(budget.budgetPublished()));
        m.put(Indicator.EXECUTION_PUBLISHED, period.to().getMonthValue() < EXECUTION_FROM_MONTH
                ? Measure.NOT_APPLICABLE : Measure.yesNo(budget.executionPublished()));
        m.put(Indicator.PROJECTS_UPDATED, Measure.share(coun.projects().updatedRecently(), coun.projects().projects()));
        // Access to information.
        m.put(Indicator.REQUESTS_IN_TIME, Measure.share(info.respondedInTime(), info.responded() + info.openOverdue()));
        m.put(Indicator.REQUEST_MEDIAN_DAYS, Measure.value(info.medianWorkingDays(), info.responded()));
        m.put(Indicator.REGISTER_UP_TO_DATE, info.registerItems() == 0 ? Measure.value(0, 0)
                : Measure.share(info.registerItems() - info.registerItemsOverdue(), info.registerItems()));
        m.put(Indicator.ANSWERS_PUBLISHED, Measure.share(Math.min(info.publishedAnswers(), info.responded()), info.responded()));
        // Citizen participation.
        m.put(Indicator.PROPOSALS_ANSWERED, Measure.share(prog.proposalsAnswered(), prog.proposals()));
        m.put(Indicator.PROPOSAL_ANSWER_DAYS, Measure.value(prog.medianDaysToAnswer(), prog.proposalsAnswered()));
        m.put(Indicator.WOMEN_SHARE, Measure.share(prog.attendeesWomen(), prog.attendeesWomen() + prog.attendeesMen()));
        m.put(Indicator.PETITIONS_IN_TIME, Measure.share(pet.decidedInTime(), pet.decided()));
        long participations = prog.diagnosisParticipants() + prog.proposalParticipants() + prog.workshopParticipants() + pet.signatures();
        m.put(Indicator.PARTICIPANTS_PER_1000, population == null || population <= 0 ? Measure.NOT_APPLICABLE
                : new Measure(IndicatorStatus.OK, annualised(BigDecimal.valueOf(participations).multiply(BigDecimal.valueOf(1000))
                        .divide(BigDecimal.valueOf(population), 6, RoundingMode.HALF_UP), period), participations, (long) population, participations));
        // Digitalization.
        m.put(Indicator.ONLINE_SIGNATURES, Measure.share(pet.signatures() - pet.paperSignatures(), pet.signatures()));
        int available = (budget.budgetPublished() ? 1 : 0) + (budget.executionPublished() ? 1 : 0) + (decisions.decisionsPublished() > 0 ? 1 : 0)
                + (coun.projects().projects() > 0 ? 1 : 0) + (info.registerItems() > 0 ? 1 : 0) + (info.publishedAnswers() > 0 ? 1 : 0);
        m.put(Indicator.MACHINE_READABLE, Measure.share(available, MACHINE_READABLE_DATASETS));
        long documents = coun.documents().total();
        m.put(Indicator.DOCUMENTS_PUBLISHED, new Measure(IndicatorStatus.OK, annualised(BigDecimal.valueOf(documents), period), documents, null, documents));
        return m;
    }

    /** Budget, execution, decisions, projects, the proactive register, published answers. */
    static final int MACHINE_READABLE_DATASETS = 6;

    /** A count over a running period of fewer than twelve months, brought to twelve months. */
    static BigDecimal annualised(BigDecimal value, IndexPeriod period) {
        int months = Math.max(1, Math.min(12, period.months()));
        return value.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(months), 4, RoundingMode.HALF_UP);
    }
}
