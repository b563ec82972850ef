package ma.opencommune.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Acts as a demo or test account in MockMvc requests, with the same principal a real login produces. */
public final class Logins {

    private Logins() {
    }

    public static RequestPostProcessor as(UserDetailsService users, String email) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(email));
    }
}
