package io.logisync.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks a CloudEvent against the envelope schema and the JSON Schema of its type's data. */
public class EventValidator {

    private static final String BASE = "https://logisync.io/schemas/";
    private static final Pattern SHARED_TYPE = Pattern.compile("defs\\.schema\\.json#/\\$defs/(\\w+)/pattern$");
    // Known gap: free text (a street, a city, a charge's description, a reason) is not checked for control
    // characters at the door; a NUL there is refused by Odoo and the event parked as ODOO_REJECTED
    private static final Map<String, String> PATTERN_MEANINGS = Map.ofEntries(
            Map.entry("eventId", "must be an event id with no space at its start or end and no control characters"
                    + " (tab, line breaks, U+0000 to U+001F, U+007F)"),
            Map.entry("code", "must be a code with no space at its start or end and no control characters (tab,"
                    + " line breaks, U+0000 to U+001F, U+007F)"),
            Map.entry("loadRef", "must be a load reference with no space at its start or end and no control"
                    + " characters (tab, line breaks, U+0000 to U+001F, U+007F)"),
            Map.entry("name", "must hold a visible character and no control characters (tab, line breaks, U+0000"
                    + " to U+001F, U+007F)"),
            Map.entry("timestamp", "must be an RFC 3339 time with an offset, e.g. 2026-11-02T14:05:00-06:00"),
            Map.entry("date", "must be a date written YYYY-MM-DD"),
            Map.entry("email", "must be an e-mail address: a name, @ and a domain with a dot, e.g. ap@example.com"),
            Map.entry("currency", "must be an ISO 4217 currency code in capitals, e.g. USD"),
            Map.entry("country", "must be an ISO 3166-1 alpha-2 country code in capitals, e.g. US"));

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private final JsonSchema envelope = factory.getSchema(SchemaLocation.of(BASE + "cloudevent.schema.json"));
    private final Map<String, JsonSchema> dataSchemas = new ConcurrentHashMap<>();
    private final Set<String> supportedTypes;

    public EventValidator(Set<String> supportedTypes) {
        this.supportedTypes = Set.copyOf(supportedTypes);
        supportedTypes.forEach(this::dataSchema);
    }

    /** The problems found, each naming the field and the rule it breaks; empty when the event is valid. */
    public List<String> validate(JsonNode event) {
        if (event == null || !event.isObject()) {
            return List.of("$: an event must be a JSON object");
        }
        List<String> answer = describe(envelope.validate(event), "");
        if (!answer.isEmpty()) {
            return answer;
        }
        String type = event.get("type").asText();
        if (!supportedTypes.contains(type)) {
            return List.of("$.type: '" + Echo.cut(type) + "' is not an event type this logisync accepts (supported: "
                    + String.join(", ", supportedTypes.stream().sorted().toList()) + ")");
        }
        List<String> dataProblems = describe(dataSchema(type).validate(event.get("data")), "$.data");
        return dataProblems.isEmpty() ? EventRules.check(event) : dataProblems;
    }

    public Set<String> supportedTypes() {
        return supportedTypes;
    }

    private JsonSchema dataSchema(String type) {
        return dataSchemas.computeIfAbsent(type,
                t -> factory.getSchema(SchemaLocation.of(BASE + t + ".schema.json")));
    }

    private static List<String> describe(Set<ValidationMessage> messages, String prefix) {
        List<String> answer = new ArrayList<>();
        messages.stream().sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                .forEach(m -> answer.add(prefix.isEmpty() ? withRule(m) : prefix + withRule(m).substring(1)));
        return answer;
    }

    /** Networknt's message names the location; the keyword that failed is the rule. */
    private static String withRule(ValidationMessage message) {
        String meaning = "pattern".equals(message.getType()) ? patternMeaning(message) : null;
        if (meaning != null) {
            return Echo.cut(message.getInstanceLocation().toString()) + ": "
                    + Echo.cut(String.valueOf(message.getInstanceNode())) + " " + meaning + " (rule: pattern)";
        }
        return shortened(message) + " (rule: " + message.getType() + ")";
    }

    /** Networknt's message with the sender's values in it (a property's name, say) cut to a readable length. */
    private static String shortened(ValidationMessage message) {
        String answer = message.getMessage();
        String location = message.getInstanceLocation().toString();
        if (location.length() > Echo.MAX_CHARACTERS) {
            answer = answer.replace(location, Echo.cut(location));
        }
        for (Object argument : message.getArguments() == null ? new Object[0] : message.getArguments()) {
            String value = String.valueOf(argument);
            if (value.length() > Echo.MAX_CHARACTERS) {
                answer = answer.replace(value, Echo.cut(value));
            }
        }
        return answer;
    }

    /** A regular expression tells a sender little: the shared value types say what they expect in words. */
    private static String patternMeaning(ValidationMessage message) {
        Matcher shared = SHARED_TYPE.matcher(String.valueOf(message.getSchemaLocation()));
        return shared.find() ? PATTERN_MEANINGS.get(shared.group(1)) : null;
    }
}
