package ma.opencommune.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/** Ends every session of an account on every node (sessions live in the database), e.g. after a password reset. */
@Component
public class SessionTerminator {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    public SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    public void endAllSessionsOf(String username) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null || username == null) {
            return;
        }
        repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
    }
}
