package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PDP-3: deleting an agent's account keeps their petitions, without the agent. V10 declared {@code petition.agent_id}
 * a plain foreign key, named by each engine in its own way (PostgreSQL {@code petition_agent_id_fkey}, H2 a generated
 * name): its name is read from the database's metadata, the key dropped and declared again "on delete set null".
 */
public class V15__PetitionAgentOnDeleteSetNull extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        String schema = connection.getSchema();
        for (String table : new String[] {"petition", "PETITION"}) {
            try (ResultSet keys = connection.getMetaData().getImportedKeys(null, schema, table)) {
                while (keys.next()) {
                    if ("agent_id".equalsIgnoreCase(keys.getString("FKCOLUMN_NAME")) && !names.contains(keys.getString("FK_NAME"))) {
                        names.add(keys.getString("FK_NAME"));
                    }
                }
            }
        }
        if (names.size() != 1) {
            throw new IllegalStateException("expected one foreign key on petition.agent_id, found " + names);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table petition drop constraint \"" + names.get(0) + "\"");
            ddl.execute("alter table petition add constraint fk_petition_agent foreign key (agent_id) references account (id) on delete set null");
        }
    }
}
