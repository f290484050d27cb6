package io.logisync.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.ingress.ApiKeys;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.store.BindingStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a customer's company partner in Odoo in step with dispatch: bound by customer code ({@code ref}), found in
 * Odoo before any create, and written only when what dispatch says has changed.
 */
public class CustomerSync {

    /** Header naming what the route must do: {@code create}, {@code write} or {@code unchanged}. */
    public static final String ACTION = "LogisyncAction";
    /** Header holding the hash of the values about to be written. */
    public static final String CONTENT_HASH = "LogisyncContentHash";
    public static final String IDS = "CamelOdooIds";
    /** Property holding the customer code the exchange is about. */
    public static final String CUSTOMER_CODE = "LogisyncCustomerCode";
    public static final String KIND = "customer";

    private static final Logger LOG = LoggerFactory.getLogger(CustomerSync.class);
    private static final String MODEL = "res.partner";

    private final OdooClient odoo;
    private final OdooDirectory directory;
    private final BindingStore bindings;
    private final ObjectMapper mapper;

    public CustomerSync(OdooClient odoo, OdooDirectory directory, BindingStore bindings, ObjectMapper mapper) {
        this.odoo = odoo;
        this.directory = directory;
        this.bindings = bindings;
        this.mapper = mapper;
    }

    /** Builds the partner values and decides between create, write and nothing. */
    public Map<String, Object> prepare(JsonNode event, Exchange exchange) {
        JsonNode data = event.get("data");
        String code = data.get("code").asText();
        Map<String, Object> values = partnerValues(data);
        String hash = ApiKeys.sha256(toJson(values));
        var message = exchange.getMessage();
        message.setHeader(CONTENT_HASH, hash);
        exchange.setProperty(CUSTOMER_CODE, code);
        Optional<BindingStore.Binding> binding = bindings.find(KIND, code);
        Optional<Long> partnerId = binding.map(BindingStore.Binding::odooId).or(() -> findInOdoo(code));
        if (partnerId.isEmpty()) {
            message.setHeader(ACTION, "create");
        } else if (binding.map(b -> hash.equals(b.contentHash())).orElse(false)) {
            message.setHeader(ACTION, "unchanged");
            message.setHeader(IDS, List.of(partnerId.get()));
        } else {
            message.setHeader(ACTION, "write");
            message.setHeader(IDS, List.of(partnerId.get()));
        }
        return values;
    }

    /** Creates the partner, unless an earlier attempt whose reply was lost already did. */
    public long create(Map<String, Object> values, Exchange exchange) {
        String code = (String) values.get("ref");
        Optional<Long> existing = findInOdoo(code);
        long answer = existing.orElseGet(() -> odoo.create(MODEL, List.of(values), OdooContext.DEFAULT).get(0));
        if (existing.isPresent()) {
            odoo.write(MODEL, List.of(answer), values, OdooContext.DEFAULT);
        }
        bindings.bind(KIND, code, MODEL, answer, exchange.getMessage().getHeader(CONTENT_HASH, String.class));
        LOG.debug("Customer {} created in Odoo as res.partner {}", code, answer);
        return answer;
    }

    /** Records what was written, so the same values arriving again make no Odoo call. */
    public void written(Exchange exchange) {
        String code = exchange.getProperty(CUSTOMER_CODE, String.class);
        @SuppressWarnings("unchecked")
        List<Long> ids = exchange.getMessage().getHeader(IDS, List.class);
        bindings.bind(KIND, code, MODEL, ids.get(0), exchange.getMessage().getHeader(CONTENT_HASH, String.class));
        LOG.debug("Customer {} updated in Odoo res.partner {}", code, ids.get(0));
    }

    /** The partner bound to a customer code, looked up in Odoo by {@code ref} when logisync has no binding yet. */
    public Optional<Long> partnerOf(String customerCode) {
        Optional<Long> bound = bindings.find(KIND, customerCode).map(BindingStore.Binding::odooId);
        if (bound.isPresent()) {
            return bound;
        }
        Optional<Long> found = findInOdoo(customerCode);
        found.ifPresent(id -> bindings.bind(KIND, customerCode, MODEL, id, null));
        return found;
    }

    private Optional<Long> findInOdoo(String code) {
        List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("ref", "=", code), List.of("is_company", "=",
                true)), List.of("id", "ref"), 2, "id", OdooContext.DEFAULT);
        if (found.size() > 1) {
            LOG.warn("Odoo has several company partners with reference {}; customer {} binds to the oldest, id {}",
                    code, code, found.get(0).id());
        }
        return found.stream().findFirst().map(OdooRecord::id);
    }

    private Map<String, Object> partnerValues(JsonNode data) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", data.get("name").asText().strip());
        values.put("ref", data.get("code").asText());
        values.put("is_company", true);
        values.put("customer_rank", 1);
        values.put("vat", normaliseTaxId(text(data, "taxId")));
        String email = text(data, "email");
        values.put("email", email == null ? null : email.strip().toLowerCase(Locale.ROOT));
        values.put("phone", text(data, "phone"));
        JsonNode address = data.get("address");
        values.put("street", text(address, "street"));
        values.put("street2", text(address, "street2"));
        values.put("city", text(address, "city"));
        values.put("zip", text(address, "postalCode"));
        String country = text(address, "country");
        values.put("country_id", directory.countryId(country).orElseThrow(() -> new IllegalArgumentException(
                "data.address.country: Odoo knows no country with ISO code " + country)));
        // Known gap: address.region is not mapped to res.country.state yet.
        values.put("active", !data.has("active") || data.get("active").asBoolean());
        return values;
    }

    /** Tax ids arrive with spaces, dots and dashes in many styles; Odoo compares them as typed. */
    static String normaliseTaxId(String taxId) {
        if (taxId == null) {
            return null;
        }
        String answer = taxId.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
        return answer.isEmpty() ? null : answer;
    }

    private String toJson(Map<String, Object> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("partner values cannot be written as JSON", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) && !node.get(field).asText().isBlank()
                ? node.get(field).asText() : null;
    }
}
