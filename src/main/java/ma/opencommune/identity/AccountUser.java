package ma.opencommune.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in person. Roles are deliberately not cached here: every authorization decision reads the
 * current grants, so a revoked role stops working at once on every node.
 */
public final class AccountUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private final String displayName;
    private final String preferredLang;
    private final boolean confirmed;
    private String passwordHash;

    public AccountUser(long id, String email, String displayName, String preferredLang, boolean confirmed, String passwordHash) {
        this.id = id;
        this.email = email;
        this.displayName = displayName;
        this.preferredLang = preferredLang;
        this.confirmed = confirmed;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String preferredLang() {
        return preferredLang;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** Unconfirmed accounts cannot log in until the mail link is followed. */
    @Override
    public boolean isEnabled() {
        return confirmed;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
