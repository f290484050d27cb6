package io.logisync.odoo.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Binds call arguments to a method's parameters with Python's rules, and Python's words when they do not fit. */
final class ArgumentBinder {

    private ArgumentBinder() {
    }

    /** JSON-2 binding, as {@code inspect.signature(...).bind(records, **kwargs)}: failures are HTTP 422. */
    static Map<String, Object> bindNamed(MethodSpec spec, Map<String, Object> kwargs) {
        Map<String, Object> remaining = new LinkedHashMap<>(kwargs);
        Map<String, Object> bound = new LinkedHashMap<>();
        for (MethodSpec.Param param : spec.params()) {
            if (remaining.containsKey(param.name())) {
                bound.put(param.name(), remaining.remove(param.name()));
            } else if (param.required()) {
                throw new OdooError(ErrorKind.UNPROCESSABLE, "missing a required argument: " + PyRepr.of(param.name()));
            } else {
                bound.put(param.name(), param.defaultValue());
            }
        }
        if (!remaining.isEmpty() && !spec.acceptsVarKw()) {
            throw new OdooError(ErrorKind.UNPROCESSABLE, "got an unexpected keyword argument "
                    + PyRepr.of(remaining.keySet().iterator().next()));
        }
        bound.put(MethodSpec.VAR_KW, remaining);
        return bound;
    }

    /** RPC binding, as Python calling {@code method(records, *args, **kwargs)}: failures are TypeErrors. */
    // Known gap: messages name the method BaseModel.x or AccountMove.x; Odoo names the class that defines it
    static Map<String, Object> bindCall(MethodSpec spec, List<?> args, Map<String, Object> kwargs) {
        List<MethodSpec.Param> params = spec.params();
        String function = spec.qualifiedName() + "()";
        if (args.size() > params.size()) {
            long required = params.stream().filter(MethodSpec.Param::required).count() + 1;
            long max = params.size() + 1L;
            String takes = required == max ? String.valueOf(max) : "from " + required + " to " + max;
            throw OdooError.typeError(function + " takes " + takes + " positional argument" + (max == 1 ? "" : "s")
                    + " but " + (args.size() + 1) + (args.size() + 1 == 1 ? " was" : " were") + " given");
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bound.put(params.get(i).name(), args.get(i));
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : kwargs.entrySet()) {
            boolean isParam = params.stream().anyMatch(p -> p.name().equals(entry.getKey()));
            if (isParam && bound.containsKey(entry.getKey())) {
                throw OdooError.typeError(function + " got multiple values for argument " + PyRepr.of(entry.getKey()));
            } else if (isParam) {
                bound.put(entry.getKey(), entry.getValue());
            } else if (spec.acceptsVarKw()) {
                extra.put(entry.getKey(), entry.getValue());
            } else {
                throw OdooError.typeError(function + " got an unexpected keyword argument "
                        + PyRepr.of(entry.getKey()));
            }
        }
        List<String> missing = new ArrayList<>();
        for (MethodSpec.Param param : params) {
            if (!bound.containsKey(param.name())) {
                if (param.required()) {
                    missing.add(PyRepr.of(param.name()));
                } else {
                    bound.put(param.name(), param.defaultValue());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw OdooError.typeError(function + " missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + joinNames(missing));
        }
        bound.put(MethodSpec.VAR_KW, extra);
        return bound;
    }

    private static String joinNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", "))
                + " and " + names.get(names.size() - 1);
    }
}
