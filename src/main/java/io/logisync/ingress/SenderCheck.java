package io.logisync.ingress;

import java.util.Set;
import org.apache.camel.Exchange;

/** Decides who sent an HTTP request to the ingress, and so which sources its events may name. */
public interface SenderCheck {

    /**
     * The sources the request may send events for; throws {@link IngressRejectedException} (401, 429) when the
     * request is refused for who sent it or how often.
     */
    Set<String> sourcesOf(Exchange exchange);
}
