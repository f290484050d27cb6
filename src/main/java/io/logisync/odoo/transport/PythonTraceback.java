package io.logisync.odoo.transport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception a Python traceback ends with, as Odoo's XML-RPC faults of code 1 carry it: the dotted class name
 * ({@code builtins.} added for built-ins, as JSON-RPC names them) and its message.
 *
 * @param name e.g. {@code builtins.ValueError} or {@code psycopg2.errors.SerializationFailure}; null if none found
 * @param message the exception's message, or the whole text when no exception line was found
 */
record PythonTraceback(String name, String message) {

    private static final String HEAD = "Traceback (most recent call last):";
    // Python prints the class, a colon and the message; frames above it are indented
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^((?:[A-Za-z_]\\w*\\.)*[A-Z]\\w*)(?:: ?(.*))?$",
            Pattern.DOTALL);

    /** Reads the last exception of a (possibly chained) traceback; a text without one is kept as the message. */
    static PythonTraceback parse(String text) {
        String trace = text == null ? "" : text;
        String[] lines = trace.split("\n", -1);
        int found = -1;
        for (int i = 1; i < lines.length; i++) {
            boolean afterFrame = lines[i - 1].startsWith(" ") || lines[i - 1].equals(HEAD);
            if (afterFrame && !lines[i].isEmpty() && !Character.isWhitespace(lines[i].charAt(0))
                    && EXCEPTION_LINE.matcher(lines[i]).matches()) {
                found = i;
            }
        }
        if (found < 0) {
            return new PythonTraceback(null, trace.strip());
        }
        StringBuilder rest = new StringBuilder(lines[found]);
        for (int i = found + 1; i < lines.length; i++) {
            rest.append('\n').append(lines[i]);
        }
        Matcher matcher = EXCEPTION_LINE.matcher(rest.toString().stripTrailing());
        if (!matcher.matches()) {
            return new PythonTraceback(null, trace.strip());
        }
        String name = matcher.group(1);
        String message = matcher.group(2) == null ? "" : matcher.group(2);
        return new PythonTraceback(name.contains(".") ? name : "builtins." + name, message);
    }
}
