package io.logisync.odoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Odoo's x2many write commands. Each method returns one command; a field's value is always a list of commands,
 * built with {@link #of}, e.g. {@code Map.of("invoice_line_ids", Commands.of(Commands.create(line)))}.
 */
public final class Commands {

    private Commands() {
    }

    /** {@code [0, 0, vals]}: create a new linked record. */
    public static List<Object> create(Map<String, ?> vals) {
        return command(0, 0, requireValues(vals));
    }

    /** {@code [1, id, vals]}: write to a linked record. */
    public static List<Object> update(long id, Map<String, ?> vals) {
        return command(1, id, requireValues(vals));
    }

    /** {@code [2, id]}: remove the link and delete the record. */
    public static List<Object> delete(long id) {
        return command(2, id);
    }

    /** {@code [3, id]}: remove the link, keep the record. */
    public static List<Object> unlink(long id) {
        return command(3, id);
    }

    /** {@code [4, id]}: link an existing record. */
    public static List<Object> link(long id) {
        return command(4, id);
    }

    /** {@code [5]}: remove every link, keep the records. */
    public static List<Object> clear() {
        return command(5);
    }

    /** {@code [6, 0, ids]}: replace the links by exactly these records. */
    public static List<Object> set(Collection<Long> ids) {
        return command(6, 0, List.copyOf(ids));
    }

    /** The field value: a list of commands, always nested even for one command. */
    @SafeVarargs
    public static List<List<Object>> of(List<Object>... commands) {
        return List.of(commands);
    }

    /** {@code [[0, 0, vals], ...]}: one create command per value map. */
    public static List<List<Object>> createAll(Collection<? extends Map<String, ?>> valsList) {
        List<List<Object>> commands = new ArrayList<>();
        valsList.forEach(vals -> commands.add(create(vals)));
        return Collections.unmodifiableList(commands);
    }

    private static List<Object> command(Object... parts) {
        return Collections.unmodifiableList(Arrays.asList(parts));
    }

    private static Map<String, ?> requireValues(Map<String, ?> vals) {
        if (vals == null) {
            throw new IllegalArgumentException("A create or update command needs a value map");
        }
        return vals;
    }
}
