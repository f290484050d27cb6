package io.logisync.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.ingress.JsonProblems;
import java.util.Iterator;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;

/** How logisync's JSON APIs (exceptions console, approvals, reports) answer: the body, its status and headers. */
public final class ApiAnswers {

    private ApiAnswers() {
    }

    /**
     * Refuses a request body with a key the request does not take (a misspelt {@code amont} would otherwise be
     * ignored, and the request done without it): 400 naming the key and the keys accepted.
     */
    public static void requireOnlyKeys(JsonNode body, String... accepted) {
        List<String> known = List.of(accepted);
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ApiRequestException(400, "$." + name + ": not a key this request takes (accepted: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    /**
     * Reads a request body that must be a JSON object, such as {@code {"reason": "..."}}; an empty body reads as an
     * empty object, anything else is refused with 400 saying why.
     */
    public static JsonNode readObject(ObjectMapper mapper, Exchange exchange) {
        return readObject(mapper, exchange, "the body must be a JSON object, e.g. {\"reason\": \"...\"}");
    }

    /** {@link #readObject(ObjectMapper, Exchange)} refusing a body that is not an object with the given message. */
    public static JsonNode readObject(ObjectMapper mapper, Exchange exchange, String notAnObject) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode answer = mapper.readTree(body);
            if (!answer.isObject()) {
                throw new ApiRequestException(400, notAnObject);
            }
            return answer;
        } catch (JsonProcessingException e) {
            throw new ApiRequestException(400, "the body is not valid JSON: " + JsonProblems.describe(e));
        }
    }

    /** Sets the status and headers of a JSON answer that no cache keeps, and returns its body. */
    public static String json(ObjectMapper mapper, Exchange exchange, int status, JsonNode body)
            throws JsonProcessingException {
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        return mapper.writeValueAsString(body);
    }

    /**
     * Answers a refused request with {@code {"status", "message"}}: 401 or 403 for the caller, the status an
     * {@link ApiRequestException} carries, 400 for an argument logisync could not read, and 500 with the given
     * message for anything unexpected, which is logged in full for operators.
     */
    public static String refusal(ObjectMapper mapper, Exchange exchange, Logger log, String unexpectedMessage)
            throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int status;
        String message = cause == null ? unexpectedMessage : cause.getMessage();
        if (cause instanceof AccessDeniedException denied) {
            status = denied.getStatus();
            if (status == 401) {
                exchange.getMessage().setHeader("WWW-Authenticate", "Bearer");
            }
        } else if (cause instanceof ApiRequestException request) {
            status = request.getStatus();
        } else if (cause instanceof IllegalArgumentException) {
            status = 400;
        } else {
            status = 500;
            message = unexpectedMessage;
            log.error("{} request failed: {}", exchange.getFromRouteId(), unexpectedMessage, cause);
        }
        ObjectNode answer = mapper.createObjectNode();
        // "error" as the event API and the door answer; "status" kept for the clients that read it
        answer.put("error", switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 413 -> "payload too large";
            case 415 -> "unsupported media type";
            case 500 -> "internal error";
            default -> "bad request";
        });
        answer.put("status", status);
        answer.put("message", Redaction.redactText(message));
        return json(mapper, exchange, status, answer);
    }
}
