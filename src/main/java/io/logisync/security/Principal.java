package io.logisync.security;

import java.util.Set;
import java.util.TreeSet;

/** Who made a request, by the name its credentials carry, and the roles those credentials grant. */
public record Principal(String name, Set<String> roles) {

    public Principal {
        roles = Set.copyOf(roles);
    }

    /** True when the principal holds the role; an admin holds every right of an operator as well. */
    public boolean has(String role) {
        return roles.contains(role) || Roles.OPERATOR.equals(role) && roles.contains(Roles.ADMIN);
    }

    /** The sources this principal may send events for, from its {@code ingest:<source>} roles. */
    public Set<String> ingestSources() {
        Set<String> answer = new TreeSet<>();
        for (String role : roles) {
            if (role.startsWith(Roles.INGEST_PREFIX)) {
                answer.add(role.substring(Roles.INGEST_PREFIX.length()));
            }
        }
        return answer;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }
}
