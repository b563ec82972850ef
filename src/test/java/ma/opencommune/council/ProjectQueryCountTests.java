package ma.opencommune.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.RoleGrants;
import ma.opencommune.platform.storage.Upload;
import ma.opencommune.support.IntegrationTest;
import ma.opencommune.support.Logins;
import ma.opencommune.support.QueryCounting;
import ma.opencommune.territory.Collectivity;
import ma.opencommune.territory.Territory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** No page of the projects does a query per project, funding row, update or photo. */
@IntegrationTest
class ProjectQueryCountTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Projects projects;
    @Autowired Territory territory;
    @Autowired Accounts accounts;
    @Autowired RoleGrants grants;
    @Autowired UserDetailsService users;

    long statements(String url, String user) throws Exception {
        var request = user == null ? get(url) : get(url).with(Logins.as(users, user));
        mvc.perform(request).andExpect(status().isOk()); // warm caches
        QueryCounting.reset();
        mvc.perform(user == null ? get(url) : get(url).with(Logins.as(users, user))).andExpect(status().isOk());
        return QueryCounting.statements();
    }

    @Test
    void listsMapGeoJsonCsvAndAdminListCostTheSameFor3And40Projects() throws Exception {
        ProjectFixture fx = new ProjectFixture(jdbc, projects, territory, accounts, grants, users);
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        List<String> urls = List.of("/fr/c/" + c.slug() + "/projects", "/fr/c/" + c.slug() + "/projects/map",
                "/fr/c/" + c.slug() + "/projects?sector=ROADS&q=projet", "/api/v1/collectivities/" + c.slug() + "/projects",
                "/api/v1/collectivities/" + c.slug() + "/projects.geojson", "/fr/c/" + c.slug() + "/projects.csv");
        for (int i = 0; i < 3; i++) {
            fx.running(c, secretary, "Projet " + i, 10);
        }
        long[] three = new long[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            three[i] = statements(urls.get(i), null);
        }
        long adminThree = statements("/fr/c/" + c.slug() + "/admin/projects", secretary);
        for (int i = 3; i < 40; i++) {
            fx.running(c, secretary, "Projet " + i, 10);
        }
        for (int i = 0; i < urls.size(); i++) {
            assertThat(statements(urls.get(i), null)).as(urls.get(i)).isEqualTo(three[i]);
        }
        assertThat(statements("/fr/c/" + c.slug() + "/admin/projects", secretary)).isEqualTo(adminThree);
    }

    @Test
    void aProjectsPageCostsTheSameWith1And12UpdatesWithPhotos() throws Exception {
        ProjectFixture fx = new ProjectFixture(jdbc, projects, territory, accounts, grants, users);
        Collectivity c = fx.collectivity();
        String secretary = fx.secretary(c);
        long id = fx.running(c, secretary, "Chantier", 5);
        String page = "/fr/c/" + c.slug() + "/projects/" + id;
        String api = "/api/v1/collectivities/" + c.slug() + "/projects/" + id;
        String admin = "/fr/c/" + c.slug() + "/admin/projects/" + id;
        long one = statements(page, null);
        long oneApi = statements(api, null);
        long oneAdmin = statements(admin, secretary);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1};
        for (int i = 0; i < 11; i++) {
            projects.report(c, fx.user(secretary), id, new Projects.ProgressReport(projects.today(), 10 + i, "Étape " + i,
                    List.of(new Upload(png, "p.png", Upload.FileType.PNG), new Upload(png, "q.png", Upload.FileType.PNG)), null, null));
        }
        assertThat(statements(page, null)).isEqualTo(one);
        assertThat(statements(api, null)).isEqualTo(oneApi);
        assertThat(statements(admin, secretary)).isEqualTo(oneAdmin);
    }
}
