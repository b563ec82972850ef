package ma.opencommune.network.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.opencommune.network.Evidence;
import ma.opencommune.network.IndexPeriod;
import ma.opencommune.network.Indicator;
import ma.opencommune.network.IndicatorEvidence;
import ma.opencommune.network.IndicatorValue;
import ma.opencommune.network.MemberScore;
import ma.opencommune.network.Methodologies;
import ma.opencommune.network.Methodology;
import ma.opencommune.network.OpennessIndex;
import ma.opencommune.network.Pillar;
import ma.opencommune.platform.BarChart;
import ma.opencommune.platform.CsvWriter;
import ma.opencommune.platform.Lang;
import ma.opencommune.platform.NotFoundException;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.CollectivityType;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import ma.opencommune.platform.web.SameForEveryAnonymousVisitor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The openness index's public pages: the ranking with its filters and CSV export, a member's page (pillars, trend and
 * every indicator) and the drill-down of one indicator to the public records behind it. Every figure comes from the
 * stored results; a member without a score is shown as such, never with a zero.
 */
@Controller
@RequestMapping(Lang.PATH + "/network")
class IndexPagesController {

    private final IndexReader reader;
    private final OpennessIndex index;
    private final Methodologies methodologies;
    private final IndicatorEvidence evidence;
    private final IndexFormat format;
    private final MessageSource messages;

    IndexPagesController(IndexReader reader, OpennessIndex index, Methodologies methodologies, IndicatorEvidence evidence, IndexFormat format,
            MessageSource messages) {
        this.reader = reader;
        this.index = index;
        this.methodologies = methodologies;
        this.evidence = evidence;
        this.format = format;
        this.messages = messages;
    }

    /** Members per page of the ranking: a phone's page stays light, and a page is rendered once for all anonymous visitors. */
    static final int PAGE_SIZE = 50;

    @GetMapping("/index")
    @SameForEveryAnonymousVisitor
    String ranking(Lang lang, @RequestParam(required = false) String period, @RequestParam(required = false) String type,
            @RequestParam(required = false) String region, @RequestParam(required = false) String cohort,
            @RequestParam(required = false) String page, HttpServletResponse response, Model model) {
        IndexPeriod p = reader.find(period).orElse(null);
        if (p == null) {
            return reader.badPeriod(response, model);
        }
        List<Collectivity> regions = reader.regions();
        Collectivity regionFilter = regions.stream().filter(r -> r.slug().equals(region)).findFirst().orElse(null);
        java.util.Set<String> cohorts = reader.cohorts();
        String cohortFilter = cohort != null && cohorts.contains(cohort) ? cohort : null;
        CollectivityType typeFilter = IndexReader.type(type);
        List<IndexReader.Ranked> all = reader.ranking(p, typeFilter, regionFilter == null ? null : regionFilter.id(), cohortFilter, lang.code());
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(pages, Math.max(1, parsePage(page)));
        List<IndexReader.Ranked> rows = all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", all.size());
        Map<Long, Collectivity> regionsById = new LinkedHashMap<>();
        regions.forEach(r -> regionsById.put(r.id(), r));
        model.addAttribute("period", p);
        model.addAttribute("periods", reader.periods());
        model.addAttribute("rows", rows);
        model.addAttribute("regions", regions);
        model.addAttribute("regionsById", regionsById);
        model.addAttribute("cohorts", cohorts);
        model.addAttribute("types", CollectivityType.values());
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("selectedType", typeFilter == null ? "" : typeFilter.name());
        model.addAttribute("selectedRegion", regionFilter == null ? "" : regionFilter.slug());
        model.addAttribute("selectedCohort", cohortFilter == null ? "" : cohortFilter);
        model.addAttribute("lastComputed", index.lastComputed().orElse(null));
        return "network/index/ranking";
    }

