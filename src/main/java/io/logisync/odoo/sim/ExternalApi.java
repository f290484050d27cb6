package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Odoo's external API independent of the wire: JSON-2 named calls, and the RPC services ({@code common},
 * {@code object}, {@code db}) that the JSON-RPC and XML-RPC fronts share.
 */
final class ExternalApi {

    static final String SERVER_VERSION = "19.0";
    static final List<Object> VERSION_INFO = List.of(19, 0, 0, "final", 0, "");
    private static final String INSTALLED_LANG = "en_US";

    private final SimulatorStore store;
    private final Credentials credentials;
    private final CallPolicy policy;

    ExternalApi(SimulatorStore store, Credentials credentials, CallPolicy policy) {
        this.store = store;
        this.credentials = credentials;
        this.policy = policy;
    }

    Credentials credentials() {
        return credentials;
    }

    // ---------------------------------------------------------------- JSON-2

    /** {@code POST /json/2/<model>/<method>} once authenticated: {@code ids} and {@code context} are popped. */
    Object json2(CallTrace trace, String model, String method, Map<String, Object> params) {
        trace.target(model, method);
        Map<String, Object> kwargs = new LinkedHashMap<>(params);
        Object rawIds = kwargs.remove("ids");
        Object context = kwargs.remove("context");
        ModelDef def = store.orm().registry().find(model);
        if (def == null) {
            throw new OdooError(ErrorKind.NOT_FOUND, "the model " + PyRepr.of(model) + " does not exist");
        }
        MethodSpec spec;
        try {
            spec = OrmMethods.find(def, method);
        } catch (OdooError e) {
            throw e.kind() == ErrorKind.ATTRIBUTE_ERROR ? new OdooError(ErrorKind.NOT_FOUND, e.getMessage()) : e;
        }
        List<Long> ids = ValueCodec.toIds(rawIds == null ? List.of() : rawIds);
        if (spec.isModelLevel() && !ids.isEmpty()) {
            throw new OdooError(ErrorKind.UNPROCESSABLE, "cannot call " + model + "." + method + " with ids");
        }
        Map<String, Object> args = ArgumentBinder.bindNamed(spec, kwargs);
        return execute(trace, spec, model, ids, args, context);
    }

    // ---------------------------------------------------------------- RPC services

    /** One RPC call: {@code service.method(*args)}, as {@code odoo.http.dispatch_rpc} routes it. */
    Object dispatch(CallTrace trace, String service, String method, List<Object> args) {
        trace.target(null, method);
        if (!service.equals("object")) {
            // object calls meet the policy in execute, once their model and records are known
            policy.beforeExecute(trace);
        }
        return switch (service) {
            case "common" -> common(method, args);
            case "object" -> object(trace, method, args);
            case "db" -> db(method);
            default -> throw new OdooError(ErrorKind.KEY_ERROR, service);
        };
    }

    private Object common(String method, List<Object> args) {
        switch (method) {
            case "version" -> {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("server_version", SERVER_VERSION);
                info.put("server_version_info", VERSION_INFO);
                info.put("server_serie", SERVER_VERSION);
                info.put("protocol_version", 1);
                return info;
            }
            case "about" -> {
                return "See http://openerp.com";
            }
            case "login" -> {
                arity("exp_login", args, 3, 3);
                checkDatabase(args.get(0));
                return credentials.acceptsLogin(args.get(1), args.get(2)) ? Env.ADMIN : false;
            }
            case "authenticate" -> {
                arity("exp_authenticate", args, 4, 4);
                checkDatabase(args.get(0));
                return credentials.acceptsLogin(args.get(1), args.get(2)) ? Env.ADMIN : false;
            }
            default -> throw new OdooError(ErrorKind.EXCEPTION, "Method not found: " + method);
        }
    }

    private Object db(String method) {
        return switch (method) {
            case "list" -> List.of(credentials.database());
            case "server_version" -> SERVER_VERSION;
            default -> throw new OdooError(ErrorKind.EXCEPTION, "Method not found: " + method);
        };
    }

    private Object object(CallTrace trace, String method, List<Object> params) {
        if (params.size() < 3) {
            throw new OdooError(ErrorKind.INDEX_ERROR, "list index out of range");
        }
        checkDatabase(params.get(0));
        if (!Long.valueOf(Env.ADMIN).equals(uidOf(params.get(1))) || !credentials.acceptsSecret(params.get(2))) {
            throw new OdooError(ErrorKind.ACCESS_DENIED, "Access Denied");
        }
        List<Object> rest = params.subList(3, params.size());
        return switch (method) {
            case "execute_kw" -> {
                arity("execute_kw", rest, 3, 4);
                Object kwargs = rest.size() > 3 ? rest.get(3) : null;
                yield executeKw(trace, rest.get(0), rest.get(1), listOf(rest.get(2)), mapOf(kwargs));
            }
            case "execute" -> {
                arity("execute", rest, 2, Integer.MAX_VALUE);
                yield executeKw(trace, rest.get(0), rest.get(1), new ArrayList<>(rest.subList(2, rest.size())),
                        Map.of());
            }
            default -> throw new OdooError(ErrorKind.EXCEPTION, "Method not available " + method);
        };
    }

