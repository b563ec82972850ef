package ma.opencommune.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that carry {@code Authorization: Bearer oc_...}; a bad token is a 401, never a fallback to anonymous. */
@Component
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountUserService users;

    BearerTokenFilter(ApiTokens tokens, AccountUserService users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = SecurityConfig.pathOf(request);
        return !(path.startsWith("/api/") || path.startsWith("/actuator/")) || request.getHeader("Authorization") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<AccountUser> user = Optional.empty();
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = tokens.authenticate(header.substring(7).trim()).flatMap(id -> {
                try {
                    return Optional.of(users.byId(id));
                } catch (UsernameNotFoundException gone) {
                    return Optional.empty();
                }
            });
        }
        if (user.isEmpty() || !user.get().isEnabled()) {
            SecurityConfig.writeUnauthorized(request, response, "Bearer error=\"invalid_token\"");
            return;
        }
        AccountUser account = user.get();
        account.eraseCredentials();
        var auth = UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
