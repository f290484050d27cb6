package io.logisync.carrier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.ingress.ApiKeys;
import io.logisync.ingress.Echo;
import io.logisync.ingress.IncomingEvent;
import io.logisync.kamelet.IngestOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic of the carrier-webhook-source Kamelet for one carrier: verify the caller (HMAC signature with a time
 * window, or an API key), map the carrier's JSON to canonical events with the carrier's JSONata mapping file, and
 * answer the carrier. A message that is authentic but cannot become events is parked as a file, never dropped.
 *
 * <p>Configured through its setters by the Kamelet; {@link #init()} checks the configuration. A carrier with neither a
 * secret nor an API key refuses every call, so that a missing secret can never open the endpoint.
 */
public class CarrierWebhook {

    /** Exchange property: the request body exactly as received. */
    static final String RAW_BODY = "LogisyncWebhookBody";
    /** Exchange property: the id of the carrier's message, when the mapping gave one, to name a parked file. */
    static final String MESSAGE_HINT = "LogisyncWebhookHint";

    private static final Logger LOG = LoggerFactory.getLogger(CarrierWebhook.class);

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private Clock clock = Clock.systemUTC();

    private String carrier;
    private String carrierCode;
    private String mapping;
    private String hmacSecret;
    private String secretEncoding = "plain";
    private String signatureHeader = "X-Signature";
    private String timestampHeader = "X-Timestamp";
    private String signedContent = "{timestamp}.{body}";
    private String signaturePrefix = "";
    private String signatureEncoding = "hex";
    private long toleranceSeconds = 300;
    private String apiKey;
    private String apiKeyHeader = "X-API-Key";
    private int maxBodyBytes = 1_048_576;
    private String parkedDirectory = "data/carriers/parked";

    private HmacSignatureVerifier verifier;
    private byte[] apiKeyHash;
    private JsonataMapping compiled;
    private ParkedFiles parked;

    /** Checks the settings and compiles the mapping. */
    public void init() {
        if (carrier == null || !carrier.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("carrier-webhook-source: carrier must be a lower-case code of letters,"
                    + " digits and '-', but was '" + carrier + "'");
        }
        if (!present(carrierCode)) {
            throw new IllegalArgumentException("carrier-webhook-source: carrier " + carrier + " needs carrierCode,"
                    + " its code in master data, so that its events cannot name another carrier");
        }
        carrierCode = carrierCode.strip();
        if (present(hmacSecret)) {
            byte[] secret = "base64".equalsIgnoreCase(secretEncoding) ? Base64.getDecoder().decode(hmacSecret.strip())
                    : hmacSecret.getBytes(StandardCharsets.UTF_8);
            verifier = new HmacSignatureVerifier(secret, signedContent, signaturePrefix == null ? ""
                    : signaturePrefix, "base64".equalsIgnoreCase(signatureEncoding),
                    Duration.ofSeconds(toleranceSeconds), clock);
        } else if (present(apiKey)) {
            apiKeyHash = ApiKeys.sha256(apiKey.strip()).getBytes(StandardCharsets.US_ASCII);
        } else {
            // a webhook nobody verifies would take events from anyone, so an unconfigured one refuses every call
            LOG.warn("Carrier {} webhook has neither hmacSecret nor apiKey: every call to it is refused", carrier);
        }
        compiled = JsonataMapping.load(mapping, mapper);
        parked = new ParkedFiles(Path.of(parkedDirectory, carrier), clock);
        LOG.info("Carrier {} webhook ready: {}, carrier code {}, mapping {}", carrier,
                verifier != null ? "HMAC signature verified" : apiKeyHash != null ? "API key verified"
                        : "no secret, so every call is refused with 401", carrierCode, compiled.location());
    }

    /** The CloudEvents source of this carrier's events. */
    public String source() {
        return "carrier/" + carrier;
    }

    /** Verifies the caller, then maps the body to events; the body becomes the list of events. */
    public List<ObjectNode> receive(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] body = message.getBody(byte[].class);
        body = body == null ? new byte[0] : body;
        if (body.length > maxBodyBytes) {
            throw new WebhookRefusedException(413, "the body is " + body.length + " bytes; the limit is "
                    + maxBodyBytes);
        }
        authenticate(message, body);
        exchange.setProperty(RAW_BODY, body);
        JsonNode json;
        try {
            json = body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw new WebhookRefusedException(400, "the body is not valid JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (json == null || json.isMissingNode()) {
            throw new WebhookRefusedException(400, "the body is empty; expected the carrier's JSON message");
        }
        List<ObjectNode> events = compiled.apply(json, Map.of("carrier", carrier, "source", source(),
                "receivedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(clock))));
        for (ObjectNode event : events) {
            if (!event.has("specversion")) {
                event.put("specversion", "1.0");
            }
            if (!event.has("source")) {
                event.put("source", source());
            }
            if (!event.has("datacontenttype")) {
                event.put("datacontenttype", "application/json");
            }
        }
        for (ObjectNode event : events) {
            requireOwnCarrierCode(event);
        }
        if (!events.isEmpty() && events.get(0).hasNonNull("id")) {
            exchange.setProperty(MESSAGE_HINT, events.get(0).get("id").asText());
        }
        LOG.debug("Carrier {} webhook: {} event(s) mapped", carrier, events.size());
        return events;
    }

    /**
     * Answers the carrier once the ingress took the events (200, each event's status). A message whose events were
     * rejected is parked as received, with the reasons, and the answer says so: the carrier need not send it again.
     */
    public String respond(Exchange exchange) throws JsonProcessingException {
        IngestOutcome outcome = exchange.getMessage().getBody(IngestOutcome.class);
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (IncomingEvent incoming : outcome.events()) {
            ObjectNode result = results.addObject();
            result.put("id", Echo.cut(incoming.getId()));
            result.put("type", Echo.cut(incoming.getType()));
            result.put("status", incoming.getStatus().name().toLowerCase(Locale.ROOT));
            if (incoming.getOutcome() != null) {
                result.put("outcome", incoming.getOutcome());
            }
            incoming.getErrors().forEach(result.withArray("errors")::add);
        }
        answer.put("accepted", outcome.accepted()).put("duplicates", outcome.duplicates())
                .put("rejected", outcome.rejected());
        if (outcome.events().isEmpty()) {
            answer.put("message", "the mapping " + compiled.location() + " makes no event of this message; it was"
                    + " acknowledged and not kept");
            LOG.info("Carrier {} webhook message gave no event (mapping {}); acknowledged", carrier,
                    compiled.location());
        }
        if (outcome.rejected() > 0) {
            String reason = "carrier " + carrier + " message had rejected events:\n"
                    + String.join("\n", outcome.rejections());
            answer.put("parked", park(exchange, reason));
        }
        return answer(exchange, 200, answer);
    }

    /** Answers a refused call (400, 401, 413, 422) with a message naming what is wrong; nothing is kept. */
    public String refuse(Exchange exchange) throws JsonProcessingException {
        WebhookRefusedException refused = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                WebhookRefusedException.class);
        LOG.warn("Carrier {} webhook call refused with {}: {}", carrier, refused.getStatus(), refused.getMessage());
        ObjectNode answer = mapper.createObjectNode();
        answer.put("error", refused.getStatus() == 401 ? "unauthorized"
                : refused.getStatus() == 413 ? "payload too large"
                : refused.getStatus() == 422 ? "unprocessable content" : "bad request");
        answer.put("message", refused.getMessage());
        return answer(exchange, refused.getStatus(), answer);
    }

    /** Parks a message the mapping could not turn into events, and tells the carrier it was kept (202). */
    public String parkUnmapped(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("status", "parked");
        answer.put("parked", park(exchange, String.valueOf(cause.getMessage())));
        return answer(exchange, 202, answer);
    }

    /** Answers 503 when the events could not be stored: nothing was kept, so the carrier should send it again. */
    public String unavailable(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        LOG.error("Carrier {} webhook message could not be stored; the carrier was asked to retry", carrier, cause);
        exchange.getMessage().setHeader("Retry-After", "30");
        ObjectNode answer = mapper.createObjectNode();
        answer.put("error", "unavailable");
        answer.put("message", "the message could not be stored; send it again later");
        return answer(exchange, 503, answer);
    }

    // Known gap: parked webhook messages are not replayed by logisync; they are posted again by hand once fixed.
    private String park(Exchange exchange, String reason) {
        byte[] body = exchange.getProperty(RAW_BODY, byte[].class);
        String name = parked.park(body == null ? new byte[0] : body, exchange.getProperty(MESSAGE_HINT, String.class),
                "json", reason);
        LOG.warn("Carrier {} webhook message parked as {}/{}: {}", carrier, parked.directory(), name, reason);
        return name;
    }

    /** Refuses (422) an event whose data.carrierCode is not this Pipe's: a carrier cannot send in another's name. */
    private void requireOwnCarrierCode(ObjectNode event) {
        JsonNode named = event.path("data").path("carrierCode");
        if (named.isMissingNode() || named.isNull()) {
            return;
        }
        if (!named.isTextual() || !named.asText().strip().equals(carrierCode)) {
            throw new WebhookRefusedException(422, "event " + event.path("id").asText("(no id)") + " ("
                    + event.path("type").asText("no type") + "): data.carrierCode is " + named + " but carrier "
                    + carrier + " may only send events for carrierCode \"" + carrierCode + "\"; nothing was kept");
        }
    }

    private void authenticate(Message message, byte[] body) {
        if (verifier == null && apiKeyHash == null) {
            throw new WebhookRefusedException(401, "carrier " + carrier + " has no hmacSecret or apiKey configured,"
                    + " so its calls are refused");
        }
        if (verifier != null) {
            verifier.verify(body, message.getHeader(timestampHeader, String.class),
                    message.getHeader(signatureHeader, String.class));
            return;
        }
        String presented = message.getHeader(apiKeyHeader, String.class);
        String authorization = message.getHeader("Authorization", String.class);
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7);
        }
        if (presented == null || presented.isBlank()) {
            throw new WebhookRefusedException(401, "an API key is required (" + apiKeyHeader
                    + ", or Authorization: Bearer)");
        }
        byte[] hash = ApiKeys.sha256(presented.strip()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(apiKeyHash, hash)) {
            throw new WebhookRefusedException(401, "the API key is not valid");
        }
    }

    private String answer(Exchange exchange, int status, ObjectNode answer) throws JsonProcessingException {
        Message message = exchange.getMessage();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        return mapper.writeValueAsString(answer);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public void setCarrierCode(String carrierCode) {
        this.carrierCode = carrierCode;
    }

    public void setMapping(String mapping) {
        this.mapping = mapping;
    }

    public void setHmacSecret(String hmacSecret) {
        this.hmacSecret = hmacSecret;
    }

    public void setSecretEncoding(String secretEncoding) {
        this.secretEncoding = secretEncoding;
    }

    public void setSignatureHeader(String signatureHeader) {
        this.signatureHeader = signatureHeader;
    }

    public void setTimestampHeader(String timestampHeader) {
        this.timestampHeader = timestampHeader;
    }

    public void setSignedContent(String signedContent) {
        this.signedContent = signedContent;
    }

    public void setSignaturePrefix(String signaturePrefix) {
        this.signaturePrefix = signaturePrefix;
    }

    public void setSignatureEncoding(String signatureEncoding) {
        this.signatureEncoding = signatureEncoding;
    }

    public void setToleranceSeconds(long toleranceSeconds) {
        this.toleranceSeconds = toleranceSeconds;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public void setApiKeyHeader(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    public void setMaxBodyBytes(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public void setParkedDirectory(String parkedDirectory) {
        this.parkedDirectory = parkedDirectory;
    }
}
