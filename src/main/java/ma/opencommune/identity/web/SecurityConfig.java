package ma.opencommune.identity.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.identity.Access;
import ma.opencommune.identity.internal.LoginThrottle;
import org.springframework.security.authorization.AuthorizationDecision;
import ma.opencommune.platform.Lang;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Web security: form login per language, throttled; API tokens as Bearer; CSRF on every form; a strict
 * Content-Security-Policy (no inline script), nosniff, frame-ancestors none, referrer policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The policy with the projects map's tile server (opencommune.map.tile-url) added to img-src only: the map's tiles
     * are images from that origin; scripts and everything else stay on this site.
     */
    static String csp(String tileUrl) {
        java.util.regex.Matcher origin = java.util.regex.Pattern.compile("^(https?://)([A-Za-z0-9.{}-]+)(:[0-9]{1,5})?/").matcher(
                tileUrl == null ? "" : tileUrl.strip());
        if (!origin.find()) {
            return CSP;
        }
        // Leaflet's {s} sub-domain placeholder becomes a wildcard sub-domain.
        String host = origin.group(2).replace("{s}", "*");
        if (host.contains("{") || host.contains("}")) {
            return CSP;
        }
        return CSP.replace("img-src 'self' data:;", "img-src 'self' data: " + origin.group(1) + host
                + (origin.group(3) == null ? "" : origin.group(3)) + ";");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        encoders.put("argon2", argon2);
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        return new DelegatingPasswordEncoder("argon2", encoders);
    }

    /** The bearer filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<BearerTokenFilter> bearerFilterRegistration(BearerTokenFilter filter) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, AccountUserService users, PasswordEncoder encoder, LoginThrottle throttle,
            BearerTokenFilter bearer, Access access,
            @org.springframework.beans.factory.annotation.Value("${opencommune.map.tile-url:https://tile.openstreetmap.org/{z}/{x}/{y}.png}")
            String tileUrl) throws Exception {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        // "Unconfirmed" is said only after the password is right, so it tells nothing to someone guessing.
        dao.setPreAuthenticationChecks(user -> { });
        dao.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("unconfirmed");
            }
        });
        RequestMatcher api = request -> pathOf(request).startsWith("/api/") || pathOf(request).startsWith("/actuator/");
        RequestMatcher bearerRequest = request -> api.matches(request) && request.getHeader("Authorization") != null;
        // An API call without a session cookie carries no ambient credentials to forge: it is anonymous (a 401 from
        // the endpoint, not a 403 from the CSRF filter). Browser calls with a session still need the token.
        RequestMatcher sessionlessApi = request -> api.matches(request) && request.getRequestedSessionId() == null;

        http
            .authorizeHttpRequests(a -> a
                .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
                .requestMatchers("/*/account", "/*/account/**", "/*/c/*/admin", "/*/c/*/admin/**", "/*/admin/**", "/*/network/admin",
                        "/*/network/admin/**", "/*/network/review/**").authenticated()
                .requestMatchers("/api/v1/me", "/api/v1/collectivities/*/admin/**").authenticated()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // Metrics tell an attacker too much: platform administrators only (a scraper uses an admin's token).
                .requestMatchers("/actuator/**").access((auth, context) -> new AuthorizationDecision(
                        auth.get() != null && auth.get().getPrincipal() instanceof AccountUser user && access.isPlatformAdmin(user)))
                .anyRequest().permitAll())
            // One provider and no parent manager: a throttled login must not be retried by a default provider.
            .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle)))
            .formLogin(f -> f
                .loginPage("/ar/login")
                .loginProcessingUrl("/login")
                .usernameParameter("email")
                .passwordParameter("password")
                .successHandler(new LangSuccessHandler())
                .failureHandler(SecurityConfig::loginFailed))
            .logout(l -> l
                .logoutUrl("/logout")
                .logoutSuccessHandler((request, response, auth) ->
                        response.sendRedirect(request.getContextPath() + "/" + langParam(request).code() + "/")))
            .exceptionHandling(e -> e
                // Both as per-matcher defaults: an explicit authenticationEntryPoint(...) would replace the API's
                // 401 problem detail with the login redirect.
                .defaultAuthenticationEntryPointFor(SecurityConfig::apiUnauthorized, api)
                .defaultAuthenticationEntryPointFor(loginEntryPoint(), AnyRequestMatcher.INSTANCE))
            .csrf(c -> c.csrfTokenRequestHandler(new MultipartCsrfTokens()).ignoringRequestMatchers(bearerRequest, sessionlessApi))
            .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
            .headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(csp(tileUrl)))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("geolocation=(), camera=(), microphone=()")));
        return http.build();
    }

    /** Anonymous visitors of a protected page go to the login page in the page's language. */
    private static AuthenticationEntryPoint loginEntryPoint() {
        return (request, response, ex) -> {
            Lang lang = Lang.fromPath(pathOf(request)).orElse(Lang.AR);
            new org.springframework.security.web.savedrequest.HttpSessionRequestCache().saveRequest(request, response);
            response.sendRedirect(request.getContextPath() + "/" + lang.code() + "/login");
        };
    }

    private static void apiUnauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        writeUnauthorized(request, response, "Bearer");
    }

    /** A 401 problem detail titled in the caller's language. */
    static void writeUnauthorized(HttpServletRequest request, HttpServletResponse response, String challenge) throws IOException {
        Lang lang = Lang.fromAcceptLanguage(request.getHeader("Accept-Language"));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("WWW-Authenticate", challenge);
        String title = switch (lang) {
            case FR -> "Authentification requise";
            case ZGH -> "ⵉⵇⵇⴰⵏ ⵓⵙⵏⵓⴱⴳ";
            case EN -> "Authentication required";
            default -> "المصادقة مطلوبة";
        };
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":401,\"instance\":\""
                + pathOf(request).replace("\"", "") + "\"}");
    }

    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof ThrottledAuthenticationProvider.TooManyAttempts ? "throttled"
                : e instanceof DisabledException ? "unconfirmed" : "credentials";
        response.sendRedirect(request.getContextPath() + "/" + langParam(request).code() + "/login?error=" + reason);
    }

    static Lang langParam(HttpServletRequest request) {
        return Lang.of(String.valueOf(request.getParameter("lang"))).orElse(Lang.AR);
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** After login: back to the page that asked for it, else to the home page in the login form's language. */
    static class LangSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response) {
            return "/" + langParam(request).code() + "/account";
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                org.springframework.security.core.Authentication authentication) throws jakarta.servlet.ServletException, IOException {
            setDefaultTargetUrl(determineTargetUrl(request, response));
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
