package io.logisync.odoo.transport;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An Odoo server version as {@code /web/version} or {@code common.version} report it. */
public record ServerVersion(String version, int major) {

    private static final Pattern MAJOR = Pattern.compile("(\\d+)");

    /** Reads {@code version_info}/{@code server_version_info} first, else the leading number of the text. */
    static ServerVersion from(Map<?, ?> reply, String textKey, String infoKey) {
        Object text = reply.get(textKey);
        Object info = reply.get(infoKey);
        if (info instanceof List<?> parts && !parts.isEmpty() && parts.get(0) instanceof Number number) {
            return new ServerVersion(text == null ? number.toString() : text.toString(), number.intValue());
        }
        if (text instanceof String version) {
            // "saas~18.3" and "19.0+e" both carry the major as their first number
            Matcher matcher = MAJOR.matcher(version);
            if (matcher.find()) {
                return new ServerVersion(version, Integer.parseInt(matcher.group(1)));
            }
        }
        return null;
    }
}
