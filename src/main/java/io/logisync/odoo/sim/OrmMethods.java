package io.logisync.odoo.sim;

import static io.logisync.odoo.sim.MethodSpec.Param.optional;
import static io.logisync.odoo.sim.MethodSpec.Param.required;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public methods every model has ({@code create}, {@code read}, {@code search_read}, ...). */
final class OrmMethods {

    private static final String BASE = "BaseModel";
    private static final Map<String, MethodSpec> COMMON = new LinkedHashMap<>();

    static {
        add(MethodSpec.onModel("create", BASE, OrmMethods::create, required("vals_list")));
        add(MethodSpec.onRecords("read", BASE, OrmMethods::read,
                optional("fields", null), optional("load", "_classic_read")));
        add(MethodSpec.onRecords("write", BASE, OrmMethods::write, required("vals")));
        add(MethodSpec.onRecords("unlink", BASE, (env, model, ids, args) -> {
            env.orm().unlink(env, model, ids);
            return true;
        }));
        add(MethodSpec.onRecords("exists", BASE,
                (env, model, ids, args) -> ids.stream().filter(id -> env.orm().exists(model, id)).toList()));
        add(MethodSpec.onModel("search", BASE, OrmMethods::search, required("domain"), optional("offset", 0L),
                optional("limit", null), optional("order", null)));
        add(MethodSpec.onModel("search_read", BASE, OrmMethods::searchRead, optional("domain", null),
                optional("fields", null), optional("offset", 0L), optional("limit", null), optional("order", null))
                .withVarKw());
        add(MethodSpec.onModel("search_count", BASE, OrmMethods::searchCount, required("domain"),
                optional("limit", null)));
        add(MethodSpec.onModel("name_search", BASE, OrmMethods::nameSearch, optional("name", ""),
                optional("domain", null), optional("operator", "ilike"), optional("limit", 100L)));
        add(MethodSpec.onModel("fields_get", BASE, (env, model, ids, args) -> FieldsGet.describe(
                env.orm().registry().get(model), stringList(args.get("allfields")),
                stringList(args.get("attributes"))), optional("allfields", null), optional("attributes", null)));
        add(MethodSpec.onModel("default_get", BASE, OrmMethods::defaultGet, required("fields")));
        add(MethodSpec.onRecords("action_archive", BASE, (env, model, ids, args) -> archive(env, model, ids, false)));
        add(MethodSpec.onRecords("action_unarchive", BASE, (env, model, ids, args) -> archive(env, model, ids, true)));
    }

    private OrmMethods() {
    }

    private static void add(MethodSpec spec) {
        COMMON.put(spec.name(), spec);
    }

    /** The method as {@code get_public_method} finds it: private names are refused before anything else. */
    static MethodSpec find(ModelDef model, String name) {
        if (name.startsWith("_")) {
            throw new OdooError(ErrorKind.ACCESS_ERROR, "Private methods (such as '" + model.name() + "." + name
                    + "') cannot be called remotely.");
        }
        MethodSpec spec = model.method(name);
        if (spec == null) {
            spec = COMMON.get(name);
        }
        if (spec == null || (name.startsWith("action_") && name.endsWith("archive") && !model.hasField("active"))) {
            throw new OdooError(ErrorKind.ATTRIBUTE_ERROR, "The method '" + model.name() + "." + name
                    + "' does not exist");
        }
        return spec;
    }

