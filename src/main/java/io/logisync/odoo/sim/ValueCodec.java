package io.logisync.odoo.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Converts field values between Odoo's wire format and the stored form, with Odoo's strictness. */
final class ValueCodec {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private ValueCodec() {
    }

    /** Python truthiness, which decides what Odoo treats as empty. */
    static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** The stored form of a wire value for a field that is not x2many. */
    static Object toStorage(ModelDef model, FieldDef field, Object value) {
        FieldType type = field.type();
        if (type == FieldType.BOOLEAN) {
            return truthy(value);
        }
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        return switch (type) {
            case CHAR, TEXT -> text(value);
            case HTML -> html(text(value));
            case INTEGER -> integer(value);
            case FLOAT -> field.digits() == null ? decimal(value) : rounded(decimal(value), field.digits());
            case MONETARY -> decimal(value);
            case DATE -> date(value);
            case DATETIME -> datetime(value);
            case SELECTION -> selection(model, field, value);
            case MANY2ONE -> many2one(model, field, value);
            case BINARY -> text(value);
            case JSON -> Row.deepCopy(value);
            default -> throw new IllegalStateException("x2many handled by commands: " + field.name());
        };
    }

    /**
     * Odoo sanitizes what is written to an Html field: text without markup becomes one paragraph, as
     * {@code html_sanitize("yop")} gives {@code <p>yop</p>}.
     */
    // Known gap: markup is kept as written; Odoo's sanitizer would also drop unsafe tags and attributes.
    private static String html(String value) {
        if (value == null || value.indexOf('<') >= 0) {
            return value;
        }
        return "<p>" + value.replace("&", "&amp;").replace(">", "&gt;") + "</p>";
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            if (s.indexOf('\u0000') >= 0) {
                // Odoo stores text in PostgreSQL, whose driver refuses the NUL character outright
                throw OdooError.valueError("A string literal cannot contain NUL (0x00) characters.");
            }
            return s.isEmpty() ? null : s;
        }
        if (value instanceof Double || value instanceof Float) {
            return PyRepr.floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return value instanceof Number ? value.toString() : PyRepr.of(value);
    }

    private static Long integer(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw OdooError.valueError("invalid literal for int() with base 10: " + PyRepr.of(s));
            }
        }
        throw OdooError.typeError("int() argument must be a string, a bytes-like object or a real number, not '"
                + pythonType(value) + "'");
    }

    /** A float field with digits is rounded half away from zero when it is stored, as Odoo's float_round does. */
    private static Double rounded(Double value, int digits) {
        return new BigDecimal(Double.toString(value)).setScale(digits, RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static Double decimal(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw OdooError.valueError("could not convert string to float: " + PyRepr.of(s));
            }
        }
        throw OdooError.typeError("float() argument must be a string or a real number, not '"
                + pythonType(value) + "'");
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = value.toString();
        try {
            // Odoo accepts a datetime string for a date and keeps the date part
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) : s, DATE);
        } catch (DateTimeParseException e) {
            throw OdooError.valueError("time data " + PyRepr.of(s) + " does not match format '%Y-%m-%d'");
        }
    }

    static LocalDateTime datetime(Object value) {
        if (value instanceof LocalDateTime d) {
            return d;
        }
        String s = value.toString();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s, DATE).atStartOfDay();
            }
            // like Odoo, ignore fractions of a second but refuse an ISO 'T' or a zone
            return LocalDateTime.parse(s.length() > 19 && s.charAt(19) == '.' ? s.substring(0, 19) : s, DATETIME);
        } catch (DateTimeParseException e) {
            throw OdooError.valueError("time data " + PyRepr.of(s) + " does not match format '%Y-%m-%d %H:%M:%S'");
        }
    }

    private static String selection(ModelDef model, FieldDef field, Object value) {
        if (!(value instanceof String s) || !field.allowsSelection(s)) {
            throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
                    + PyRepr.of(value));
        }
        return s;
    }

    private static Long many2one(ModelDef model, FieldDef field, Object value) {
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof BigDecimal)) {
            return n.longValue();
        }
        throw OdooError.valueError("Wrong value for " + model.name() + "." + field.name() + ": "
                + PyRepr.of(value));
    }

    /** An id sent by a client: JSON gives integers of any width. */
    static long toId(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s && s.matches("\\d+")) {
            return Long.parseLong(s);
        }
        throw OdooError.valueError("Invalid id: " + PyRepr.of(value));
    }

    /** A list of ids, or one id, as {@code browse} accepts them. */
    static List<Long> toIds(Object value) {
        List<Long> ids = new ArrayList<>();
        if (value == null || Boolean.FALSE.equals(value)) {
            return ids;
        }
        if (value instanceof Collection<?> c) {
            for (Object item : c) {
                long id = toId(item);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
            return ids;
        }
        ids.add(toId(value));
        return ids;
    }

    /** The wire form of a stored value: false for empty, [id, name] for a many2one on a classic read. */
    static Object toWire(Orm orm, FieldDef field, Object stored, boolean classic) {
        switch (field.type()) {
            case BOOLEAN:
                return Boolean.TRUE.equals(stored);
            case INTEGER:
                return stored == null ? 0L : stored;
            case FLOAT:
            case MONETARY:
                return stored == null ? 0.0 : ((Number) stored).doubleValue();
            case ONE2MANY:
            case MANY2MANY:
                return stored == null ? List.of() : new ArrayList<>((Collection<?>) stored);
            default:
                break;
        }
        if (stored == null) {
            return false;
        }
        return switch (field.type()) {
            case DATE -> DATE.format((LocalDate) stored);
            case DATETIME -> DATETIME.format((LocalDateTime) stored);
            case MANY2ONE -> many2oneWire(orm, field, (Long) stored, classic);
            case JSON -> Row.deepCopy(stored);
            default -> stored;
        };
    }

    private static Object many2oneWire(Orm orm, FieldDef field, long id, boolean classic) {
        if (!orm.exists(field.relationModel(), id)) {
            return false;
        }
        if (!classic) {
            return id;
        }
        List<Object> pair = new ArrayList<>(2);
        pair.add(id);
        String name = orm.displayName(field.relationModel(), id);
        pair.add(name == null ? false : name);
        return pair;
    }

    static String pythonType(Object value) {
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        return value == null ? "NoneType" : "object";
    }
}
