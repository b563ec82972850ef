package ma.opencommune.petitions;

import java.util.UUID;
import ma.opencommune.identity.AccountUser;
import ma.opencommune.territory.Collectivity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Petitions and signatures for tests: a citizens' draft, and paper rows standing for people who signed. */
public final class PetitionFixtures {

    private PetitionFixtures() {
    }

    public static Petitions.Draft citizens(String title) {
        return new Petitions.Draft(PetitionKind.CITIZENS, title, "Objet de la pétition.", "Motifs de la pétition.",
                "Action demandée au conseil.", "fr", null, null, null, null);
    }

    /** A draft of {@code agent}, opened when asked. */
    public static long petition(Petitions petitions, Collectivity c, AccountUser agent, String title, boolean open) {
        long id = petitions.draft(c, agent, citizens(title));
        if (open) {
            petitions.open(c, id, agent);
        }
        return id;
    }

    /** {@code n} signatures of distinct people, as rows (source ONLINE or PAPER). */
    public static void signatures(JdbcClient jdbc, Collectivity c, long petitionId, int n, String source) {
        for (int i = 0; i < n; i++) {
            jdbc.sql("insert into petition_signature (petition_id, collectivity_id, cin_hash, source, basis, signed_at)"
                    + " values (?, ?, ?, ?, 'RESIDENT', current_timestamp)")
                    .params(petitionId, c.id(), UUID.randomUUID().toString().replace("-", ""), source).update();
        }
    }
}
