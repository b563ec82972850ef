package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The figures of the network's index: projects, and those with a progress update in the last 90 days (issue point 6). */
@IntegrationTest
class ProjectActivityTests {

    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired ProjectReads reads;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    @Test
    void anUpdate90DaysOldIsRecentAnd91DaysOldIsNot() {
        ProjectFixture fx = new ProjectFixture(jdbc, projects, territory, accounts, grants, users);
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        LocalDate today = projects.today();
        for (int days : List.of(89, 90, 91)) {
            long id = fx.project(c, secretary, "Projet " + days, true);
            projects.report(c, fx.user(secretary), id, new Projects.ProgressReport(today.minusDays(days), 0, "Nouvelles.", List.of(), null, null));
        }
        assertThat(reads.activity(c.id(), today)).isEqualTo(new ProjectActivity(3, 2));
        // The next day, the 90-day-old update is 91 days old.
        assertThat(reads.activity(c.id(), today.plusDays(1))).isEqualTo(new ProjectActivity(3, 1));
        // An update dated after the day asked about does not count for that day.
        assertThat(reads.activity(c.id(), today.minusDays(90))).isEqualTo(new ProjectActivity(3, 2));
    }

    @Test
    void cancelledAndUnpublishedProjectsAndStatusChangesAreNotCounted() {
        ProjectFixture fx = new ProjectFixture(jdbc, projects, territory, accounts, grants, users);
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        fx.running(c, secretary, "En cours", 10);
        long cancelled = fx.running(c, secretary, "Annulé", 10);
        projects.changeStatus(c, fx.user(secretary), cancelled, ProjectStatus.CANCELLED, "Abandon");
        long draft = fx.project(c, secretary, "Brouillon", false);
        projects.report(c, fx.user(secretary), draft, new Projects.ProgressReport(projects.today(), 0, "Interne.", List.of(), null, null));
        long started = fx.project(c, secretary, "Démarré", true);
        projects.changeStatus(c, fx.user(secretary), started, ProjectStatus.IN_PROGRESS, null);
        assertThat(reads.activity(c.id(), projects.today())).isEqualTo(new ProjectActivity(2, 1));
    }

    @Test
    void taroudantsDemoHasRecentAndOlderProjects() {
        Collectivity taroudant = territory.require("taroudant");
        ProjectActivity a = reads.activity(taroudant.id(), projects.today());
        assertThat(a.projects()).isEqualTo(14);
        assertThat(a.updatedRecently()).isBetween(1L, 13L);
    }
}
