package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Applies Odoo's x2many write commands ({@code [0, 0, vals]}, {@code [6, 0, ids]}, ...) to one record. */
final class X2ManyCommands {

    private X2ManyCommands() {
    }

    static void apply(Env env, ModelDef model, long id, FieldDef field, Object value) {
        List<List<Object>> commands = normalize(model, field, value);
        if (field.type() == FieldType.ONE2MANY) {
            commands.forEach(command -> applyOne2many(env, id, field, command));
        } else {
            commands.forEach(command -> applyMany2many(env, model, id, field, command));
        }
    }

    /** Odoo also accepts false (clear) and a plain list of ids (set) for an x2many. */
    private static List<List<Object>> normalize(ModelDef model, FieldDef field, Object value) {
        List<List<Object>> commands = new ArrayList<>();
        if (value == null || Boolean.FALSE.equals(value)) {
            commands.add(List.of(5L));
            return commands;
        }
        if (!(value instanceof List<?> list)) {
            throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
                    + PyRepr.of(value));
        }
        if (!list.isEmpty() && list.stream().allMatch(item -> item instanceof Number)) {
            commands.add(List.of(6L, 0L, new ArrayList<>(list)));
            return commands;
        }
        for (Object item : list) {
            if (!(item instanceof List<?> command) || command.isEmpty() || !(command.get(0) instanceof Number)) {
                throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
                        + PyRepr.of(value));
            }
            commands.add(new ArrayList<>(command));
        }
        return commands;
    }

    private static int code(List<Object> command) {
        return ((Number) command.get(0)).intValue();
    }

    private static long target(List<Object> command) {
        if (command.size() < 2) {
            throw OdooError.valueError("Invalid command " + PyRepr.of(command));
        }
        return ValueCodec.toId(command.get(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> vals(List<Object> command) {
        Object vals = command.size() > 2 ? command.get(2) : null;
        if (!(vals instanceof Map)) {
            throw OdooError.valueError("Invalid command " + PyRepr.of(command));
        }
        return (Map<String, Object>) vals;
    }

    private static void applyOne2many(Env env, long id, FieldDef field, List<Object> command) {
        Orm orm = env.orm();
        String comodel = field.relationModel();
        String inverse = field.inverseName();
        switch (code(command)) {
            case 0 -> {
                Map<String, Object> childVals = new java.util.LinkedHashMap<>(vals(command));
                childVals.put(inverse, id);
                orm.create(env, comodel, List.of(childVals));
            }
            case 1 -> orm.write(env, comodel, List.of(target(command)), vals(command));
            case 2 -> orm.unlink(env, comodel, List.of(target(command)));
            case 3 -> detach(env, comodel, inverse, List.of(target(command)));
            case 4 -> orm.write(env, comodel, List.of(target(command)), Map.of(inverse, id));
            case 5 -> detach(env, comodel, inverse, orm.childIds(comodel, inverse, id));
            case 6 -> {
                List<Long> wanted = ValueCodec.toIds(command.size() > 2 ? command.get(2) : List.of());
                List<Long> gone = new ArrayList<>(orm.childIds(comodel, inverse, id));
                gone.removeAll(wanted);
                detach(env, comodel, inverse, gone);
                for (long child : wanted) {
                    orm.write(env, comodel, List.of(child), Map.of(inverse, id));
                }
            }
            default -> throw OdooError.valueError("Invalid command " + PyRepr.of(command));
        }
    }

    /** A child whose link to its parent is mandatory cannot live alone: Odoo deletes it. */
    private static void detach(Env env, String comodel, String inverse, List<Long> children) {
        if (children.isEmpty()) {
            return;
        }
        Orm orm = env.orm();
        if (orm.registry().get(comodel).field(inverse).isRequired()) {
            orm.unlink(env, comodel, children);
        } else {
            Map<String, Object> unlinked = new java.util.HashMap<>();
            unlinked.put(inverse, false);
            orm.write(env, comodel, children, unlinked);
        }
    }

    private static void applyMany2many(Env env, ModelDef model, long id, FieldDef field, List<Object> command) {
        Orm orm = env.orm();
        Set<Long> ids = new LinkedHashSet<>(orm.store().get(model.name(), id).ids(field.name()));
        String comodel = field.relationModel();
        switch (code(command)) {
            case 0 -> ids.add(orm.create(env, comodel, List.of(vals(command))).get(0));
            case 1 -> orm.write(env, comodel, List.of(target(command)), vals(command));
            case 2 -> {
                long gone = target(command);
                orm.unlink(env, comodel, List.of(gone));
                ids.remove(gone);
            }
            case 3 -> ids.remove(target(command));
            case 4 -> ids.add(orm.requireExisting(env, comodel, target(command)));
            case 5 -> ids.clear();
            case 6 -> {
                ids.clear();
                for (long linked : ValueCodec.toIds(command.size() > 2 ? command.get(2) : List.of())) {
                    ids.add(orm.requireExisting(env, comodel, linked));
                }
            }
            default -> throw OdooError.valueError("Invalid command " + PyRepr.of(command));
        }
        orm.store().forUpdate(model.name(), id).put(field.name(), List.copyOf(ids));
    }
}
