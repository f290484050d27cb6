package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Describes fields as {@code fields_get} does, attributes in alphabetical order like Odoo's JSON. */
final class FieldsGet {

    private FieldsGet() {
    }

    static Map<String, Object> describe(ModelDef model, List<String> allfields, List<String> attributes) {
        Map<String, Object> answer = new LinkedHashMap<>();
        for (FieldDef field : model.fields()) {
            if (allfields != null && !allfields.contains(field.name())) {
                continue;
            }
            Map<String, Object> all = attributesOf(field);
            Map<String, Object> wanted = new TreeMap<>();
            all.forEach((key, value) -> {
                if (attributes == null || attributes.contains(key)) {
                    wanted.put(key, value);
                }
            });
            answer.put(field.name(), wanted);
        }
        return answer;
    }

    private static Map<String, Object> attributesOf(FieldDef field) {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("name", field.name());
        attrs.put("type", field.type().odooName());
        attrs.put("string", field.label());
        attrs.put("required", field.isRequired());
        attrs.put("readonly", field.isReadonly());
        attrs.put("store", field.isStored());
        attrs.put("searchable", true);
        attrs.put("sortable", field.isStored() && !field.type().isX2Many());
        if (field.helpText() != null) {
            attrs.put("help", field.helpText());
        }
        if (field.type().isRelational()) {
            attrs.put("relation", field.relationModel());
        }
        if (field.type() == FieldType.ONE2MANY) {
            attrs.put("relation_field", field.inverseName());
        }
        if (field.type() == FieldType.SELECTION) {
            List<List<String>> options = new ArrayList<>();
            field.selectionOptions().forEach(option -> options.add(List.of(option[0], option[1])));
            attrs.put("selection", options);
        }
        return attrs;
    }
}
