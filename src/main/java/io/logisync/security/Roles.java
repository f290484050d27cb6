package io.logisync.security;

import java.util.Set;

/** The roles credentials may grant, and what each lets its holder do. */
public final class Roles {

    /** Prefix of the ingest role: {@code ingest:tms/main} may send events whose source is {@code tms/main}. */
    public static final String INGEST_PREFIX = "ingest:";
    /** Reads parked messages, their audit trail, metrics and Hawtio; payloads are shown redacted. */
    public static final String OPERATOR = "operator";
    /** Replays, discards and edits parked messages, and may see payloads in full; holds the operator's rights. */
    public static final String ADMIN = "admin";
    /** Decides accessorial charges that wait for approval. */
    public static final String APPROVER = "approver";

    private static final Set<String> FIXED = Set.of(OPERATOR, ADMIN, APPROVER);

    private Roles() {
    }

    /** Checks a role as written in configuration; the message names where it was written. */
    public static String check(String role, String where) {
        if (FIXED.contains(role)) {
            return role;
        }
        if (role.startsWith(INGEST_PREFIX) && role.length() > INGEST_PREFIX.length()) {
            return role;
        }
        throw new IllegalArgumentException(where + ": role '" + role + "' is not one of operator, admin, approver"
                + " or ingest:<source>");
    }
}
