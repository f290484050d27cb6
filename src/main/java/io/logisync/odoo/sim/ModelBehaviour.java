package io.logisync.odoo.sim;

import java.util.List;
import java.util.Map;

/** The business rules of one model, hooked around the generic ORM operations. Values are in wire format. */
interface ModelBehaviour {

    ModelBehaviour NONE = new ModelBehaviour() {
    };

    /** May add values derived from the others and refuse invalid input, before defaults are applied. */
    default void beforeCreate(Env env, Map<String, Object> vals) {
    }

    default void afterCreate(Env env, long id, Map<String, Object> vals) {
    }

    default void beforeWrite(Env env, List<Long> ids, Map<String, Object> vals) {
    }

    default void afterWrite(Env env, List<Long> ids, Map<String, Object> vals) {
    }

    default void beforeUnlink(Env env, List<Long> ids) {
    }

    /** Called with the rows as they were, once they are gone. */
    default void afterUnlink(Env env, List<Row> deleted) {
    }

    /** Python-level constraints, checked after every create and write. */
    default void validate(Env env, Row row) {
    }
}
