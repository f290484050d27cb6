package io.logisync.odoo.sim;

import java.util.List;
import java.util.Map;

/** A public model method: its Python signature, whether it runs on records, and what it does. */
final class MethodSpec {

    /** One parameter after {@code self}: required, or optional with a default. */
    record Param(String name, boolean required, Object defaultValue) {
        static Param required(String name) {
            return new Param(name, true, null);
        }

        static Param optional(String name, Object defaultValue) {
            return new Param(name, false, defaultValue);
        }
    }

    /** Runs the method; {@code args} holds every parameter by name, and extra keywords under {@link #VAR_KW}. */
    @FunctionalInterface
    interface Body {
        Object call(Env env, String model, List<Long> ids, Map<String, Object> args);
    }

    static final String VAR_KW = "**";

    private final String name;
    private final String owner;
    private final boolean modelLevel;
    private final List<Param> params;
    private final boolean varKw;
    private final Body body;

    private MethodSpec(String name, String owner, boolean modelLevel, boolean varKw, Body body, List<Param> params) {
        this.name = name;
        this.owner = owner;
        this.modelLevel = modelLevel;
        this.params = params;
        this.varKw = varKw;
        this.body = body;
    }

    /** An {@code @api.model} method: it takes no ids. */
    static MethodSpec onModel(String name, String owner, Body body, Param... params) {
        return new MethodSpec(name, owner, true, false, body, List.of(params));
    }

    /** A method on a recordset: its ids come first. */
    static MethodSpec onRecords(String name, String owner, Body body, Param... params) {
        return new MethodSpec(name, owner, false, false, body, List.of(params));
    }

    /** The same method also accepting {@code **kwargs}. */
    MethodSpec withVarKw() {
        return new MethodSpec(name, owner, modelLevel, true, body, params);
    }

    String name() {
        return name;
    }

    /** The name Python prints in a TypeError, e.g. {@code BaseModel.search}. */
    String qualifiedName() {
        return owner + "." + name;
    }

    boolean isModelLevel() {
        return modelLevel;
    }

    List<Param> params() {
        return params;
    }

    boolean acceptsVarKw() {
        return varKw;
    }

    Object call(Env env, String model, List<Long> ids, Map<String, Object> args) {
        return body.call(env, model, ids, args);
    }
}
