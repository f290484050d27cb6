package io.logisync.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.parking.ParkReasons;
import io.logisync.parking.ParkingDesk;
import io.logisync.security.Redaction;
import io.logisync.security.WebhookSignatures;
import io.logisync.store.ParkingStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers logisync's events to dispatch's webhook, signed as logisync verifies the webhooks it receives
 * ({@link WebhookSignatures}: {@code X-Logisync-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}),
 * and parks an event that could not be delivered after every retry, with the reason, so none is dropped.
 */
public class DispatchWebhook {

    /** Exchange property: the event as JSON text, kept for parking whatever the delivery did to the body. */
    static final String EVENT_JSON = "LogisyncDispatchEvent";
    /** Header: the dynamic endpoint the signed event is posted to. */
    static final String ENDPOINT = "LogisyncDispatchEndpoint";
    /** What an event parked for dispatch waits for. */
    public static final String WAITING_FOR_DISPATCH = "dispatch";

    private static final Logger LOG = LoggerFactory.getLogger(DispatchWebhook.class);

    private final ObjectMapper mapper;
    private final ParkingStore parking;
    private final String url;
    private final String secret;
    private final Clock clock;

    private final CamelContext camelContext;

    public DispatchWebhook(ObjectMapper mapper, ParkingStore parking, String url, String secret, Clock clock,
            CamelContext camelContext) {
        this.camelContext = camelContext;
        this.mapper = mapper;
        this.parking = parking;
        this.url = url == null ? "" : url.strip();
        this.secret = secret;
        this.clock = clock;
    }

    /** Keeps the event as text before any attempt, so that parking stores exactly what was to be sent. */
    public void keep(Exchange exchange) throws java.io.IOException {
        Object body = exchange.getMessage().getBody();
        String json = body instanceof JsonNode node ? mapper.writeValueAsString(node)
                : exchange.getMessage().getBody(String.class);
        exchange.setProperty(EVENT_JSON, json);
    }

    /** Signs the event for this attempt (a retry signs again, so its time stays inside the receiver's window). */
    public void sign(Exchange exchange) throws java.io.IOException {
        if (url.isEmpty()) {
            throw new IllegalStateException("logisync.dispatch.webhook.url is not set, so events for dispatch"
                    + " cannot be delivered by webhook");
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("logisync.dispatch.webhook.secret is not set, so events for dispatch"
                    + " cannot be signed");
        }
        String json = exchange.getProperty(EVENT_JSON, String.class);
        JsonNode event = mapper.readTree(json);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        Message message = exchange.getMessage();
        // nothing of the event's journey goes to dispatch, but the redelivery count must stay for the retries
        message.removeHeaders("*", "CamelRedelivery*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/cloudevents+json");
        message.setHeader(WebhookSignatures.SOURCE_HEADER, OutboundEvents.SOURCE);
        message.setHeader(WebhookSignatures.SIGNATURE_HEADER, WebhookSignatures.sign(secret,
                clock.instant().getEpochSecond(), body));
        message.setHeader("X-Logisync-Event-Id", event.path("id").asText());
        message.setHeader(ENDPOINT, url);
        message.setBody(body);
    }

    /** After the last retry: parks the event with why it was not delivered, never dropping it. */
    public void park(Exchange exchange) throws java.io.IOException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String json = exchange.getProperty(EVENT_JSON, String.class);
        JsonNode event = mapper.readTree(json);
        String detail = "not delivered to dispatch after every retry: " + ParkingDesk.detailOf(cause);
        long id = parking.park(event.path("id").asText(), OutboundEvents.SOURCE, event.path("type").asText(),
                event.path("subject").asText(null), ParkReasons.DISPATCH_UNDELIVERED, WAITING_FOR_DISPATCH, detail,
                json);
        LOG.warn("Parked event {} for dispatch as {} (parked id {}): {}", event.path("id").asText(),
                ParkReasons.DISPATCH_UNDELIVERED, id, Redaction.redactText(detail));
    }

    /**
     * Sends the events parked for dispatch again, oldest first, once each; one delivered is marked replayed, and the
     * first still refused is parked again (its attempts counted) and ends the sweep, so an outage costs one call.
     */
    // Known gap: the exceptions console's replay sends a parked row through the domain routes; rows parked for
    // dispatch are sent again by this sweep instead
    public synchronized int resendParked() {
        int delivered = 0;
        ProducerTemplate producer = camelContext.createProducerTemplate();
        try {
            for (ParkingStore.ParkedMessage parked : parking.waitingFor(WAITING_FOR_DISPATCH)) {
                Exchange exchange = new DefaultExchange(camelContext);
                exchange.setProperty(EVENT_JSON, parked.payload());
                exchange.getMessage().setBody(parked.payload());
                producer.send("direct:deliver-to-dispatch", exchange);
                if (exchange.getException() != null) {
                    parking.repark(parked.id(), ParkReasons.DISPATCH_UNDELIVERED, WAITING_FOR_DISPATCH,
                            "not delivered to dispatch when sent again: " + ParkingDesk.detailOf(
                                    exchange.getException()));
                    break;
                }
                parking.markReplayed(parked.id());
                delivered++;
            }
        } finally {
            try {
                producer.close();
            } catch (java.io.IOException ignored) {
                // a producer template holds nothing worth reporting here
            }
        }
        if (delivered > 0) {
            LOG.info("Sent {} event(s) parked for dispatch again", delivered);
        }
        return delivered;
    }
}