    @SuppressWarnings("unchecked")
    private static Object create(Env env, String model, List<Long> ids, Map<String, Object> args) {
        Object vals = args.get("vals_list");
        List<Map<String, Object>> valsList = new ArrayList<>();
        if (vals instanceof Map) {
            valsList.add((Map<String, Object>) vals);
        } else if (vals instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map)) {
                    throw new OdooError(ErrorKind.ATTRIBUTE_ERROR, "'" + ValueCodec.pythonType(item)
                            + "' object has no attribute 'items'");
                }
                valsList.add((Map<String, Object>) item);
            }
        } else {
            throw new OdooError(ErrorKind.ATTRIBUTE_ERROR, "'" + ValueCodec.pythonType(vals)
                    + "' object has no attribute 'items'");
        }
        return env.orm().create(env, model, valsList);
    }

    private static Object read(Env env, String model, List<Long> ids, Map<String, Object> args) {
        boolean classic = "_classic_read".equals(args.get("load"));
        return env.orm().read(env, model, ids, stringList(args.get("fields")), classic);
    }

    @SuppressWarnings("unchecked")
    private static Object write(Env env, String model, List<Long> ids, Map<String, Object> args) {
        if (!(args.get("vals") instanceof Map)) {
            throw new OdooError(ErrorKind.ATTRIBUTE_ERROR, "'" + ValueCodec.pythonType(args.get("vals"))
                    + "' object has no attribute 'items'");
        }
        env.orm().write(env, model, ids, (Map<String, Object>) args.get("vals"));
        return true;
    }

    private static Object search(Env env, String model, List<Long> ids, Map<String, Object> args) {
        return env.orm().search(env, model, (List<?>) domain(args.get("domain")), number(args.get("offset"), 0L),
                optionalNumber(args.get("limit")), order(args.get("order")));
    }

    @SuppressWarnings("unchecked")
    private static Object searchRead(Env env, String model, List<Long> ids, Map<String, Object> args) {
        Orm orm = env.orm();
        List<String> fields = stringList(args.get("fields"));
        orm.readableFields(orm.registry().get(model), fields);
        List<Long> found = orm.search(env, model, (List<?>) domain(args.get("domain")),
                number(args.get("offset"), 0L), optionalNumber(args.get("limit")), order(args.get("order")));
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, Object> readKwargs = new LinkedHashMap<>((Map<String, Object>) args.get(MethodSpec.VAR_KW));
        Object load = readKwargs.containsKey("load") ? readKwargs.remove("load") : "_classic_read";
        if (!readKwargs.isEmpty()) {
            throw OdooError.typeError("BaseModel._read_format() got an unexpected keyword argument "
                    + PyRepr.of(readKwargs.keySet().iterator().next()));
        }
        return orm.read(env, model, found, fields, "_classic_read".equals(load));
    }

    private static Object searchCount(Env env, String model, List<Long> ids, Map<String, Object> args) {
        Long limit = optionalNumber(args.get("limit"));
        return (long) env.orm().search(env, model, (List<?>) domain(args.get("domain")), 0, limit, "id").size();
    }

    private static Object nameSearch(Env env, String model, List<Long> ids, Map<String, Object> args) {
        Orm orm = env.orm();
        ModelDef def = orm.registry().get(model);
        String operator = String.valueOf(args.get("operator"));
        Object name = args.get("name");
        List<Object> domain = new ArrayList<>((List<?>) domain(args.get("domain")));
        boolean everything = (name == null || "".equals(name) || Boolean.FALSE.equals(name))
                && (operator.equals("ilike") || operator.equals("like"));
        if (!everything) {
            boolean negative = operator.startsWith("not") || operator.equals("!=");
            List<String> fields = def.nameSearchFields();
            for (int i = 1; i < fields.size(); i++) {
                domain.add(negative ? "&" : "|");
            }
            for (String field : fields) {
                domain.add(List.of(field, operator, name == null ? false : name));
            }
        }
        List<Object> answer = new ArrayList<>();
        for (long id : orm.search(env, model, domain, 0, optionalNumber(args.get("limit")), null)) {
            answer.add(List.of(id, orm.displayName(model, id)));
        }
        return answer;
    }

    private static Object defaultGet(Env env, String model, List<Long> ids, Map<String, Object> args) {
        ModelDef def = env.orm().registry().get(model);
        Map<String, Object> answer = new LinkedHashMap<>();
        List<String> fields = stringList(args.get("fields"));
        for (String name : fields == null ? List.<String>of() : fields) {
            FieldDef field = def.field(name);
            if (field != null && field.defaultValue() != null) {
                Object value = field.defaultValue().apply(env);
                answer.put(name, field.type().isX2Many() || value == null ? (value == null ? false : value)
                        : ValueCodec.toWire(env.orm(), field, ValueCodec.toStorage(def, field, value), false));
            }
        }
        return answer;
    }

    private static Object archive(Env env, String model, List<Long> ids, boolean active) {
        env.orm().write(env, model, ids, Map.of("active", active));
        return true;
    }

    private static Object domain(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        if (!(value instanceof List)) {
            throw OdooError.valueError("Invalid domain: " + PyRepr.of(value));
        }
        return value;
    }

    private static String order(Object value) {
        return value instanceof String s ? s : null;
    }

    private static long number(Object value, long fallback) {
        return value instanceof Number n ? n.longValue() : fallback;
    }

    private static Long optionalNumber(Object value) {
        return value instanceof Number n && !(value instanceof Double) ? n.longValue() : null;
    }

    @SuppressWarnings("unchecked")
    static List<String> stringList(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (!(value instanceof List)) {
            throw OdooError.typeError("'" + ValueCodec.pythonType(value) + "' object is not iterable");
        }
        List<String> answer = new ArrayList<>();
        for (Object item : (List<Object>) value) {
            answer.add(String.valueOf(item));
        }
        return answer;
    }
}