    private static int parsePage(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.trim());
        } catch (NumberFormatException notANumber) {
            return 1;
        }
    }

    /** One row per member with every indicator's status, value and score, streamed. */
    @GetMapping("/index.csv")
    void csv(Lang lang, @RequestParam(required = false) String period, HttpServletResponse response) throws IOException {
        IndexPeriod p = reader.find(period).orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
                org.springframework.http.HttpStatus.BAD_REQUEST));
        List<IndexReader.Ranked> rows = reader.ranking(p, null, null, null, "fr");
        Map<Long, List<IndicatorValue>> values = index.indicators(p);
        response.setContentType(CsvWriter.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"openness-index-" + p.param() + ".csv\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        CsvWriter csv = CsvWriter.withBom(response.getOutputStream());
        List<String> head = new ArrayList<>(List.of("period", "rank", "slug", "name_ar", "name_fr", "type", "cohort", "score", "coverage",
                "methodology_version", "transparency", "access", "participation", "digital"));
        for (Indicator i : Indicator.values()) {
            head.addAll(List.of(i.code() + "_status", i.code() + "_value", i.code() + "_numerator", i.code() + "_denominator", i.code() + "_score"));
        }
        csv.row(head.toArray(String[]::new));
        for (IndexReader.Ranked r : rows) {
            MemberScore s = r.score();
            List<String> cells = new ArrayList<>(List.of(p.key(), s == null || s.rank() == null ? "" : s.rank().toString(), r.member().slug(),
                    nz(r.member().names().ar()), nz(r.member().names().fr()), r.member().type().name(), nz(r.member().membership().cohort()),
                    s == null ? "" : plain(s.score()), s == null ? "" : String.valueOf(s.coverage()),
                    s == null ? "" : String.valueOf(s.methodologyVersion())));
            for (Pillar pillar : Pillar.values()) {
                cells.add(s == null ? "" : plain(s.pillar(pillar)));
            }
            Map<Indicator, IndicatorValue> byIndicator = new EnumMap<>(Indicator.class);
            values.getOrDefault(r.member().id(), List.of()).forEach(v -> byIndicator.put(v.indicator(), v));
            for (Indicator i : Indicator.values()) {
                IndicatorValue v = byIndicator.get(i);
                cells.addAll(v == null ? List.of("", "", "", "", "") : List.of(v.status().name(), plain(v.measured()),
                        v.numerator() == null ? "" : v.numerator().toString(), v.denominator() == null ? "" : v.denominator().toString(),
                        plain(v.score())));
            }
            csv.row(cells.toArray(String[]::new));
        }
        csv.flush();
    }

    @GetMapping("/index/{slug}")
    @SameForEveryAnonymousVisitor
    String member(Lang lang, @PathVariable String slug, @RequestParam(required = false) String period, HttpServletResponse response,
            Model model) {
        Collectivity member = reader.member(slug);
        IndexPeriod p = reader.find(period).orElse(null);
        if (p == null) {
            return reader.badPeriod(response, model);
        }
        MemberScore score = index.score(member.id(), p).orElse(null);
        List<IndicatorValue> values = score == null ? List.of() : index.indicators(member.id(), p);
        Methodology methodology = score == null ? methodologies.current() : methodologies.version(score.methodologyVersion()).orElseGet(methodologies::current);
        List<MemberScore> trend = index.trend(member.id());
        model.addAttribute("member", member);
        model.addAttribute("period", p);
        model.addAttribute("periods", reader.periods());
        model.addAttribute("score", score);
        model.addAttribute("methodology", methodology);
        model.addAttribute("byPillar", byPillar(values));
        model.addAttribute("pillars", Pillar.values());
        model.addAttribute("trend", trend);
        model.addAttribute("pillarChart", score == null ? null : pillarChart(score, lang));
        model.addAttribute("trendChart", trend.isEmpty() ? null : trendChart(trend, lang));
        return "network/index/member";
    }

    @GetMapping("/index/{slug}/{code}")
    @SameForEveryAnonymousVisitor
    String indicator(Lang lang, @PathVariable String slug, @PathVariable String code, @RequestParam(required = false) String period,
            HttpServletResponse response, Model model) {
        Collectivity member = reader.member(slug);
        Indicator indicator = Indicator.ofCode(code).orElseThrow(() -> new NotFoundException("indicator " + code));
        IndexPeriod p = reader.find(period).orElse(null);
        if (p == null) {
            return reader.badPeriod(response, model);
        }
        MemberScore score = index.score(member.id(), p).orElse(null);
        IndicatorValue value = score == null ? null
                : index.indicators(member.id(), p).stream().filter(v -> v.indicator() == indicator).findFirst().orElse(null);
        Methodology methodology = score == null ? methodologies.current() : methodologies.version(score.methodologyVersion()).orElseGet(methodologies::current);
        Evidence ev = evidence.of(indicator, member, p);
        model.addAttribute("member", member);
        model.addAttribute("indicator", indicator);
        model.addAttribute("period", p);
        model.addAttribute("score", score);
        model.addAttribute("value", value);
        model.addAttribute("methodology", methodology);
        model.addAttribute("evidence", ev);
        model.addAttribute("more", Math.max(0, ev.total() - ev.rows().size()));
        return "network/index/indicator";
    }

    static Map<Pillar, List<IndicatorValue>> byPillar(List<IndicatorValue> values) {
        Map<Pillar, List<IndicatorValue>> byPillar = new EnumMap<>(Pillar.class);
        for (Pillar p : Pillar.values()) {
            byPillar.put(p, new ArrayList<>());
        }
        values.forEach(v -> byPillar.get(v.indicator().pillar()).add(v));
        return byPillar;
    }

    private BarChart pillarChart(MemberScore score, Lang lang) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (Pillar p : Pillar.values()) {
            BigDecimal v = score.pillar(p);
            List<Double> values = new ArrayList<>();
            values.add(v == null ? null : v.doubleValue());
            groups.add(new BarChart.Group(text("network.pillar." + p.key(), lang), values));
        }
        return BarChart.of("index-pillars", text("network.index.member.pillars", lang), text("network.index.member.pillars.desc", lang), lang.rtl(),
                List.of(text("network.index.col.score", lang)), groups, 100, d -> format.decimal(BigDecimal.valueOf(d), lang),
                text("network.index.no-data-short", lang));
    }

    private BarChart trendChart(List<MemberScore> trend, Lang lang) {
        List<BarChart.Group> groups = new ArrayList<>();
        for (MemberScore s : trend) {
            List<Double> values = new ArrayList<>();
            values.add(s.score() == null ? null : s.score().doubleValue());
            groups.add(new BarChart.Group(s.periodKey().substring(1), values));
        }
        return BarChart.of("index-trend", text("network.index.member.trend", lang), text("network.index.member.trend.desc", lang), lang.rtl(),
                List.of(text("network.index.col.score", lang)), groups, 100, d -> format.decimal(BigDecimal.valueOf(d), lang),
                text("network.index.no-data-short", lang));
    }

    private String text(String key, Lang lang) {
        return messages.getMessage(key, null, lang.locale());
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
