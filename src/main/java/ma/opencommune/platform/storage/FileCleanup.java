package ma.opencommune.platform.storage;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps stored files in step with the rows that name them: a file written in a transaction that rolls back is
 * removed, and a file whose row was replaced or deleted is removed once the change is committed. Outside a
 * transaction both act at once.
 */
public final class FileCleanup {

    private static final Logger log = LoggerFactory.getLogger(FileCleanup.class);

    private FileCleanup() {
    }

    /** The file was just written for a row of the current transaction: it goes if the transaction does not commit. */
    public static void discardOnRollback(FileStore files, String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        delete(files, key);
                    }
                }
            });
        }
    }

    /** No row names the file any more once the current transaction commits. */
    public static void deleteAfterCommit(FileStore files, String key) {
        if (key == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delete(files, key);
                }
            });
        } else {
            delete(files, key);
        }
    }

    private static void delete(FileStore files, String key) {
        try {
            files.delete(key);
        } catch (IOException e) {
            // An orphan costs disk space only: nothing refers to it.
            log.warn("could not remove stored file {}: {}", key, e.getClass().getSimpleName());
        }
    }
}
