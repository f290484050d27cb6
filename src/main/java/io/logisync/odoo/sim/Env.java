package io.logisync.odoo.sim;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
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

    /**
     * The companies the call acts in, as Odoo's {@code env.companies}: the context's {@code allowed_company_ids},
     * else every company of the user.
     */
    List<Long> companyIds() {
        List<Long> allowed = ValueCodec.toIds(context.getOrDefault("allowed_company_ids", List.of()));
        return allowed.isEmpty() ? userCompanies() : allowed;
    }

    /** The current company, as Odoo's {@code env.company}: the first allowed company, else the user's own. */
    long companyId() {
        List<Long> allowed = ValueCodec.toIds(context.getOrDefault("allowed_company_ids", List.of()));
        if (!allowed.isEmpty()) {
            return allowed.get(0);
        }
        Row user = orm.row("res.users", uid);
        Long own = user == null ? null : user.ref("company_id");
        return own == null ? DefaultData.COMPANY : own;
    }

    /** The companies the user may work in ({@code company_ids}), with its own company among them. */
    List<Long> userCompanies() {
        Row user = orm.row("res.users", uid);
        if (user == null) {
            return List.of(DefaultData.COMPANY);
        }
        List<Long> answer = new java.util.ArrayList<>(user.ids("company_ids"));
        Long own = user.ref("company_id");
        if (own != null && !answer.contains(own)) {
            answer.add(0, own);
        }
        return answer;
    }

    /** Odoo hides archived records from searches unless the context says {@code active_test: false}. */
    boolean activeTest() {
        return !Boolean.FALSE.equals(context.get("active_test"));
    }

    /** The current UTC time to the second: Odoo stores datetimes without fractions. */
    LocalDateTime now() {
        return orm.now();
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