    /** {@code call_kw}: record methods take their ids as the first positional argument. */
    private Object executeKw(CallTrace trace, Object modelName, Object methodName, List<Object> args,
            Map<String, Object> kwargs) {
        String model = String.valueOf(modelName);
        String method = String.valueOf(methodName);
        trace.target(model, method);
        ModelDef def = store.orm().registry().find(model);
        if (def == null) {
            throw OdooError.userError("Object " + model + " doesn't exist");
        }
        MethodSpec spec = OrmMethods.find(def, method);
        Map<String, Object> named = new LinkedHashMap<>(kwargs);
        Object context = named.remove("context");
        List<Long> ids = List.of();
        List<Object> positional = args;
        if (!spec.isModelLevel()) {
            if (args.isEmpty()) {
                throw new OdooError(ErrorKind.INDEX_ERROR, "list index out of range");
            }
            ids = ValueCodec.toIds(args.get(0));
            positional = args.subList(1, args.size());
        }
        Map<String, Object> bound = ArgumentBinder.bindCall(spec, positional, named);
        Object result = execute(trace, spec, model, ids, bound, context);
        if (method.equals("create") && !args.isEmpty() && args.get(0) instanceof Map && result instanceof List<?> l) {
            // create(dict) answers one id over RPC, create([dict]) a list
            return l.isEmpty() ? false : l.get(0);
        }
        return result;
    }

    // ---------------------------------------------------------------- shared

    private Object execute(CallTrace trace, MethodSpec spec, String model, List<Long> ids, Map<String, Object> args,
            Object context) {
        Env env = newEnv(context);
        trace.records(recordCount(spec, ids, args));
        policy.beforeExecute(trace);
        Object result = store.orm().store().transaction(() -> spec.call(env, model, ids, args));
        policy.afterExecute(trace);
        return result;
    }

    @SuppressWarnings("unchecked")
    private Env newEnv(Object context) {
        Map<String, Object> ctx = context instanceof Map ? (Map<String, Object>) context : Map.of();
        Object lang = ctx.get("lang");
        if (ValueCodec.truthy(lang) && !INSTALLED_LANG.equals(lang)) {
            throw OdooError.userError("Invalid language code: " + lang);
        }
        // Known gap: every call runs as the admin user; access rights and multi-company record rules are not simulated
        Env env = new Env(store.orm(), Env.ADMIN, ctx);
        checkAllowedCompanies(env, ctx.get("allowed_company_ids"));
        return env;
    }

    /** Odoo refuses a context naming a company the user may not work in, before anything runs. */
    private void checkAllowedCompanies(Env env, Object allowed) {
        if (!ValueCodec.truthy(allowed)) {
            return;
        }
        List<Long> asked;
        try {
            asked = ValueCodec.toIds(allowed);
        } catch (RuntimeException e) {
            throw new OdooError(ErrorKind.ACCESS_ERROR, "Access to unauthorized or invalid companies.");
        }
        List<Long> permitted = store.orm().store().transaction(env::userCompanies);
        if (!permitted.containsAll(asked)) {
            throw new OdooError(ErrorKind.ACCESS_ERROR, "Access to unauthorized or invalid companies.");
        }
    }

    private static int recordCount(MethodSpec spec, List<Long> ids, Map<String, Object> args) {
        if (spec.name().equals("create")) {
            Object vals = args.get("vals_list");
            return vals instanceof List<?> list ? list.size() : 1;
        }
        return spec.isModelLevel() ? 0 : ids.size();
    }

    private void checkDatabase(Object db) {
        if (!credentials.database().equals(db)) {
            throw new OdooError(ErrorKind.OPERATIONAL_ERROR, "connection to server at \"127.0.0.1\", port 5432 "
                    + "failed: FATAL:  database \"" + db + "\" does not exist\n");
        }
    }

    private static Long uidOf(Object uid) {
        if (uid instanceof Number n && !(uid instanceof Double)) {
            return n.longValue();
        }
        if (uid instanceof String s && s.matches("\\d+")) {
            return Long.parseLong(s);
        }
        return null;
    }

    private static void arity(String function, List<?> args, int min, int max) {
        if (args.size() < min) {
            throw OdooError.typeError(function + "() missing " + (min - args.size()) + " required positional "
                    + "argument" + (min - args.size() == 1 ? "" : "s"));
        }
        if (args.size() > max) {
            throw OdooError.typeError(function + "() takes " + max + " positional arguments but " + args.size()
                    + " were given");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Object value) {
        if (value instanceof List<?> list) {
            return new ArrayList<>((List<Object>) list);
        }
        throw OdooError.typeError("argument after * must be an iterable, not " + ValueCodec.pythonType(value));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw OdooError.typeError("argument after ** must be a mapping, not " + ValueCodec.pythonType(value));
    }
}
