package io.logisync.odoo.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The generic ORM: create, read, write, unlink and search over the rows, with model behaviours hooked in. */
final class Orm {

    private static final String NOT_NULL = "The operation cannot be completed:\n"
            + "- Create/update: a mandatory field is not set.\n"
            + "- Delete: another model requires the record being deleted. If possible, archive it instead.\n\n"
            + "Model: %s (%s)\nField: %s (%s)\n";
    private static final String FOREIGN_KEY = "The operation cannot be completed: another model requires the record "
            + "being deleted. If possible, archive it instead.\n\nModel: %s (%s)\nConstraint: %s_%s_fkey\n";

    private final ModelRegistry registry;
    private final RowStore store;
    private volatile Clock clock;

    Orm(ModelRegistry registry, RowStore store, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.clock = clock;
    }

    ModelRegistry registry() {
        return registry;
    }

    RowStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    void setClock(Clock newClock) {
        this.clock = newClock;
    }

    /** UTC to the second, the same for every record a call touches, as Odoo's {@code cr.now()}. */
    java.time.LocalDateTime now() {
        return store.stamp(() -> java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    Row row(String model, long id) {
        return store.get(model, id);
    }

    boolean exists(String model, long id) {
        return store.get(model, id) != null;
    }

    long requireExisting(Env env, String model, long id) {
        if (!exists(model, id)) {
            throw OdooError.missing(model, List.of(id), env.uid());
        }
        return id;
    }

    /** The storage value of any field, stored or derived. */
    Object value(ModelDef model, Row row, FieldDef field) {
        if (field.compute() != null) {
            return field.compute().value(this, model, row);
        }
        if (field.type() == FieldType.ONE2MANY) {
            return childIds(field.relationModel(), field.inverseName(), row.id());
        }
        return row.get(field.name());
    }

    Object value(String model, long id, String field) {
        ModelDef def = registry.get(model);
        Row row = store.get(model, id);
        return row == null ? null : value(def, row, def.field(field));
    }

    String displayName(String model, long id) {
        Row row = store.get(model, id);
        return row == null ? null : registry.get(model).displayNameFunction().of(this, row);
    }

    /** The records of {@code comodel} whose {@code inverse} points at {@code parentId}, in the comodel's order. */
    List<Long> childIds(String comodel, String inverse, long parentId) {
        List<Row> children = new ArrayList<>();
        for (long id : store.idsWith(comodel, inverse, parentId)) {
            children.add(store.get(comodel, id));
        }
        ModelDef def = registry.get(comodel);
        children.sort(RecordOrder.parse(def, def.defaultOrder()).comparator(this));
        return children.stream().map(Row::id).toList();
    }

    List<Long> idsWhere(String model, Predicate<Row> condition) {
        return store.rows(model).stream().filter(condition).map(Row::id).toList();
    }

    /** The records of {@code model} whose many2one {@code field} points at one of {@code targets}, by id. */
    List<Long> idsReferencing(String model, String field, Collection<Long> targets) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        for (Long target : targets) {
            if (target != null) {
                ids.addAll(store.idsWith(model, field, target));
            }
        }
        return List.copyOf(ids);
    }

    /** Sets stored values directly, without behaviours: for rules that maintain derived data. */
    void rawWrite(String model, long id, Map<String, Object> storageValues) {
        Row row = store.forUpdate(model, id);
        boolean changed = storageValues.entrySet().stream()
                .anyMatch(entry -> !java.util.Objects.equals(row.get(entry.getKey()), entry.getValue()));
        storageValues.forEach(row::put);
        if (changed && registry.get(model).hasField("write_date")) {
            // Odoo's low-level write stamps recomputed fields too (a state, a payment status, an amount due)
            row.put("write_date", now());
        }
    }

    // ---------------------------------------------------------------- create

    List<Long> create(Env env, String model, List<Map<String, Object>> valsList) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> vals : valsList) {
            ids.add(createOne(env, model, vals));
        }
        return ids;
    }

    private long createOne(Env env, String model, Map<String, Object> input) {
        ModelDef def = registry.get(model);
        Map<String, Object> vals = new LinkedHashMap<>(input == null ? Map.of() : input);
        checkFieldNames(def, vals.keySet());
        vals.remove("id");
        def.behaviour().beforeCreate(env, vals);
        for (FieldDef field : def.fields()) {
            if (!vals.containsKey(field.name()) && field.defaultValue() != null) {
                vals.put(field.name(), field.defaultValue().apply(env));
            }
        }
        Row row = new Row(store.allocateId(model));
        Map<String, Object> x2many = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : vals.entrySet()) {
            FieldDef field = def.field(entry.getKey());
            if (field.type().isX2Many() && field.compute() == null) {
                x2many.put(field.name(), entry.getValue());
            } else if (field.isStored() && !isMagic(field.name())) {
                row.put(field.name(), checkedStorage(env, def, field, entry.getValue()));
            }
        }
        row.put("create_date", env.now());
        row.put("write_date", env.now());
        row.put("create_uid", env.uid());
        row.put("write_uid", env.uid());
        checkRequired(def, row);
        store.insert(model, row);
        x2many.forEach((name, commands) -> X2ManyCommands.apply(env, def, row.id(), def.field(name), commands));
        def.behaviour().afterCreate(env, row.id(), vals);
        def.behaviour().validate(env, store.get(model, row.id()));
        return row.id();
    }

    private static boolean isMagic(String field) {
        return field.equals("create_date") || field.equals("write_date")
                || field.equals("create_uid") || field.equals("write_uid");
    }

    // Known gap: a many2one to a missing record is always a MissingError; Odoo raises a foreign-key
    // ValidationError instead when no computation reads the record first
    private Object checkedStorage(Env env, ModelDef def, FieldDef field, Object value) {
        Object stored = ValueCodec.toStorage(def, field, value);
        if (stored != null && field.type() == FieldType.MANY2ONE) {
            requireExisting(env, field.relationModel(), (Long) stored);
        }
        return stored;
    }

    private static void checkFieldNames(ModelDef def, Iterable<String> names) {
        for (String name : names) {
            if (!def.hasField(name)) {
                throw OdooError.valueError("Invalid field " + PyRepr.of(name) + " in " + PyRepr.of(def.name()));
            }
        }
    }

    private static void checkRequired(ModelDef def, Row row) {
        for (FieldDef field : def.fields()) {
            if (field.isRequired() && field.isStored() && row.get(field.name()) == null) {
                throw OdooError.validation(String.format(NOT_NULL, def.description(), def.name(), field.label(),
                        field.name()));
            }
        }
    }

    // ---------------------------------------------------------------- write

    void write(Env env, String model, List<Long> ids, Map<String, Object> input) {
        ModelDef def = registry.get(model);
        Map<String, Object> vals = new LinkedHashMap<>(input == null ? Map.of() : input);
        checkFieldNames(def, vals.keySet());
        requireAll(env, model, ids);
        vals.remove("id");
        if (vals.isEmpty() || ids.isEmpty()) {
            return;
        }
        def.behaviour().beforeWrite(env, ids, vals);
        Map<String, Object> stored = new LinkedHashMap<>();
        Map<String, Object> x2many = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : vals.entrySet()) {
            FieldDef field = def.field(entry.getKey());
            if (field.type().isX2Many() && field.compute() == null) {
                x2many.put(field.name(), entry.getValue());
            } else if (field.isStored() && !isMagic(field.name()) && !field.isReadonly()) {
                stored.put(field.name(), checkedStorage(env, def, field, entry.getValue()));
            }
        }
        for (long id : ids) {
            Row row = store.forUpdate(model, id);
            stored.forEach(row::put);
            row.put("write_date", env.now());
            row.put("write_uid", env.uid());
            checkRequired(def, row);
            x2many.forEach((name, commands) -> X2ManyCommands.apply(env, def, id, def.field(name), commands));
        }
        def.behaviour().afterWrite(env, ids, vals);
        for (long id : ids) {
            def.behaviour().validate(env, store.get(model, id));
        }
    }

    private void requireAll(Env env, String model, List<Long> ids) {
        List<Long> missing = ids.stream().filter(id -> !exists(model, id)).toList();
        if (!missing.isEmpty()) {
            throw OdooError.missing(model, missing, env.uid());
        }
    }

    // ---------------------------------------------------------------- unlink

    void unlink(Env env, String model, List<Long> ids) {
        ModelDef def = registry.get(model);
        requireAll(env, model, ids);
        List<Long> present = ids.stream().filter(id -> exists(model, id)).toList();
        if (present.isEmpty()) {
            return;
        }
        def.behaviour().beforeUnlink(env, present);
        for (ModelRegistry.Reference ref : registry.referencesTo(model)) {
            refuseIfRestricted(ref, present);
        }
        List<Row> deleted = new ArrayList<>();
        for (long id : present) {
            deleted.add(store.get(model, id).copy());
            store.delete(model, id);
        }
        for (ModelRegistry.Reference ref : registry.referencesTo(model)) {
            dropReferences(env, ref, present);
        }
        def.behaviour().afterUnlink(env, deleted);
    }

    private void refuseIfRestricted(ModelRegistry.Reference ref, List<Long> gone) {
        String name = ref.field().name();
        if (ref.field().onDelete() == FieldDef.OnDelete.RESTRICT
                && !idsReferencing(ref.model().name(), name, gone).isEmpty()) {
            throw OdooError.validation(String.format(FOREIGN_KEY, ref.model().description(), ref.model().name(),
                    ref.model().name().replace('.', '_'), name));
        }
    }

    private void dropReferences(Env env, ModelRegistry.Reference ref, List<Long> gone) {
        String name = ref.field().name();
        String model = ref.model().name();
        if (ref.field().type() == FieldType.MANY2MANY) {
            for (Row row : store.rowsCopy(model)) {
                List<Long> linked = row.ids(name);
                if (linked.stream().anyMatch(gone::contains)) {
                    store.forUpdate(model, row.id()).put(name,
                            linked.stream().filter(id -> !gone.contains(id)).toList());
                }
            }
            return;
        }
        List<Long> pointing = idsReferencing(model, name, gone);
        if (pointing.isEmpty()) {
            return;
        }
        if (ref.field().onDelete() == FieldDef.OnDelete.CASCADE) {
            unlink(env, model, pointing.stream().filter(id -> exists(model, id)).toList());
        } else {
            pointing.forEach(id -> store.forUpdate(model, id).put(name, null));
        }
    }

    // ---------------------------------------------------------------- read and search

    /** Reads records in the order asked; ids that no longer exist are left out, as Odoo does. */
    List<Map<String, Object>> read(Env env, String model, List<Long> ids, List<String> fields, boolean classic) {
        ModelDef def = registry.get(model);
        List<FieldDef> wanted = readableFields(def, fields);
        List<Map<String, Object>> answer = new ArrayList<>();
        for (long id : ids) {
            Row row = store.get(model, id);
            if (row != null) {
                answer.add(readRow(def, row, wanted, classic));
            }
        }
        return answer;
    }

    List<FieldDef> readableFields(ModelDef def, List<String> fields) {
        List<FieldDef> wanted = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            def.fields().forEach(wanted::add);
            return wanted;
        }
        for (String name : fields) {
            FieldDef field = def.field(name);
            if (field == null) {
                throw OdooError.valueError("Invalid field " + PyRepr.of(name) + " on " + PyRepr.of(def.name()));
            }
            if (!wanted.contains(field)) {
                wanted.add(field);
            }
        }
        return wanted;
    }

    Map<String, Object> readRow(ModelDef def, Row row, List<FieldDef> fields, boolean classic) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", row.id());
        for (FieldDef field : fields) {
            if (!field.name().equals("id")) {
                record.put(field.name(), ValueCodec.toWire(this, field, value(def, row, field), classic));
            }
        }
        return record;
    }

    List<Long> search(Env env, String model, List<?> domain, long offset, Long limit, String order) {
        ModelDef def = registry.get(model);
        DomainEvaluator evaluator = DomainEvaluator.compile(this, def, domain, env.activeTest());
        Comparator<Row> comparator = RecordOrder.parse(def, order == null || order.isBlank()
                ? def.defaultOrder() : order).comparator(this);
        List<Long> candidates = IndexedDomain.candidates(this, def, domain);
        Iterable<Row> rows = candidates == null ? store.rows(model)
                : candidates.stream().map(id -> store.get(model, id)).filter(java.util.Objects::nonNull).toList();
        List<Row> matches = new ArrayList<>();
        for (Row row : rows) {
            if (evaluator.matches(row)) {
                matches.add(row);
            }
        }
        matches.sort(comparator);
        // like Odoo, a limit of 0 (falsy) means no limit
        return matches.stream().skip(Math.max(0, offset)).limit(limit == null || limit <= 0 ? Long.MAX_VALUE : limit)
                .map(Row::id).toList();
    }
}
