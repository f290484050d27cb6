package io.logisync.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.contract.ContractSync;
import io.logisync.contract.ContractVersion;
import io.logisync.ingress.ApiKeys;
import io.logisync.ingress.EventValidator;
import io.logisync.parking.ParkReasons;
import io.logisync.parking.ParkingDesk;
import io.logisync.store.ParkingStore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a full master-data export from dispatch (a file, or the answer of its REST endpoint): customers, then
 * carriers, then contracts. Each record is checked as the event it stands for would be; only what changed since
 * the last export reaches Odoo, and new partners are created in batches. A record that fails is parked alone,
 * with its reason, as that event; the others are applied.
 */
public class MasterDataExportSync {

    /** Property: the keys parked events may wait for that this export satisfied. */
    public static final String ARRIVED_KEYS = ContractSync.ARRIVED_KEYS;

    private static final Logger LOG = LoggerFactory.getLogger(MasterDataExportSync.class);
    private static final Set<String> SECTIONS = Set.of("exportId", "exportedAt", "customers", "carriers",
            "contracts");

    /** What one export did, for the log and for tests. */
    public record Summary(String origin, Map<PartnerSync.Action, Integer> partners, int contracts, int parked) {
    }

    private final ObjectMapper mapper;
    private final EventValidator validator;
    private final PartnerSync partners;
    private final ContractSync contracts;
    private final ParkingStore parking;
    private final ParkingDesk desk;
    private final String source;

    public MasterDataExportSync(ObjectMapper mapper, EventValidator validator, PartnerSync partners,
            ContractSync contracts, ParkingStore parking, ParkingDesk desk, String source) {
        this.mapper = mapper;
        this.validator = validator;
        this.partners = partners;
        this.contracts = contracts;
        this.parking = parking;
        this.desk = desk;
        this.source = source;
    }

    /** Applies the export text; {@code origin} names it in logs (a file name, or the endpoint). */
    public synchronized Summary apply(String body, String origin, Exchange exchange) {
        JsonNode export = parse(body, origin);
        Set<String> arrived = new LinkedHashSet<>();
        Map<PartnerSync.Action, Integer> counts = new EnumMap<>(PartnerSync.Action.class);
        int[] parked = {0};
        for (PartnerKind kind : PartnerKind.values()) {
            List<ObjectNode> events = events(export, kind.bindingKind() + "s", "logistics." + kind.bindingKind()
                    + ".upserted.v1");
            List<MasterRecord> records = new ArrayList<>();
            List<ObjectNode> recordEvents = new ArrayList<>();
            for (ObjectNode event : checked(events, parked)) {
                try {
                    records.add(MasterRecordReader.read(kind, event.get("data")));
                    recordEvents.add(event);
                } catch (IllegalArgumentException e) {
                    park(event, e, parked);
                }
            }
            List<PartnerSync.Outcome> outcomes = partners.apply(kind, records);
            for (int i = 0; i < outcomes.size(); i++) {
                PartnerSync.Outcome outcome = outcomes.get(i);
                counts.merge(outcome.action(), 1, Integer::sum);
                if (outcome.failed()) {
                    park(eventFor(recordEvents, outcome.record().code()), outcome.error(), parked);
                } else {
                    arrived.add(kind.waitingKey(outcome.record().code()));
                }
            }
        }
        int contractCount = 0;
        for (ObjectNode event : checked(events(export, "contracts", "logistics.contract.upserted.v1"), parked)) {
            try {
                ContractVersion contract = contracts.apply(event.get("data"), event.get("id").asText());
                arrived.addAll(ContractSync.waitingKeys(contract));
                contractCount++;
            } catch (RuntimeException e) {
                if (e instanceof io.logisync.odoo.OdooException odoo && odoo.isRetryable()) {
                    throw e;
                }
                park(event, e, parked);
            }
        }
        exchange.setProperty(ARRIVED_KEYS, desk.awaited(arrived));
        Summary summary = new Summary(origin, counts, contractCount, parked[0]);
        LOG.info("Master-data export {} applied: partners {}, contracts {}, parked {}", origin, counts,
                contractCount, parked[0]);
        return summary;
    }

    private JsonNode parse(String body, String origin) {
        JsonNode export;
        try {
            export = mapper.readTree(body == null ? "" : body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("master-data export " + origin + " is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (export == null || !export.isObject()) {
            throw new IllegalArgumentException("master-data export " + origin + " must be a JSON object with"
                    + " customers, carriers and contracts arrays");
        }
        export.fieldNames().forEachRemaining(name -> {
            if (!SECTIONS.contains(name)) {
                throw new IllegalArgumentException("master-data export " + origin + ": unknown section '" + name
                        + "' (known: " + String.join(", ", SECTIONS.stream().sorted().toList()) + ")");
            }
        });
        return export;
    }

    /** The records of a section, each made the CloudEvent it stands for, so it is checked and parked as one. */
    private List<ObjectNode> events(JsonNode export, String section, String type) {
        JsonNode records = export.path(section);
        if (records.isMissingNode() || records.isNull()) {
            return List.of();
        }
        if (!records.isArray()) {
            throw new IllegalArgumentException("master-data export: " + section + " must be an array");
        }
        String time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        List<ObjectNode> answer = new ArrayList<>();
        for (JsonNode data : records) {
            ObjectNode event = mapper.createObjectNode();
            String code = data.path("code").asText("");
            event.put("specversion", "1.0");
            // the same record in a later export gets the same id, so a record that keeps failing is parked once
            event.put("id", "master-data-sync/" + section + "/" + code + "/"
                    + ApiKeys.sha256(data.toString()).substring(0, 16));
            event.put("source", source);
            event.put("type", type);
            event.put("subject", code);
            event.put("time", time);
            event.set("data", data);
            answer.add(event);
        }
        return answer;
    }

    private List<ObjectNode> checked(List<ObjectNode> events, int[] parked) {
        List<ObjectNode> answer = new ArrayList<>();
        for (ObjectNode event : events) {
            List<String> problems = validator.validate(event);
            if (problems.isEmpty()) {
                answer.add(event);
            } else {
                park(event, new IllegalArgumentException(String.join("; ", problems)), parked);
            }
        }
        return answer;
    }

    private static ObjectNode eventFor(List<ObjectNode> events, String code) {
        ObjectNode answer = null;
        for (ObjectNode event : events) {
            if (event.get("subject").asText().equals(code)) {
                answer = event;
            }
        }
        return answer;
    }

    private void park(ObjectNode event, Throwable cause, int[] parked) {
        String reason = ParkingDesk.reasonOf(cause);
        String waitingFor = cause instanceof io.logisync.parking.ParkException park ? park.getWaitingFor()
                : ParkReasons.ODOO_UNAVAILABLE.equals(reason) ? ParkingDesk.WAITING_FOR_ODOO : null;
        String detail = ParkingDesk.detailOf(cause);
        String eventId = event.get("id").asText();
        var existing = parking.parkedIdOf(source, eventId);
        if (existing.isPresent()) {
            parking.repark(existing.get(), reason, waitingFor, detail);
        } else {
            parking.park(eventId, source, event.get("type").asText(), event.get("subject").asText(), reason,
                    waitingFor, detail, event.toString());
        }
        parked[0]++;
        LOG.warn("Parked master-data record {} subject {} as {}: {}", eventId, event.get("subject").asText(),
                reason == null ? ParkReasons.PROCESSING_ERROR : reason, detail);
    }
}
