package io.logisync.security;

import io.logisync.ingress.IngressRejectedException;
import io.logisync.ingress.SenderCheck;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The door of the HTTP ingress: a request is let in by a valid webhook signature of its source, or by credentials
 * holding {@code ingest:<source>} roles, then counted against its sender's rate limit.
 */
public class IngressGate implements SenderCheck {

    private final Authenticator authenticator;
    private final WebhookSignatures signatures;
    private final SenderRateLimits limits;

    public IngressGate(Authenticator authenticator, WebhookSignatures signatures, SenderRateLimits limits) {
        this.authenticator = authenticator;
        this.signatures = signatures;
        this.limits = limits;
    }

    @Override
    public Set<String> sourcesOf(Exchange exchange) {
        Message message = exchange.getMessage();
        String signature = message.getHeader(WebhookSignatures.SIGNATURE_HEADER, String.class);
        Set<String> sources;
        String sender;
        try {
            if (signature != null) {
                sender = message.getHeader(WebhookSignatures.SOURCE_HEADER, String.class);
                if (sender == null || sender.isBlank()) {
                    throw AccessDeniedException.unauthenticated(WebhookSignatures.SOURCE_HEADER
                            + " must name the source whose secret signed the request");
                }
                byte[] body = message.getBody(byte[].class);
                // the body is read here for the signature and again for the events: keep it as bytes
                message.setBody(body);
                signatures.verify(sender, signature, body);
                sources = Set.of(sender);
            } else {
                Principal principal = authenticator.require(exchange);
                sources = principal.ingestSources();
                if (sources.isEmpty()) {
                    throw AccessDeniedException.forbidden(principal.name() + " holds no ingest:<source> role");
                }
                sender = sources.size() == 1 ? sources.iterator().next() : principal.name();
            }
        } catch (AccessDeniedException denied) {
            throw new IngressRejectedException(denied.getStatus(), denied.getMessage());
        } finally {
            message.removeHeader(WebhookSignatures.SIGNATURE_HEADER);
            Authenticator.CREDENTIAL_HEADERS.forEach(message::removeHeader);
        }
        try {
            limits.acquire(sender);
        } catch (SenderRateLimits.RateLimitedException limited) {
            throw new IngressRejectedException(429, limited.getMessage(), limited.getRetryAfterSeconds());
        }
        return sources;
    }
}
