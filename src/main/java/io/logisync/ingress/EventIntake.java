package io.logisync.ingress;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;

/** Turns an HTTP request or a dropped file into checked events, and tells the sender what became of each. */
public class EventIntake {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventIntake.class);

    public static final String SINGLE_EVENT = "LogisyncSingleEvent";

    private final ObjectMapper mapper;
    private final EventValidator validator;
    private final SenderCheck senders;
    private final int maxBodyBytes;
    private final int maxEventsPerRequest;
    private final IngressCounters counters;

    public EventIntake(ObjectMapper mapper, EventValidator validator, SenderCheck senders, int maxBodyBytes,
            int maxEventsPerRequest, IngressCounters counters) {
        this.mapper = mapper;
        this.validator = validator;
        this.senders = senders;
        this.maxBodyBytes = maxBodyBytes;
        this.maxEventsPerRequest = maxEventsPerRequest;
        this.counters = counters;
    }

    /** Authenticates the caller, checks size and type, and parses the body into events with their problems. */
    public List<IncomingEvent> readRequest(Exchange exchange) {
        Set<String> sources = senders.sourcesOf(exchange);
        String contentType = exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, "", String.class)
                .toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json") && !contentType.startsWith("application/cloudevents")) {
            throw new IngressRejectedException(415, "Content-Type must be application/json or"
                    + " application/cloudevents+json, but was '" + Echo.cut(contentType) + "'");
        }
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body != null && body.length > maxBodyBytes) {
            throw new IngressRejectedException(413, "the body is " + body.length + " bytes; the limit is "
                    + maxBodyBytes);
        }
        // read once as strict UTF-8, and parsed from that text
        JsonNode root = parse(body == null ? null : strictUtf8(body, "the request body"), "the request body");
        exchange.getMessage().setHeader(SINGLE_EVENT, root.isObject());
        List<IncomingEvent> answer = toEvents(root, "the request");
        for (IncomingEvent incoming : answer) {
            if (!incoming.isRejected() && !sources.contains(incoming.getSource())) {
                replace(answer, incoming, List.of("$.source: '" + Echo.cut(incoming.getSource())
                        + "' is not a source these credentials may send for"));
            }
        }
        return answer;
    }

    /** Parses a dropped file: a JSON array of events, one event, or one event per line (NDJSON). */
    public List<IncomingEvent> readFile(byte[] content, String fileName) {
        String text = strictUtf8(content == null ? new byte[0] : content, fileName);
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".ndjson")) {
            List<IncomingEvent> answer = new ArrayList<>();
            // NDJSON separates records by \n only: U+2028 and other Unicode breaks may stand inside a JSON string
            String[] lines = text.split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                try {
                    answer.add(check(answer.size(), parse(lines[i], "line " + (i + 1))));
                } catch (IngressRejectedException unreadable) {
                    IncomingEvent invalid = IncomingEvent.invalid(answer.size(), null,
                            List.of(unreadable.getMessage()));
                    answer.add(invalid);
                    counters.rejected(invalid);
                }
            }
            return answer;
        }
        return toEvents(parse(text.strip(), fileName), fileName);
    }

    /** Wraps events made by a format mapper (EDI, say) so that they are checked like any other. */
    public List<IncomingEvent> check(List<? extends JsonNode> events) {
        List<IncomingEvent> answer = new ArrayList<>();
        for (JsonNode event : events) {
            answer.add(check(answer.size(), event));
        }
        return answer;
    }

    /** Builds the per-event answer and its HTTP status: 400 when nothing in the request could be accepted. */
    public String respond(List<IncomingEvent> events, Exchange exchange) throws JsonProcessingException {
        long unsettled = events.stream().filter(e -> e.getStatus() == IncomingEvent.Status.PENDING).count();
        if (unsettled > 0) {
            // an event that is neither applied, parked nor refused was not stored: the sender must send again
            LOG.error("{} of the {} event(s) of a request could not be applied or parked; the sender was asked to"
                    + " send it again", unsettled, events.size());
            return unavailableAnswer(exchange);
        }
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode results = answer.putArray("results");
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (IncomingEvent incoming : events) {
            results.add(result(incoming));
            switch (incoming.getStatus()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                default -> rejected++;
            }
        }
        answer.put("accepted", accepted).put("duplicates", duplicates).put("rejected", rejected);
        boolean nothingTaken = rejected > 0 && accepted == 0 && duplicates == 0;
        if (nothingTaken) {
            answer.put("error", "invalid event" + (rejected > 1 ? "s" : ""));
            answer.put("message", String.join("; ", events.get(0).getErrors()));
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, nothingTaken ? 400 : 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return mapper.writeValueAsString(answer);
    }

    /** Answers a request refused as a whole with its status and a message naming what is wrong. */
    public String refuse(Exchange exchange) throws JsonProcessingException {
        IngressRejectedException cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                IngressRejectedException.class);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, cause.getStatus());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (cause.getStatus() == 401) {
            exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
        }
        if (cause.getRetryAfterSeconds() > 0) {
            exchange.getMessage().setHeader("Retry-After", Long.toString(cause.getRetryAfterSeconds()));
        }
        ObjectNode answer = mapper.createObjectNode();
        answer.put("error", reasonPhrase(cause.getStatus()));
        answer.put("message", cause.getMessage());
        return mapper.writeValueAsString(answer);
    }

    /** Answers 503 when events could not be applied or parked: nothing that failed was stored, so send again. */
    public String unavailable(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (exchange.getProperty(Exchange.SPLIT_INDEX) != null) {
            // one event of a request: it stays unsettled, and the request as a whole is answered 503 by respond
            LOG.warn("Event {} could not be applied or parked: {}", exchange.getMessage().getHeader(
                    io.logisync.flow.EventHeaders.ID), cause == null ? "unknown failure" : cause.toString());
            return null;
        }
        LOG.error("Events could not be applied or parked; the sender was asked to retry", cause);
        return unavailableAnswer(exchange);
    }

    private String unavailableAnswer(Exchange exchange) throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("Retry-After", "30");
        ObjectNode answer = mapper.createObjectNode();
        answer.put("error", "unavailable");
        answer.put("message", "the events could not be stored; send the same request again later"
                + " (events already taken will be answered as duplicates)");
        return mapper.writeValueAsString(answer);
    }

    /** Fails a dropped file when some of its events were rejected, so it goes to the error folder with the report. */
    public void requireAllAccepted(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<IncomingEvent> events = exchange.getMessage().getBody(List.class);
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        @SuppressWarnings("unchecked")
        List<String> unusable = exchange.getMessage().getHeader(EdiIntake.UNUSABLE_STATUSES, List.of(), List.class);
        StringBuilder report = new StringBuilder();
        String rejected = rejectionReport(events, fileName);
        if (rejected != null) {
            report.append(rejected);
        }
        if (!unusable.isEmpty()) {
            report.append(fileName).append(" had parts that could not be taken; the others were applied:\n");
            unusable.forEach(line -> report.append(line).append('\n'));
        }
        if (report.length() > 0) {
            throw new IllegalStateException(report.toString());
        }
        LOG.info("Inbox file {} processed: {}", fileName, outcomes(events));
    }

    /** Counts of what became of a batch's events, for a log line. */
    static String outcomes(List<IncomingEvent> events) {
        long applied = events.stream().filter(e -> "applied".equals(e.getOutcome())).count();
        long parked = events.stream().filter(e -> "parked".equals(e.getOutcome())).count();
        long duplicates = events.stream().filter(e -> e.getStatus() == IncomingEvent.Status.DUPLICATE).count();
        return events.size() + " event(s): " + applied + " applied, " + parked + " parked, " + duplicates
                + " duplicate(s)";
    }

    /** A short account of a file's rejected events, for the reason file beside it; null when none was rejected. */
    public String rejectionReport(List<IncomingEvent> events, String fileName) {
        StringBuilder answer = new StringBuilder();
        long rejected = 0;
        for (IncomingEvent incoming : events) {
            if (incoming.isRejected()) {
                rejected++;
                answer.append("event ").append(incoming.getIndex())
                        .append(incoming.getId() == null ? "" : " (id " + Echo.cut(incoming.getId()) + ")")
                        .append(": ").append(String.join("; ", incoming.getErrors())).append('\n');
            }
        }
        if (rejected == 0) {
            return null;
        }
        long others = events.size() - rejected;
        String rest = others == 0 ? "none of its " + events.size() + " event(s) was accepted"
                : "the other " + others + " event(s) were taken";
        return fileName + " had " + rejected + " rejected event(s); " + rest + ":\n" + answer;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 413 -> "payload too large";
            case 415 -> "unsupported media type";
            case 429 -> "too many requests";
            default -> "bad request";
        };
    }

    private ObjectNode result(IncomingEvent incoming) {
        ObjectNode result = mapper.createObjectNode();
        result.put("index", incoming.getIndex());
        // a rejected event's id or source may be of any length: the answer repeats its start
        result.put("id", Echo.cut(incoming.getId()));
        result.put("source", Echo.cut(incoming.getSource()));
        result.put("status", incoming.getStatus().name().toLowerCase(Locale.ROOT));
        if (incoming.getOutcome() != null) {
            result.put("outcome", incoming.getOutcome());
        }
        if (incoming.getReason() != null) {
            result.put("reason", incoming.getReason());
        }
        if (!incoming.getErrors().isEmpty()) {
            incoming.getErrors().forEach(result.putArray("errors")::add);
        }
        return result;
    }

    private JsonNode parse(String body, String what) {
        if (body == null || body.isEmpty()) {
            throw new IngressRejectedException(400, what + " is empty; expected a CloudEvent or a JSON array of them");
        }
        try {
            // a second value after the first would otherwise be dropped without a word
            // a key given twice would otherwise keep its last value without a word
            JsonNode answer = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(body);
            if (answer == null || answer.isMissingNode()) {
                throw new IngressRejectedException(400, what + " is empty");
            }
            return answer;
        } catch (JsonParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
                throw new IngressRejectedException(400, what + " gives the key " + duplicateKey(e.getMessage())
                        + " twice (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                        + "); each key may appear once in an object");
            }
            throw new IngressRejectedException(400, what + " is not valid JSON: " + JsonProblems.describe(e));
        } catch (MismatchedInputException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
                throw new IngressRejectedException(400, what + " holds more than one JSON value (the next begins at "
                        + "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                        + "); send one event or a JSON array of them, or one event a line in an .ndjson file");
            }
            throw new IngressRejectedException(400, what + " is not valid JSON: " + JsonProblems.describe(e));
        } catch (JsonProcessingException e) {
            throw new IngressRejectedException(400, what + " is not valid JSON: " + JsonProblems.describe(e));
        } catch (java.io.IOException e) {
            throw new IngressRejectedException(400, what + " is not valid JSON: " + firstLine(e.getMessage()));
        }
    }

    private static String duplicateKey(String message) {
        int open = message.indexOf('\'');
        int close = open < 0 ? -1 : message.indexOf('\'', open + 1);
        return close < 0 ? "(unnamed)" : "'" + Echo.cut(message.substring(open + 1, close)) + "'";
    }

    private List<IncomingEvent> toEvents(JsonNode root, String what) {
        List<IncomingEvent> answer = new ArrayList<>();
        if (root.isArray()) {
            if (root.isEmpty()) {
                throw new IngressRejectedException(400, what + " holds an empty array; expected at least one event");
            }
            if (root.size() > maxEventsPerRequest) {
                throw new IngressRejectedException(413, what + " holds " + root.size() + " events; the limit is "
                        + maxEventsPerRequest);
            }
            root.forEach(node -> answer.add(check(answer.size(), node)));
        } else if (root.isObject()) {
            answer.add(check(0, root));
        } else {
            throw new IngressRejectedException(400, what + " must be a CloudEvent object or an array of them");
        }
        return answer;
    }

    private IncomingEvent check(int index, JsonNode node) {
        ObjectNode event = node.isObject() ? (ObjectNode) node : null;
        List<String> problems = validator.validate(node);
        IncomingEvent answer = problems.isEmpty() ? IncomingEvent.valid(index, event)
                : IncomingEvent.invalid(index, event, problems);
        if (answer.isRejected()) {
            counters.rejected(answer);
        }
        return answer;
    }

    private void replace(List<IncomingEvent> events, IncomingEvent incoming, List<String> problems) {
        IncomingEvent invalid = IncomingEvent.invalid(incoming.getIndex(), incoming.getEvent(), problems);
        events.set(incoming.getIndex(), invalid);
        counters.rejected(invalid);
    }

    /**
     * Bodies and files are read as UTF-8 strictly: the text of bytes that must be UTF-8, or a refusal naming the first byte that is not: Jackson reads some
     * sequences UTF-8 forbids (an overlong '/', an encoded surrogate, a code point past U+10FFFF) as characters, and
     * they would reach Odoo as other characters than were sent.
     */
    private static String strictUtf8(byte[] content, String what) {
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new IngressRejectedException(400, what + " is not valid UTF-8: byte " + (in.position() + 1)
                    + String.format(Locale.ROOT, " (0x%02X)", content[in.position()] & 0xFF)
                    + " begins a sequence that UTF-8 does not allow; send the text as UTF-8");
        }
        return out.flip().toString();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
