package io.logisync.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Finds who made a request from its credentials: {@code Authorization: Bearer <key>}, {@code X-API-Key: <key>}, or
 * {@code Authorization: Basic} with the credential's name and key (as Hawtio and Prometheus send them).
 */
public class Authenticator {

    /** Exchange property holding the {@link Principal} of the request once authenticated. */
    public static final String PRINCIPAL = "LogisyncPrincipal";
    /** Headers that carry credentials; they are dropped once read, so no later step can log or forward them. */
    public static final List<String> CREDENTIAL_HEADERS = List.of("Authorization", "X-API-Key");

    private final CredentialStore credentials;

    public Authenticator(CredentialStore credentials) {
        this.credentials = credentials;
    }

    /** The principal of an HTTP request, from the values of its Authorization and X-API-Key headers. */
    public Optional<Principal> authenticate(String authorization, String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) {
            Optional<Principal> byKey = credentials.byKey(apiKey);
            // a key given both ways must hold both times, for the same one: a wrong one beside a right one is not
            // overlooked (another scheme, a carrier's own signature say, is not a key)
            boolean keyToo = authorization != null && (authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    || authorization.regionMatches(true, 0, "Basic ", 0, 6));
            return !keyToo || byKey.equals(fromAuthorization(authorization)) ? byKey : Optional.empty();
        }
        return authorization == null ? Optional.empty() : fromAuthorization(authorization);
    }

    private Optional<Principal> fromAuthorization(String authorization) {
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return credentials.byKey(authorization.substring(7));
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty()
                    : credentials.byNameAndKey(decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        return Optional.empty();
    }

    /**
     * The principal of the exchange, authenticated once and kept on it; the credential headers are removed.
     * Throws 401 when the request carries no valid credentials.
     */
    public Principal require(Exchange exchange) {
        Principal known = exchange.getProperty(PRINCIPAL, Principal.class);
        if (known != null) {
            return known;
        }
        Message message = exchange.getMessage();
        boolean presented = CREDENTIAL_HEADERS.stream().anyMatch(h -> message.getHeader(h) != null);
        Optional<Principal> principal = authenticate(message.getHeader("Authorization", String.class),
                message.getHeader("X-API-Key", String.class));
        CREDENTIAL_HEADERS.forEach(message::removeHeader);
        if (principal.isEmpty()) {
            throw AccessDeniedException.unauthenticated(presented ? "the API key is not valid"
                    : "an API key is required (Authorization: Bearer <key>, or X-API-Key)");
        }
        exchange.setProperty(PRINCIPAL, principal.get());
        return principal.get();
    }

    /** The principal an earlier step authenticated, or null when none did. */
    public static Principal principalOf(Exchange exchange) {
        return exchange.getProperty(PRINCIPAL, Principal.class);
    }
}
