package io.logisync.runtime;

import javax.sql.DataSource;

/** Opens logisync's migrated database for tests of the stores, outside a running logisync. */
public final class StorageAccess {

    private StorageAccess() {
    }

    public static AutoCloseable open(String url) {
        return Storage.open(url, "sa", "", 2);
    }

    public static DataSource dataSource(AutoCloseable storage) {
        return ((Storage) storage).dataSource();
    }
}
