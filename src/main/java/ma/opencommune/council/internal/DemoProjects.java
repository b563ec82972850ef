package ma.opencommune.council.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import ma.opencommune.council.ProjectDetail;
import ma.opencommune.council.ProjectReads;
import ma.opencommune.council.ProjectSector;
import ma.opencommune.council.ProjectStatus;
import ma.opencommune.council.internal.DemoProjectPlans.Plan;
import ma.opencommune.council.internal.DemoProjectPlans.Share;
import ma.opencommune.platform.DemoMode;
import ma.opencommune.platform.Morocco;
import ma.opencommune.platform.Sql;
import ma.opencommune.platform.TextFold;
import ma.opencommune.platform.storage.FileStore;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data (issue point 8): Taroudant's fifteen projects of {@link DemoProjectPlans}, published, with their funding,
 * a timeline following the aggregate's order (started, progress updates, then suspended, completed or cancelled),
 * small generated photos, links to the first commitments of Taroudant's published programme and to the council's
 * published decisions (DemoCouncil runs first). Loaded once.
 */
@Component
@Order(62)
class DemoProjects implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoProjects.class);
    /** A word of the title of the demo council's decision that launched the projects of a sector. */
    private static final Map<ProjectSector, String> DECIDED_BY = Map.of(ProjectSector.LIGHTING, "éclairage", ProjectSector.WATER, "ONEE",
            ProjectSector.HEALTH, "santé", ProjectSector.ECONOMY, "marché", ProjectSector.ROADS, "excédent");

    private final JdbcClient jdbc;
    private final DemoMode demo;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Territory territory;
    private final FileStore files;
    private final ProjectReads reads;

    DemoProjects(JdbcClient jdbc, DemoMode demo, TransactionTemplate tx, Clock clock, Territory territory, FileStore files, ProjectReads reads) {
        this.jdbc = jdbc;
        this.demo = demo;
        this.tx = tx;
        this.clock = clock;
        this.territory = territory;
        this.files = files;
        this.reads = reads;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        Optional<Collectivity> taroudant = territory.find("taroudant");
        if (taroudant.isEmpty() || jdbc.sql("select count(*) from council_project where collectivity_id = ?").param(taroudant.get().id())
                .query(Integer.class).single() > 0) {
            return;
        }
        Collectivity c = taroudant.get();
        LocalDate today = LocalDate.ofInstant(Instant.now(clock), Morocco.ZONE);
        Long staff = jdbc.sql("select id from account where email_normalized = 'staff@taroudant.demo'").query(Long.class).optional().orElse(null);
        List<ProjectDetail.Commitment> commitments = reads.commitmentChoices(c);
        // The council's published, adopted decisions (DemoCouncil ran before): the works they launched, matched by their title.
        Map<Long, String> decisions = new LinkedHashMap<>();
        jdbc.sql("select d.id, d.title_fr from council_decision d join council_session s on s.id = d.session_id"
                + " where d.collectivity_id = ? and d.status = 'PUBLISHED' and d.outcome = 'ADOPTED' and d.title_fr is not null order by s.held_on, d.id")
                .param(c.id()).query((ResultSet rs) -> {
                    decisions.put(rs.getLong(1), rs.getString(2));
                });
        tx.executeWithoutResult(s -> {
            int n = 0;
            for (Plan plan : DemoProjectPlans.PLANS) {
                long id = project(c, plan, staff, today);
                if (n < commitments.size() && n < 4) {
                    jdbc.sql("insert into council_project_commitment (project_id, collectivity_id, commitment_id) values (?, ?, ?)")
                            .params(id, c.id(), commitments.get(n).id()).update();
                }
                String word = DECIDED_BY.get(plan.sector());
                decisions.entrySet().stream().filter(d -> word != null && d.getValue().contains(word)).findFirst().ifPresent(d ->
                        jdbc.sql("insert into council_project_decision (collectivity_id, project_id, decision_id) values (?, ?, ?)")
                                .params(c.id(), id, d.getKey()).update());
                n++;
            }
        });
        log.info("Demo projects loaded ({} in Taroudant)", DemoProjectPlans.PLANS.size());
    }

    private long project(Collectivity c, Plan p, Long staff, LocalDate today) {
        LocalDate start = today.minusMonths(p.startedMonthsAgo());
        LocalDate end = start.plusMonths(p.months());
        Instant now = Instant.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into council_project (collectivity_id, title_ar, title_fr, description_ar, description_fr, search_text, sector, status,
                    latitude, longitude, area_geojson, cost_mad, contractor, starts_on, ends_on, progress, published, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?)""")
                .params(c.id(), p.titleAr(), p.titleFr(), p.descriptionAr(), p.descriptionFr(),
                        TextFold.fold(String.join(" ", p.titleAr(), p.titleFr(), p.descriptionAr(), p.descriptionFr(), p.contractor() == null ? "" : p.contractor())),
                        p.sector().name(), p.status().name(), BigDecimal.valueOf(p.lat()), BigDecimal.valueOf(p.lon()), p.area(),
                        BigDecimal.valueOf(p.cost()), p.contractor(), start, end, p.progress(), staff, Sql.at(now), Sql.at(now))
                .update(key, "id");
        long id = key.getKey().longValue();
        int position = 0;
        for (Share share : p.funding()) {
            jdbc.sql("insert into council_project_funding (project_id, collectivity_id, position, name, amount_mad) values (?, ?, ?, ?, ?)")
                    .params(id, c.id(), position++, share.name(), BigDecimal.valueOf(p.cost() * share.percent() / 100)).update();
        }
        LocalDate last = timeline(c, id, p, staff, start, end, today);
        jdbc.sql("update council_project set last_update_on = ? where id = ?").params(last, id).update();
        return id;
    }

    /** The entries of a project's timeline in the order the aggregate allows them; returns the last entry's day. */
    private LocalDate timeline(Collectivity c, long id, Plan p, Long staff, LocalDate start, LocalDate end, LocalDate today) {
        if (p.status() == ProjectStatus.PLANNED) {
            return null;
        }
        if (p.status() == ProjectStatus.CANCELLED) {
            LocalDate on = today.minusMonths(2);
            entry(c, id, "STATUS", on, 0, ProjectStatus.CANCELLED, "Projet repris par l’ONEE dans le programme provincial d’eau potable.", staff);
            return on;
        }
        entry(c, id, "STATUS", start, 0, ProjectStatus.IN_PROGRESS, "Ordre de service notifié à l’entreprise.", staff);
        // Progress updates spread between the start and the latest day the plan reached (its end, or three weeks ago).
        LocalDate until = p.status() == ProjectStatus.COMPLETED ? end.minusDays(7)
                : p.status() == ProjectStatus.SUSPENDED ? today.minusMonths(2) : today.minusDays(20);
        long span = Math.max(1, until.toEpochDay() - start.toEpochDay());
        LocalDate last = start;
        for (int i = 1; i <= p.updates(); i++) {
            LocalDate on = start.plusDays(span * i / p.updates());
            int percent = p.status() == ProjectStatus.COMPLETED ? Math.min(95, 100 * i / (p.updates() + 1) + 40) : p.progress() * i / p.updates();
            long update = entry(c, id, "PROGRESS", on, percent, null, UPDATES[(int) ((id + i) % UPDATES.length)], staff);
            if (p.photos()) {
                photo(c, id, update, (int) (id * 7 + i));
            }
            last = on;
        }
        if (p.status() == ProjectStatus.SUSPENDED) {
            last = today.minusMonths(1);
            entry(c, id, "STATUS", last, p.progress(), ProjectStatus.SUSPENDED, "Travaux arrêtés en attente d’une étude géotechnique complémentaire.", staff);
        } else if (p.status() == ProjectStatus.COMPLETED) {
            last = end;
            entry(c, id, "STATUS", end, 100, ProjectStatus.COMPLETED, "Réception provisoire prononcée.", staff);
        }
        return last;
    }

    private static final String[] UPDATES = {
        "تقدم الأشغال وفق الجدول الزمني. Les travaux avancent selon le planning.",
        "Fin du gros œuvre de la première tranche ; la deuxième tranche commence.",
        "انتهاء أشغال الحفر ووضع القنوات في المقطع الأول.",
        "Visite de chantier avec le comité de suivi et les habitants du quartier.",
        "Livraison des matériaux et reprise des travaux après les pluies."};

    private long entry(Collectivity c, long id, String kind, LocalDate on, int progress, ProjectStatus to, String text, Long staff) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into council_project_update (project_id, collectivity_id, kind, reported_on, progress, status_to, text, created_by, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, c.id(), kind, on, progress, to == null ? null : to.name(), text, staff, Sql.at(Instant.now(clock))).update(key, "id");
        return key.getKey().longValue();
    }

    private void photo(Collectivity c, long projectId, long updateId, int seed) {
        byte[] png = png(seed);
        try {
            String key = files.put(new ByteArrayInputStream(png), "chantier.png", "image/png");
            jdbc.sql("insert into council_project_photo (update_id, project_id, collectivity_id, storage_key, file_name, content_type, size_bytes,"
                    + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(updateId, projectId, c.id(), key, "chantier-" + updateId + ".png", "image/png", png.length, Sql.at(Instant.now(clock)))
                    .update();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small picture of a building site: sky, earth-coloured walls of the Souss, a crane. */
    static byte[] png(int seed) {
        BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(135, 190, 230));
        g.fillRect(0, 0, 240, 160);
        g.setColor(new Color(196, 132, 82));
        g.fillRect(0, 110, 240, 50);
        int walls = 2 + seed % 3;
        List<int[]> boxes = new ArrayList<>();
        for (int i = 0; i < walls; i++) {
            boxes.add(new int[] {15 + i * 70, 60 + (seed * (i + 3)) % 35, 55, 110});
        }
        g.setColor(new Color(170, 98, 60));
        boxes.forEach(b -> g.fillRect(b[0], b[1], b[2], b[3] - b[1]));
        g.setColor(new Color(240, 180, 0));
        int x = 40 + seed % 150;
        g.fillRect(x, 20, 5, 90);
        g.fillRect(x - 30, 20, 80, 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
