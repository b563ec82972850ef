package ma.opencommune.network;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The indicators of the openness index: each belongs to a pillar, is read from one module's figures, has a published
 * scale and a minimum count under which a share or a median is shown but not scored. Names, definitions, formulas and
 * what counts as no data are in the messages under {@code network.indicator.<code>.*}.
 */
public enum Indicator {
    /** Median days from a council session to the publication of its decisions (council). */
    DECISIONS_PUBLICATION_DAYS(Pillar.TRANSPARENCY, "council", Unit.DAYS, Scale.fewerIsBetter(8, 60), 1),
    /** The budget of the period's last year is published (council). */
    BUDGET_PUBLISHED(Pillar.TRANSPARENCY, "council", Unit.YES_NO, Scale.yesNo(), 0),
    /** The execution of that budget is published; not applicable before 1 May, when no quarter could be published yet. */
    EXECUTION_PUBLISHED(Pillar.TRANSPARENCY, "council", Unit.YES_NO, Scale.yesNo(), 0),
    /** Share of published projects with a progress update in the last 90 days (council). */
    PROJECTS_UPDATED(Pillar.TRANSPARENCY, "council", Unit.SHARE, Scale.share(), 3),
    /** Share of requests answered within the legal delay, among those answered or overdue (information, ATI-4). */
    REQUESTS_IN_TIME(Pillar.ACCESS, "information", Unit.SHARE, Scale.share(), 5),
    /** Median working days to answer a request (information, ATI-4: 20 working days). */
    REQUEST_MEDIAN_DAYS(Pillar.ACCESS, "information", Unit.WORKING_DAYS, Scale.fewerIsBetter(5, 20), 5),
    /** Share of the proactive register's items that are up to date (information, ATI-11). */
    REGISTER_UP_TO_DATE(Pillar.ACCESS, "information", Unit.SHARE, Scale.share(), 0),
    /** Share of answered requests whose answer is published for everyone (information). */
    ANSWERS_PUBLISHED(Pillar.ACCESS, "information", Unit.SHARE, Scale.share(), 5),
    /** Share of citizens' proposals given a reasoned answer (program, OGP-1). */
    PROPOSALS_ANSWERED(Pillar.PARTICIPATION, "program", Unit.SHARE, Scale.share(), 5),
    /** Median days to answer a proposal (program). */
    PROPOSAL_ANSWER_DAYS(Pillar.PARTICIPATION, "program", Unit.DAYS, Scale.fewerIsBetter(15, 90), 5),
    /** Share of women among workshop attendees who declared a gender (program). */
    WOMEN_SHARE(Pillar.PARTICIPATION, "program", Unit.SHARE, Scale.parity(), 10),
    /** Share of petitions decided by the bureau within its delay (petitions, PET-6). */
    PETITIONS_IN_TIME(Pillar.PARTICIPATION, "petitions", Unit.SHARE, Scale.share(), 3),
    /** Participations (diagnosis, proposals and supports, workshops, petition signatures) per 1,000 inhabitants. */
    PARTICIPANTS_PER_1000(Pillar.PARTICIPATION, "program", Unit.PER_1000, Scale.moreIsBetter(10), 0),
    /** Share of petition signatures given online rather than on paper (petitions). */
    ONLINE_SIGNATURES(Pillar.DIGITAL, "petitions", Unit.SHARE, Scale.share(), 20),
    /** Share of six datasets available machine-readable: budget, execution, decisions, projects, register, answers. */
    MACHINE_READABLE(Pillar.DIGITAL, "council", Unit.SHARE, Scale.share(), 0),
    /** Documents published in the library, against a target of one a month (council). */
    DOCUMENTS_PUBLISHED(Pillar.DIGITAL, "council", Unit.COUNT, Scale.moreIsBetter(12), 0);

    /** How the measured value reads. */
    public enum Unit {
        SHARE, DAYS, WORKING_DAYS, YES_NO, PER_1000, COUNT
    }

    private final Pillar pillar;
    private final String source;
    private final Unit unit;
    private final Scale scale;
    private final int minimumCount;

    Indicator(Pillar pillar, String source, Unit unit, Scale scale, int minimumCount) {
        this.pillar = pillar;
        this.source = source;
        this.unit = unit;
        this.scale = scale;
        this.minimumCount = minimumCount;
    }

    public Pillar pillar() {
        return pillar;
    }

    /** The module the figures come from: council, information, program or petitions. */
    public String source() {
        return source;
    }

    public Unit unit() {
        return unit;
    }

    public Scale scale() {
        return scale;
    }

    /** Fewer cases than this and the value is shown with its count but not scored (0: every count is enough). */
    public int minimumCount() {
        return minimumCount;
    }

    /** The code used in addresses and messages, e.g. {@code requests-in-time}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Indicator> ofCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code().equals(code)).findFirst();
    }

    public static List<Indicator> of(Pillar pillar) {
        return Arrays.stream(values()).filter(i -> i.pillar == pillar).toList();
    }
}
