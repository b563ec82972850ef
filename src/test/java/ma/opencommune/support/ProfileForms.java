package ma.opencommune.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The staff form of a collectivity's public contacts, filled in as a staff administrator would. */
public final class ProfileForms {

    private ProfileForms() {
    }

    public static MockHttpServletRequestBuilder profile(String slug, String officerEmail, String addressAr, String accent) {
        return post("/fr/c/" + slug + "/admin/profile").with(csrf())
                .param("contactEmail", "mairie@tiznit.demo").param("contactPhone", "+212 5 28 86 00 00")
                .param("addressAr", addressAr).param("addressFr", "Place du Mechouar, Tiznit")
                .param("website", "https://tiznit.demo").param("officerName", "Said Oumoussa")
                .param("officerEmail", officerEmail).param("officerPhone", "0528860010").param("accent", accent);
    }
}
