package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One field of a model: its type, label and constraints; configured once while the registry is built. */
final class FieldDef {

    /** What becomes of a many2one when the record it points to is deleted. */
    enum OnDelete { SET_NULL, CASCADE, RESTRICT }

    /** Computes a field that is not stored, from the record's stored values. */
    @FunctionalInterface
    interface Compute {
        Object value(Orm orm, ModelDef model, Row row);
    }

    private final String name;
    private final FieldType type;
    private final String label;
    private String relation;
    private String inverse;
    private final List<String[]> selection = new ArrayList<>();
    private boolean required;
    private boolean readonly;
    private Function<Env, Object> defaultValue;
    private Compute compute;
    private OnDelete onDelete = OnDelete.SET_NULL;
    private String help;
    private Integer digits;

    private FieldDef(String name, FieldType type, String label) {
        this.name = name;
        this.type = type;
        this.label = label;
    }

    static FieldDef of(String name, FieldType type, String label) {
        return new FieldDef(name, type, label);
    }

    static FieldDef chars(String name, String label) {
        return of(name, FieldType.CHAR, label);
    }

    static FieldDef many2one(String name, String label, String relation) {
        return of(name, FieldType.MANY2ONE, label).relation(relation);
    }

    static FieldDef one2many(String name, String label, String relation, String inverse) {
        FieldDef field = of(name, FieldType.ONE2MANY, label).relation(relation);
        field.inverse = inverse;
        return field;
    }

    static FieldDef many2many(String name, String label, String relation) {
        return of(name, FieldType.MANY2MANY, label).relation(relation);
    }

    static FieldDef selection(String name, String label, String... keysAndLabels) {
        FieldDef field = of(name, FieldType.SELECTION, label);
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            field.selection.add(new String[] {keysAndLabels[i], keysAndLabels[i + 1]});
        }
        return field;
    }

    FieldDef relation(String model) {
        this.relation = model;
        return this;
    }

    FieldDef required() {
        this.required = true;
        return this;
    }

    FieldDef readonly() {
        this.readonly = true;
        return this;
    }

    FieldDef defaultTo(Object value) {
        this.defaultValue = env -> value;
        return this;
    }

    FieldDef defaultFrom(Function<Env, Object> supplier) {
        this.defaultValue = supplier;
        return this;
    }

    FieldDef computed(Compute function) {
        this.compute = function;
        this.readonly = true;
        return this;
    }

    FieldDef cascade() {
        this.onDelete = OnDelete.CASCADE;
        return this;
    }

    /** The referenced record cannot be deleted while this field points at it. */
    FieldDef restrict() {
        this.onDelete = OnDelete.RESTRICT;
        return this;
    }

    /** Decimal places a float keeps, as Odoo's decimal.precision gives them ("Product Price" is 2). */
    FieldDef digits(int places) {
        this.digits = places;
        return this;
    }

    Integer digits() {
        return digits;
    }

    FieldDef help(String text) {
        this.help = text;
        return this;
    }

    String name() {
        return name;
    }

    FieldType type() {
        return type;
    }

    String label() {
        return label;
    }

    String relationModel() {
        return relation;
    }

    String inverseName() {
        return inverse;
    }

    List<String[]> selectionOptions() {
        return selection;
    }

    boolean allowsSelection(String key) {
        return selection.stream().anyMatch(option -> option[0].equals(key));
    }

    boolean isRequired() {
        return required;
    }

    boolean isReadonly() {
        return readonly;
    }

    Function<Env, Object> defaultValue() {
        return defaultValue;
    }

    Compute compute() {
        return compute;
    }

    /** Stored fields live in the row; one2many and computed fields are derived when read or searched. */
    boolean isStored() {
        return compute == null && type != FieldType.ONE2MANY;
    }

    OnDelete onDelete() {
        return onDelete;
    }

    String helpText() {
        return help;
    }
}
