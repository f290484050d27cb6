package io.logisync.odoo.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON-2 front: {@code POST /json/2/<model>/<method>} with a bearer API key, errors as HTTP statuses. */
final class Json2Front {

    private static final Pattern ROUTE = Pattern.compile("^/json/2/([^/]+)/([^/]+)$");
    private static final String DID_YOU_MEAN = "Did you mean POST /json/2/<model>/<method>?";
    private static final String NO_DATABASE = "<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
            + "<p>No database is selected and the requested URL was not found in the server-wide controllers.</p>\n"
            + "<p>Please verify the hostname, <a href=/web/login>login</a> and try again.</p>\n\n"
            + "<!-- Alternatively, use the X-Odoo-Database header. -->\n";
    private static final String UNSUPPORTED_MEDIA = "<!doctype html>\n<html lang=en>\n"
            + "<title>415 Unsupported Media Type</title>\n<h1>Unsupported Media Type</h1>\n"
            + "<p>Request inferred type is compatible with [&#39;http&#39;] but "
            + "&#39;/json/2/&lt;__model__&gt;/&lt;__method__&gt;&#39; is type=&#39;json2&#39;.<br><br>"
            + "Please verify the Content-Type request header and try again.</p>\n";
    private static final Map<String, String> BEARER_CHALLENGE = Map.of("WWW-Authenticate", "Bearer ");

    private final ExternalApi api;

    Json2Front(ExternalApi api) {
        this.api = api;
    }

    /** Serves one exchange and answers the call as it is to be logged. */
    SimulatorCall serve(HttpExchange exchange, byte[] body) throws IOException {
        CallTrace trace = new CallTrace("json2");
        String database = exchange.getRequestHeaders().getFirst("X-Odoo-Database");
        if (database != null && !database.equals(api.credentials().database())) {
            HttpReply.html(exchange, 404, NO_DATABASE);
            return trace.finish(404, null);
        }
        Matcher route = ROUTE.matcher(exchange.getRequestURI().getPath());
        if (!route.matches() || !exchange.getRequestMethod().equals("POST")) {
            return fail(exchange, trace, new OdooError(ErrorKind.NOT_FOUND, DID_YOU_MEAN));
        }
        trace.target(route.group(1), route.group(2));
        if (body.length > 0 && !isJson(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            HttpReply.html(exchange, 415, UNSUPPORTED_MEDIA);
            return trace.finish(415, null);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            return fail(exchange, trace, new OdooError(ErrorKind.UNAUTHORIZED,
                    "User not authenticated, use an API Key with a Bearer Authorization header."));
        }
        if (!authorization.substring("bearer ".length()).strip().equals(api.credentials().apiKey())) {
            return fail(exchange, trace, new OdooError(ErrorKind.UNAUTHORIZED, "Invalid apikey"));
        }
        Map<String, Object> params;
        try {
            params = parse(body);
        } catch (OdooError e) {
            return fail(exchange, trace, e);
        }
        try {
            Object result = api.json2(trace, route.group(1), route.group(2), params);
            HttpReply.json(exchange, 200, result);
            return trace.finish(200, null);
        } catch (OdooError e) {
            return fail(exchange, trace, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(byte[] body) {
        if (body.length == 0) {
            return Map.of();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new OdooError(ErrorKind.BAD_REQUEST, "could not parse the body as json: "
                    + Json.pythonError(e, text));
        }
        if (!(parsed instanceof Map)) {
            throw new OdooError(ErrorKind.BAD_REQUEST, "could not parse the body, expecting a json object");
        }
        return (Map<String, Object>) parsed;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mimetype = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return List.of("application/json", "application/json-rpc").contains(mimetype);
    }

    private static SimulatorCall fail(HttpExchange exchange, CallTrace trace, OdooError error) throws IOException {
        Map<String, String> headers = error.kind() == ErrorKind.UNAUTHORIZED ? BEARER_CHALLENGE : Map.of();
        HttpReply.json(exchange, error.httpStatus(), HttpReply.errorBody(error), headers);
        return trace.finish(error.httpStatus(), error.pythonName());
    }
}
