package ma.opencommune.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import ma.opencommune.identity.Accounts;
import ma.opencommune.identity.internal.LoginThrottle;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Password login with throttling in front: a blocked email or address is refused before the password is checked. */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    /** Raised while too many recent failures block the login. */
    static class TooManyAttempts extends AuthenticationException {
        TooManyAttempts() {
            super("too many attempts");
        }
    }

    private final DaoAuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = Accounts.normalizeEmail(String.valueOf(authentication.getPrincipal()));
        String address = clientAddress();
        if (!throttle.attemptAllowed(email, address)) {
            throw new TooManyAttempts();
        }
        Authentication result = delegate.authenticate(authentication);
        throttle.succeeded(email);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
