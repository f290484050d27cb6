package io.logisync.store;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * The idempotent consumer's record of the events taken ({@code source} + {@code id}): Camel's
 * {@link JdbcMessageIdRepository} on its own table, with one statement a question instead of a transaction around
 * two. Its {@code contains} runs a lone SELECT in a transaction of its own, and its {@code add} counts the key before
 * it inserts it, in another; here the table's primary key decides: the insert alone either records the key or fails
 * as a duplicate, which is the answer "taken already". Every event passes both, so this halves the statements and
 * transactions the idempotent consumer costs an event.
 */
public class EventIdempotency extends JdbcMessageIdRepository {

    public EventIdempotency(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
        setCreateTableIfNotExists(false);
    }

    @Override
    public boolean contains(String key) {
        return queryForInt(key) > 0;
    }

    @Override
    public boolean add(String key) {
        try {
            return insert(key) > 0;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }
}
