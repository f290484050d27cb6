package io.logisync.ingress;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * What is wrong with a body that is not JSON, said for its sender: the parser's own words, less what only a Java
 * developer can act on (the parser's feature and setting names, its note that it hides the source), with the line
 * and column where reading stopped.
 */
public final class JsonProblems {

    /** "enable `JsonReadFeature.X` to allow": a switch of the parser, not something the sender can do. */
    private static final Pattern FEATURE_HINT = Pattern.compile(":? ?enable `[^`]*` to allow");
    /** ", from `StreamReadConstraints.getMaxNestingDepth()`": where the parser keeps its limit. */
    private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");
    /** "since Feature 'ALLOW_COMMENTS' not enabled for parser": a switch of the parser again. */
    private static final Pattern FEATURE_OFF = Pattern.compile("since Feature '[A-Z_]+' not enabled for parser");
    /** "[Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 1]": the position is what matters. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("Source: [^;\\]]*; ");

    private JsonProblems() {
    }

    public static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        String first = original.lines().findFirst().orElse("");
        first = FEATURE_HINT.matcher(first).replaceAll(" (not a JSON value)");
        first = FEATURE_OFF.matcher(first).replaceAll("since JSON does not allow it");
        String plain = SOURCE_NOTE.matcher(LIMIT_SOURCE.matcher(first).replaceAll("")).replaceAll("");
        JsonLocation where = e.getLocation();
        return Echo.cut(plain) + (where == null || where.getLineNr() < 1 ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
    }
}
