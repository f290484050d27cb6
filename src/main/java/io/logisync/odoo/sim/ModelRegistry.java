package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All models the simulator knows, each completed with the fields Odoo adds to every model. */
final class ModelRegistry {

    /** A relational field of {@code model} that points at another model. */
    record Reference(ModelDef model, FieldDef field) {
    }

    private final Map<String, ModelDef> models = new LinkedHashMap<>();

    void register(ModelDef model) {
        model.field(FieldDef.of("id", FieldType.INTEGER, "ID").readonly());
        model.field(FieldDef.chars("display_name", "Display Name")
                .computed((orm, m, row) -> orm.displayName(m.name(), row.id())));
        model.field(FieldDef.many2one("create_uid", "Created by", "res.users").readonly());
        model.field(FieldDef.of("create_date", FieldType.DATETIME, "Created on").readonly());
        model.field(FieldDef.many2one("write_uid", "Last Updated by", "res.users").readonly());
        model.field(FieldDef.of("write_date", FieldType.DATETIME, "Last Updated on").readonly());
        models.put(model.name(), model);
    }

    /** The model, or null when unknown or internal to the simulator. */
    ModelDef find(String name) {
        ModelDef model = models.get(name);
        return model == null || model.isInternal() ? null : model;
    }

    /** Any model, internal ones included; fails loudly for a programming error. */
    ModelDef get(String name) {
        ModelDef model = models.get(name);
        if (model == null) {
            throw new IllegalArgumentException("unknown model " + name);
        }
        return model;
    }

    Collection<ModelDef> all() {
        return models.values();
    }

    /** Stored many2one and many2many fields, over all models, that point at {@code target}. */
    List<Reference> referencesTo(String target) {
        List<Reference> answer = new ArrayList<>();
        for (ModelDef model : models.values()) {
            for (FieldDef field : model.fields()) {
                if (field.isStored() && target.equals(field.relationModel())
                        && (field.type() == FieldType.MANY2ONE || field.type() == FieldType.MANY2MANY)) {
                    answer.add(new Reference(model, field));
                }
            }
        }
        return answer;
    }
}
