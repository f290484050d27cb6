package io.logisync.odoo.sim;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders values the way Python's {@code repr} does, since Odoo puts such reprs in its error messages. */
final class PyRepr {

    private PyRepr() {
    }

    static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return floatRepr(d.doubleValue());
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PyRepr::of).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                out.append(of(entry.getKey())).append(": ").append(of(entry.getValue()));
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            return out.append('}').toString();
        }
        return string(value.toString());
    }

    /** A tuple, e.g. a domain condition {@code ('name', '=', 'x')}. */
    static String tuple(List<?> items) {
        if (items.size() == 1) {
            return "(" + of(items.get(0)) + ",)";
        }
        return items.stream().map(PyRepr::of).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A recordset as Odoo prints it, e.g. {@code res.partner(7,)}. */
    static String recordset(String model, List<Long> ids) {
        return model + tuple(ids);
    }

    static String string(String s) {
        char quote = s.contains("'") && !s.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }

    /** Python's float repr: plain digits with at least one decimal, exponent only for very large or small values. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs >= 1e16 || abs < 1e-4)) {
            String java = Double.toString(d);
            int e = java.indexOf('E');
            String mantissa = java.substring(0, e).replaceAll("\\.0$", "");
            int exponent = Integer.parseInt(java.substring(e + 1));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
        }
        String plain = BigDecimal.valueOf(d).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
