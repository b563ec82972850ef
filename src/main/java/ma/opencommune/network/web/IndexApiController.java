package ma.opencommune.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.IndicatorValue;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.Methodologies;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.platform.ShortLivedCache;
import ma.opencommune.territory.Collectivity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The openness index as data: the ranking of a period and one member's detail with every indicator and its trend.
 * A malformed or future period is a 400 problem detail; an unknown slug or a collectivity outside the network a 404.
 */
@RestController
@RequestMapping("/api/v1/network/index")
@Tag(name = "Openness index", description = "The network's openness index: stored results per period, pillar and indicator")
class IndexApiController {

    @Schema(description = "A period: key R2026-11 (twelve months ending November 2026) or Y2025 (calendar year); to is today while it runs")
    record Period(String key, LocalDate from, LocalDate to) {
    }

    record Names(String ar, String fr, String zgh) {
    }

    @Schema(description = "Pillar scores 0..100; null when none of the pillar's indicators had data")
    record Pillars(BigDecimal transparency, BigDecimal access, BigDecimal participation, BigDecimal digital) {
    }

    @Schema(description = "A member's result: score null when the indicators with data weigh less than half; rank null then too (ties share a rank)")
    record Member(String slug, Names names, BigDecimal score, Integer rank, Integer coverage, Integer methodologyVersion, Pillars pillars) {
    }

    record Ranking(Period period, Integer methodologyVersion, Instant computedAt, List<Member> members) {
    }

    @Schema(description = "One indicator: value in its unit (share 0..1, days, per 1,000, count); bounds are a share's 95% Wilson interval; "
            + "score only when status is OK")
    record IndicatorRow(String code, String pillar, @Schema(allowableValues = {"OK", "LOW_COUNT", "NO_DATA", "NOT_APPLICABLE"}) String status,
            BigDecimal value, Long numerator, Long denominator, BigDecimal lowerBound, BigDecimal upperBound, BigDecimal score, int weight) {
    }

    record TrendPoint(String period, BigDecimal score) {
    }

    record MemberDetail(Period period, String slug, Names names, BigDecimal score, Integer rank, Integer coverage, Integer methodologyVersion,
            Instant computedAt, Pillars pillars, List<IndicatorRow> indicators, List<TrendPoint> trend) {
    }

    private final IndexReader reader;
    private final OpennessIndex index;
    private final Methodologies methodologies;
    private final org.springframework.context.MessageSource messages;

    /** A ranking written as JSON, with its entity tag. */
    private record Body(byte[] json, String etag) {
    }

    /**
     * The whole network's ranking as JSON, written once per computation of its period (a new generation is a new key)
     * and kept a few seconds more than that, since the members' names may change: every request for it used to write
     * 1,600 members' results again.
     */
    private final ShortLivedCache<String, Body> rankings;
    private final JsonMapper json;

    IndexApiController(IndexReader reader, OpennessIndex index, Methodologies methodologies, org.springframework.context.MessageSource messages,
            JsonMapper json, @Value("${opencommune.public-cache.max-age:10s}") java.time.Duration maxAge) {
        this.rankings = new ShortLivedCache<>(maxAge, 64);
        this.messages = messages;
        this.reader = reader;
        this.index = index;
        this.methodologies = methodologies;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The ranking of a period: ranked members first, then those without a score")
    @ApiResponse(responseCode = "200", description = "The ranking; its ETag changes when the period is computed again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Ranking.class)))
    ResponseEntity<byte[]> ranking(@Parameter(description = "12m (default), a year (2025) or the month a twelve-month period ends with (2026-11)")
            @RequestParam(required = false) String period) {
        IndexPeriod p = reader.period(period);
        Body body = rankings.get(p.key() + '/' + p.to() + '/' + index.snapshot(p).generation(), () -> {
            List<IndexReader.Ranked> rows = reader.ranking(p, null, null, null, "fr");
            List<Member> members = rows.stream().map(r -> member(r.member(), r.score())).toList();
            MemberScore first = rows.stream().map(IndexReader.Ranked::score).filter(s -> s != null).findFirst().orElse(null);
            byte[] bytes = json.writeValueAsBytes(new Ranking(period(p), first == null ? null : first.methodologyVersion(),
                    first == null ? null : first.computedAt(), members));
            return new Body(bytes, '"' + DigestUtils.md5DigestAsHex(bytes) + '"');
        });
        // An If-None-Match with this tag is answered 304 without a body (HttpEntityMethodProcessor).
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(body.etag()).body(body.json());
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One member's result for a period with every indicator, and its monthly trend")
    MemberDetail member(@PathVariable String slug, @RequestParam(required = false) String period) {
        IndexPeriod p = reader.period(period);
        Collectivity c = reader.member(slug);
        MemberScore s = index.score(c.id(), p).orElse(null);
        var methodology = s == null ? methodologies.current() : methodologies.version(s.methodologyVersion()).orElseGet(methodologies::current);
        List<IndicatorRow> indicators = s == null ? List.of() : index.indicators(c.id(), p).stream().map(v -> row(v, methodology.weight(v.indicator())))
                .toList();
        List<TrendPoint> trend = index.trend(c.id()).stream().map(t -> new TrendPoint(t.periodKey(), t.score())).toList();
        Member m = member(c, s);
        return new MemberDetail(period(p), m.slug(), m.names(), m.score(), m.rank(), m.coverage(), m.methodologyVersion(),
                s == null ? null : s.computedAt(), m.pillars(), indicators, trend);
    }

    /** A malformed or future period: a 400 problem saying which values are accepted. */
    @org.springframework.web.bind.annotation.ExceptionHandler(IndexReader.BadPeriod.class)
    ResponseEntity<org.springframework.http.ProblemDetail> badPeriod(jakarta.servlet.http.HttpServletRequest request,
            java.util.Locale locale) {
        var problem = org.springframework.http.ProblemDetail.forStatus(org.springframework.http.HttpStatus.BAD_REQUEST);
        problem.setTitle(messages.getMessage("error.400.title", null, "Bad request", locale));
        problem.setDetail(messages.getMessage("network.api.period-invalid", null, locale));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static IndicatorRow row(IndicatorValue v, int weight) {
        return new IndicatorRow(v.indicator().code(), v.indicator().pillar().key(), v.status().name(), v.measured(), v.numerator(), v.denominator(),
                v.lowerBound(), v.upperBound(), v.score(), weight);
    }

    private static Member member(Collectivity c, MemberScore s) {
        Names names = new Names(c.names().ar(), c.names().fr(), c.names().zgh());
        if (s == null) {
            return new Member(c.slug(), names, null, null, null, null, new Pillars(null, null, null, null));
        }
        return new Member(c.slug(), names, s.score(), s.rank(), s.coverage(), s.methodologyVersion(), new Pillars(s.pillar(Pillar.TRANSPARENCY),
                s.pillar(Pillar.ACCESS), s.pillar(Pillar.PARTICIPATION), s.pillar(Pillar.DIGITAL)));
    }

    private static Period period(IndexPeriod p) {
        return new Period(p.key(), p.from(), p.to());
    }
}
