package io.logisync.odoo.sim;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A model: its fields, default order, display name and behaviour. */
final class ModelDef {

    /** Computes the display name of one record. */
    @FunctionalInterface
    interface DisplayName {
        String of(Orm orm, Row row);
    }

    private final String name;
    private final String description;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
    private String order = "id";
    private List<String> nameSearchFields = List.of("name");
    private DisplayName displayName = (orm, row) -> {
        Object name = row.get("name");
        return name == null ? null : name.toString();
    };
    private ModelBehaviour behaviour = ModelBehaviour.NONE;
    private boolean internal;
    private String parentField;

    ModelDef(String name, String description) {
        this.name = name;
        this.description = description;
    }

    ModelDef field(FieldDef field) {
        fields.put(field.name(), field);
        return this;
    }

    ModelDef order(String defaultOrder) {
        this.order = defaultOrder;
        return this;
    }

    ModelDef nameSearch(String... fieldNames) {
        this.nameSearchFields = List.of(fieldNames);
        return this;
    }

    ModelDef displayName(DisplayName function) {
        this.displayName = function;
        return this;
    }

    ModelDef behaviour(ModelBehaviour rules) {
        this.behaviour = rules;
        return this;
    }

    ModelDef method(MethodSpec spec) {
        methods.put(spec.name(), spec);
        return this;
    }

    /** Internal models hold simulator bookkeeping and are invisible to the API. */
    ModelDef internal() {
        this.internal = true;
        return this;
    }

    ModelDef parentField(String field) {
        this.parentField = field;
        return this;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    FieldDef field(String fieldName) {
        return fields.get(fieldName);
    }

    boolean hasField(String fieldName) {
        return fields.containsKey(fieldName);
    }

    Collection<FieldDef> fields() {
        return fields.values();
    }

    MethodSpec method(String methodName) {
        return methods.get(methodName);
    }

    String defaultOrder() {
        return order;
    }

    List<String> nameSearchFields() {
        return nameSearchFields;
    }

    DisplayName displayNameFunction() {
        return displayName;
    }

    ModelBehaviour behaviour() {
        return behaviour;
    }

    boolean isInternal() {
        return internal;
    }

    String parentField() {
        return parentField;
    }
}
