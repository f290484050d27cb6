package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one call runs with: the ORM, the acting user and the call's context. */
final class Env {

    static final long SUPERUSER = 1L;
    static final long ADMIN = 2L;

    private final Orm orm;
    private final long uid;
    private final Map<String, Object> context;

    Env(Orm orm, long uid, Map<String, Object> context) {
        this.orm = orm;
        this.uid = uid;
        this.context = context == null ? Map.of() : Map.copyOf(withoutNulls(context));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> context) {
        Map<String, Object> copy = new LinkedHashMap<>();
        context.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    Orm orm() {
        return orm;
    }

    long uid() {
        return uid;
    }

    Map<String, Object> context() {
        return context;
    }

    Object context(String key) {
        return context.get(key);
    }

    /** Odoo hides archived records from searches unless the context says {@code active_test: false}. */
    boolean activeTest() {
        return !Boolean.FALSE.equals(context.get("active_test"));
    }

    /** The current UTC time to the second: Odoo stores datetimes without fractions. */
    LocalDateTime now() {
        return LocalDateTime.ofInstant(orm.clock().instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Today for the admin user, whose time zone is unset and therefore UTC. */
    LocalDate today() {
        return now().toLocalDate();
    }

    Env withContext(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(context);
        copy.put(key, value);
        return new Env(orm, uid, copy);
    }
}
