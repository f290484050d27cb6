package io.logisync.settlement;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.invoicing.MoveBatcher;
import io.logisync.invoicing.MoveBatches;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.settlement.Assignments.Assignment;
import io.logisync.settlement.VendorBillStore.Bill;
import io.logisync.settlement.VendorBillStore.Kind;
import io.logisync.settlement.VendorBillStore.Line;
import io.logisync.settlement.VendorBillStore.Status;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.store.BindingStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carrier costs into Odoo vendor bills ({@code in_invoice}): a carrier's bill (carrier.invoice.received) is matched,
 * load by load, with the cost agreed at assignment and made and posted when it is within the tolerance, else it waits
 * for an approver; a settlement (settlement.requested) bills a carrier's delivered, not yet billed loads at the agreed
 * cost. The same carrier invoice twice makes one bill: logisync's record, then its binding, then Odoo (partner and
 * vendor reference) are looked at before anything is created.
 *
 * <p>With {@link #batchWith batches} of more than one, the bills that events make at about the same time are created
 * in one {@code create} and posted in one {@code action_post} ({@link MoveBatcher}); the event's thread waits for its
 * own bill, and a bill Odoo refuses fails alone.
 */
public class VendorBills {

    public static final String MODEL = "account.move";
    public static final String MOVE_TYPE = "in_invoice";
    /** Binding kind of a vendor bill, keyed by carrier code and vendor reference. */
    public static final String BINDING = "vendor-bill";
    /** What a bill waiting for an approver waits for: {@code settlement-approval:<carrier>/<invoice number>}. */
    public static final String APPROVAL_KEY = "settlement-approval:";
    /**
     * What a resend that contradicts a recorded bill is parked under:
     * {@code carrier-invoice-conflict:<carrier>/<number>}. Nothing wakes it: an operator reads it and discards it, or
     * replays it once the recorded bill is put right.
     */
    public static final String CONFLICT_KEY = "carrier-invoice-conflict:";

    private static final Logger LOG = LoggerFactory.getLogger(VendorBills.class);

    private final OdooClient odoo;
    private final VendorBillStore store;
    private final Assignments assignments;
    private final BindingStore bindings;
    private final ChargeCatalog catalog;
    private final OdooDirectory directory;
    private final AnalyticAccounts analytic;
    private final Tolerance tolerance;
    private final boolean post;
    private final String settlementChargeCode;
    private final Clock clock;
    private volatile MoveBatches batches;

    public VendorBills(OdooClient odoo, VendorBillStore store, Assignments assignments, BindingStore bindings,
            ChargeCatalog catalog, OdooDirectory directory, AnalyticAccounts analytic, Tolerance tolerance,
            boolean post, String settlementChargeCode, Clock clock) {
        this.odoo = odoo;
        this.store = store;
        this.assignments = assignments;
        this.bindings = bindings;
        this.catalog = catalog;
        this.directory = directory;
        this.analytic = analytic;
        this.tolerance = tolerance;
        this.post = post;
        this.settlementChargeCode = settlementChargeCode;
        this.clock = clock;
    }

    /** Makes bills in batches through {@code batches} (a size of 1 keeps them one by one). */
    public void batchWith(MoveBatches moveBatches) {
        this.batches = moveBatches;
    }

    /** True when bills are made in batches ({@code logisync.settlement.batch.size} above 1). */
    public boolean isBatched() {
        MoveBatches b = batches;
        return b != null && b.size() > 1;
    }

    // ---------------------------------------------------------------- carrier.invoice.received

    /** Applies a carrier's bill: makes its vendor bill, parks it for approval, or finds it was made already. */
    public void receive(JsonNode event) {
        receive(event, null);
    }

    /**
     * Applies a carrier's bill (see {@link #receive(JsonNode)}); a resend with the content of the bill recorded is
     * answered to its sender as {@code duplicate}, one with other content is parked {@code CARRIER_INVOICE_CONFLICT}.
     */
    public void receive(JsonNode event, org.apache.camel.Exchange exchange) {
        JsonNode data = event.path("data");
        String carrier = data.path("carrierCode").asText();
        String number = data.path("carrierInvoiceNumber").asText();
        String key = VendorBillStore.keyOf(carrier, number);
        Optional<Bill> known = store.find(key);
        List<Line> lines = linesOf(data);
        if (known.isPresent()) {
            Bill bill = known.get();
            BigDecimal total = Assignments.money(data.path("total"), "$.data.total");
            List<Line> recorded = store.lines(key);
            if (!sameContent(bill, recorded, data.path("currency").asText(), total, lines)) {
                throw conflict(bill, recorded, event, total, lines);
            }
            LOG.info("Carrier invoice {} of {} sent again (event {}) with the content logisync recorded ({}); nothing"
                    + " new", number, carrier, event.path("id").asText(), bill.status());
            markRepeated(exchange);
            proceed(bill);
            return;
        }
        BigDecimal sum = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = Assignments.money(data.path("total"), "$.data.total");
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException("carrier invoice " + number + " of " + carrier + ": its total "
                    + total.toPlainString() + " is not the sum of its lines, " + sum.toPlainString());
        }
        assignments.requireCarrier(carrier, "carrier invoice " + number);
        catalog.requireMapped(lines.stream().map(Line::chargeCode).distinct().toList());
        String currency = data.path("currency").asText();
        Match match = match(key, carrier, currency, lines);
        Bill bill = new Bill(key, Kind.CARRIER_INVOICE, carrier, number, LocalDate.parse(data.path("invoiceDate")
                .asText()), currency, total, match.within() ? Status.PLANNED : Status.AWAITING_APPROVAL,
                match.detail(), null, null, null, null, null, null, event.path("id").asText(),
                event.path("source").asText());
        store.plan(bill, lines);
        proceed(store.find(key).orElseThrow());
    }

    private static List<Line> linesOf(JsonNode data) {
        List<Line> lines = new ArrayList<>();
        int n = 1;
        for (JsonNode line : data.path("lines")) {
            String loadRef = line.path("loadRef").asText();
            String chargeCode = line.path("chargeCode").asText();
            String description = line.path("description").asText("").strip();
            BigDecimal amount = Assignments.money(line.path("amount"), "$.data.lines[" + (n - 1) + "].amount");
            lines.add(new Line(n++, loadRef, chargeCode, (description.isEmpty() ? chargeCode : description)
                    + " - load " + loadRef, amount));
        }
        return lines;
    }

    /**
     * Whether a resend says what the recorded bill says: its currency, total and lines (load, charge code and amount,
     * in any order). Descriptions are not compared: a source may word them differently.
     */
    static boolean sameContent(Bill bill, List<Line> recorded, String currency, BigDecimal total, List<Line> lines) {
        return bill.currency().equals(currency) && bill.total().compareTo(total) == 0
                && contentOf(recorded).equals(contentOf(lines));
    }

    private static List<String> contentOf(List<Line> lines) {
        return lines.stream().map(l -> l.loadRef() + " " + l.chargeCode() + " " + l.amount().setScale(2)
                .toPlainString()).sorted().toList();
    }

    private static String describe(String currency, BigDecimal total, List<Line> lines) {
        StringBuilder text = new StringBuilder(currency).append(' ').append(total.toPlainString()).append(" [");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            text.append(i == 0 ? "" : ", ").append("load ").append(l.loadRef()).append(' ').append(l.chargeCode())
                    .append(' ').append(l.amount().toPlainString());
        }
        return text.append(']').toString();
    }

    private ParkException conflict(Bill bill, List<Line> recorded, JsonNode event, BigDecimal total,
            List<Line> lines) {
        String booked = switch (bill.status()) {
            case CREATED -> "booked in Odoo as " + (bill.number() == null ? "account.move " + bill.odooId()
                    : bill.number() + " (account.move " + bill.odooId() + ", " + bill.state() + ")");
            case REJECTED -> "REJECTED by " + bill.decidedBy() + (bill.decidedAt() == null ? "" : " at "
                    + bill.decidedAt()) + " (\"" + bill.decisionReason() + "\"), so no vendor bill was made";
            case AWAITING_APPROVAL -> "waiting for an approver";
            default -> bill.status().name();
        };
        String fix = bill.status() == Status.REJECTED
                ? "a corrected invoice is not booked over a rejection: an approver or the carrier decides it (a new"
                        + " invoice number is matched as a new bill)"
                : "a changed invoice is not booked over the recorded bill: correct it in Odoo (credit note) or have"
                        + " the carrier send it under a new invoice number";
        return new ParkException(ParkReasons.CARRIER_INVOICE_CONFLICT, CONFLICT_KEY + bill.billKey(),
                "carrier invoice " + bill.vendorRef() + " of " + bill.carrierCode() + " was sent again (event "
                        + event.path("id").asText() + ") with other content than the bill logisync recorded from"
                        + " event " + bill.eventId() + ", " + booked + ": recorded " + describe(bill.currency(),
                                bill.total(), recorded) + ", now " + describe(event.path("data").path("currency")
                                        .asText(), total, lines) + "; " + fix);
    }

    private static void markRepeated(org.apache.camel.Exchange exchange) {
        io.logisync.ingress.IncomingEvent incoming = exchange == null ? null
                : exchange.getProperty(io.logisync.flow.EventHeaders.INCOMING, io.logisync.ingress.IncomingEvent.class);
        if (incoming != null) {
            incoming.markRepeated();
        }
    }

    /** Takes a recorded bill on from where it stands. */
    private void proceed(Bill bill) {
        switch (bill.status()) {
            case REJECTED -> LOG.info("Carrier invoice {} of {} was rejected by {}; no vendor bill is made",
                    bill.vendorRef(), bill.carrierCode(), bill.decidedBy());
            case AWAITING_APPROVAL -> {
                Match now = match(bill.billKey(), bill.carrierCode(), bill.currency(), store.lines(bill.billKey()));
                if (now.within() && store.matchedLater(bill.billKey(), now.detail())) {
                    LOG.info("Carrier invoice {} of {} now matches its agreed cost; its vendor bill is made",
                            bill.vendorRef(), bill.carrierCode());
                    make(bill.billKey());
                    return;
                }
                throw new ParkException(ParkReasons.AWAITING_SETTLEMENT_APPROVAL, APPROVAL_KEY + bill.billKey(),
                        "carrier invoice " + bill.vendorRef() + " of " + bill.carrierCode() + " waits for an approver"
                                + " (POST /api/v1/carrier-invoices/" + bill.carrierCode() + "/" + bill.vendorRef()
                                + "/approve or /reject): " + now.detail());
            }
            default -> make(bill.billKey());
        }
    }

    /** Whether every load of the bill is within the tolerance of its agreed cost, and what differs. */
    record Match(boolean within, String detail) {
    }

    Match match(String billKey, String carrier, String currency, List<Line> lines) {
        // Known gap: a load is matched on the total of its lines; which charges make up the difference is not told.
        Map<String, BigDecimal> byLoad = new LinkedHashMap<>();
        lines.forEach(line -> byLoad.merge(line.loadRef(), line.amount(), BigDecimal::add));
        Map<String, String> billedElsewhere = store.billedLoads(byLoad.keySet(), billKey);
        List<String> problems = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        byLoad.forEach((load, billed) -> {
            Optional<Assignment> assignment = assignments.find(load);
            if (billedElsewhere.containsKey(load)) {
                problems.add("load " + load + " is billed already on " + billedElsewhere.get(load));
            } else if (assignment.isEmpty()) {
                problems.add("load " + load + " has no assignment (no shipment.assigned), so no agreed cost");
            } else if (!assignment.get().carrierCode().equals(carrier)) {
                problems.add("load " + load + " is assigned to carrier " + assignment.get().carrierCode() + ", not "
                        + carrier);
            } else if (!assignment.get().currency().equals(currency)) {
                problems.add("load " + load + " was agreed in " + assignment.get().currency() + " but is billed in "
                        + currency);
            } else {
                BigDecimal agreed = assignment.get().agreedAmount();
                String figures = "load " + load + " billed " + billed.toPlainString() + " against "
                        + agreed.toPlainString() + " agreed (difference " + billed.subtract(agreed).toPlainString()
                        + ", tolerance " + tolerance.allowedFor(agreed).toPlainString() + ")";
                (tolerance.accepts(billed, agreed) ? matched : problems).add(figures);
            }
        });
        return problems.isEmpty() ? new Match(true, "within tolerance: " + String.join("; ", matched))
                : new Match(false, String.join("; ", problems));
    }

    // ---------------------------------------------------------------- settlement.requested

    /** Bills, at the agreed cost, the carrier's loads delivered in the period that no bill covers yet; once each. */
    public void settle(JsonNode event) {
        JsonNode data = event.path("data");
        String carrier = data.path("carrierCode").asText();
        LocalDate from = LocalDate.parse(data.path("periodFrom").asText());
        LocalDate to = LocalDate.parse(data.path("periodTo").asText());
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("$.data.periodTo: " + to + " is before periodFrom " + from);
        }
        String ref = "SETTLEMENT/" + carrier + "/" + from + ".." + to;
        String key = VendorBillStore.keyOf(carrier, ref);
        Optional<Bill> known = store.find(key);
        if (known.isPresent()) {
            // Known gap: loads delivered in the period after its settlement was made are not billed by a repeat.
            LOG.info("Settlement {} was requested before; event {} makes nothing new", ref, event.path("id").asText());
            proceed(known.get());
            return;
        }
        assignments.requireCarrier(carrier, "settlement.requested " + ref);
        Set<String> wanted = new LinkedHashSet<>();
        data.path("loadRefs").forEach(l -> wanted.add(l.asText()));
        List<Assignment> delivered = assignments.deliveredFor(carrier, from, to).stream()
                .filter(a -> wanted.isEmpty() || wanted.contains(a.loadRef())).toList();
        List<String> loadRefs = delivered.stream().map(Assignment::loadRef).toList();
        Map<String, String> billed = store.billedLoads(loadRefs, key);
        Map<String, String> leftOut = leftOut(loadRefs, billed);
        List<Assignment> open = delivered.stream().filter(a -> !billed.containsKey(a.loadRef())
                && !leftOut.containsKey(a.loadRef())).toList();
        String omitted = leftOut.isEmpty() ? "" : "; left out: " + String.join("; ", leftOut.values());
        if (open.isEmpty()) {
            LOG.info("Settlement {}: carrier {} has no delivered load in the period that is not billed already"
                    + " ({} delivered, {} billed){}; no vendor bill is made", ref, carrier, delivered.size(),
                    billed.size(), omitted);
            return;
        }
        Set<String> currencies = new LinkedHashSet<>();
        open.forEach(a -> currencies.add(a.currency()));
        if (currencies.size() > 1) {
            // Known gap: a settlement is one bill in one currency; loads agreed in several currencies are refused.
            throw new IllegalArgumentException("settlement " + ref + ": the loads were agreed in several currencies "
                    + currencies + "; one vendor bill has one currency, so request it per load with loadRefs");
        }
        catalog.requireMapped(List.of(settlementChargeCode));
        List<Line> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Assignment a : open) {
            lines.add(new Line(lines.size() + 1, a.loadRef(), settlementChargeCode, "Agreed carrier cost - load "
                    + a.loadRef(), a.agreedAmount()));
            total = total.add(a.agreedAmount());
        }
        LocalDate date = event.hasNonNull("time") ? io.logisync.flow.Times.parseInstant("$.time",
                event.get("time").asText()).atZone(ZoneOffset.UTC).toLocalDate() : LocalDate.now(clock);
        store.plan(new Bill(key, Kind.SETTLEMENT, carrier, ref, date, currencies.iterator().next(), total,
                Status.PLANNED, "self-billed at the agreed cost of " + lines.size() + " load(s)" + omitted, null,
                null, null, null, null, null, event.path("id").asText(), event.path("source").asText()), lines);
        if (!leftOut.isEmpty()) {
            LOG.info("Settlement {} of carrier {} bills {} load(s){}", ref, carrier, lines.size(), omitted);
        }
        make(key);
    }

    /**
     * The loads a settlement must not bill at the agreed cost, each with why: cancelled loads (a truck order not used
     * included, as no carrier-side TONU amount is agreed), and loads whose carrier invoice an approver rejected (they
     * wait for a corrected invoice or a decision).
     */
    private Map<String, String> leftOut(List<String> loadRefs, Map<String, String> billed) {
        List<String> candidates = loadRefs.stream().filter(l -> !billed.containsKey(l)).toList();
        Map<String, String> answer = new LinkedHashMap<>();
        Map<String, Boolean> cancelled = assignments.cancelled(candidates);
        Map<String, Bill> rejected = store.rejectedWithLoads(candidates);
        for (String load : candidates) {
            if (cancelled.containsKey(load)) {
                // Known gap: no carrier TONU amount is agreed, so a truck order not used is not self-billed.
                answer.put(load, "load " + load + " was cancelled" + (cancelled.get(load)
                        ? " with truck order not used; no TONU amount is agreed with the carrier, so it is billed"
                                + " only from the carrier's own invoice"
                        : ""));
            } else if (rejected.containsKey(load)) {
                Bill bill = rejected.get(load);
                answer.put(load, "load " + load + " has carrier invoice " + bill.vendorRef() + " rejected by "
                        + bill.decidedBy() + "; it waits for a corrected invoice or a decision");
            }
        }
        return answer;
    }

    // ---------------------------------------------------------------- Odoo

    /** Makes the bill in Odoo unless it is there already (binding, then partner and reference), then posts it. */
    void make(String billKey) {
        if (isBatched()) {
            makeInBatch(billKey);
            return;
        }
        Bill bill = store.find(billKey).orElseThrow();
        long partner = assignments.requireCarrier(bill.carrierCode(), "vendor bill " + bill.vendorRef());
        Long id = bill.odooId();
        boolean createdNow = false;
        if (id == null) {
            List<Line> lines = store.lines(billKey);
            Optional<Long> found = bindings.find(BINDING, billKey).map(BindingStore.Binding::odooId)
                    .or(() -> findInOdoo(partner, bill.vendorRef()));
            if (found.isPresent()) {
                id = found.get();
                LOG.info("Vendor bill {} of {} found in Odoo as account.move {}; not made again", bill.vendorRef(),
                        bill.carrierCode(), id);
            } else {
                id = odoo.create(MODEL, List.of(values(bill, partner, lines)), OdooContext.DEFAULT).get(0);
                createdNow = true;
                LOG.debug("Vendor bill {} of {} created in Odoo as account.move {}", bill.vendorRef(),
                        bill.carrierCode(), id);
            }
            bindings.bind(BINDING, billKey, MODEL, id, null);
            store.recordCreated(billKey, id);
        }
        // a bill this call has just created is a draft: its state is read first only when that is not known
        List<OdooRecord> read = createdNow && post ? List.of()
                : odoo.read(MODEL, List.of(id), List.of("name", "state"), OdooContext.DEFAULT);
        if (read.isEmpty() && !(createdNow && post)) {
            throw new IllegalStateException("account.move " + id + " of vendor bill " + billKey
                    + " is bound but no longer exists in Odoo");
        }
        if (post && (createdNow || "draft".equals(read.get(0).getString("state")))) {
            odoo.callOnRecords(MODEL, "action_post", List.of(id), OdooContext.DEFAULT);
            read = odoo.read(MODEL, List.of(id), List.of("name", "state"), OdooContext.DEFAULT);
        }
        String number = read.get(0).getString("name");
        String state = read.get(0).getString("state");
        store.recordOutcome(billKey, number, state);
        LOG.info("Vendor bill {} ({}) of carrier {} is {} in Odoo (account.move {})", number, bill.vendorRef(),
                bill.carrierCode(), state, id);
    }

    /**
     * Makes the bill in a batch with the bills other events make at about the same time, waits for it and records
     * it as {@link #make} does: the batch looks for a bill logisync has no id for in Odoo (partner and reference)
     * before creating it, posts drafts unless {@code logisync.settlement.post} is false, and reads number and state
     * back. The id is bound as soon as there is one, even when posting then failed; the error that stopped the bill,
     * if any, is thrown on the event's thread, so it parks or is retried as it would one by one.
     */
    private void makeInBatch(String billKey) {
        // Known gap: one carrier's events share its lock (the subject), so only bills of different carriers batch.
        MoveBatcher.Outcome outcome = batches.submit(() -> batchRequest(billKey));
        Bill bill = store.find(billKey).orElseThrow();
        Long id = outcome.id();
        if (id != null && bill.odooId() == null) {
            bindings.bind(BINDING, billKey, MODEL, id, null);
            store.recordCreated(billKey, id);
            if (outcome.created()) {
                LOG.debug("Vendor bill {} of {} created in Odoo as account.move {} in a batch", bill.vendorRef(),
                        bill.carrierCode(), id);
            } else {
                LOG.info("Vendor bill {} of {} found in Odoo as account.move {}; not made again", bill.vendorRef(),
                        bill.carrierCode(), id);
            }
        }
        if (outcome.failed()) {
            throw outcome.error();
        }
        OdooRecord read = outcome.readBack();
        if (read == null) {
            List<OdooRecord> again = odoo.read(MODEL, List.of(id), List.of("name", "state"), OdooContext.DEFAULT);
            if (again.isEmpty()) {
                throw new IllegalStateException("account.move " + id + " of vendor bill " + billKey
                        + " is bound but no longer exists in Odoo");
            }
            read = again.get(0);
        }
        store.recordOutcome(billKey, read.getString("name"), read.getString("state"));
        LOG.info("Vendor bill {} ({}) of carrier {} is {} in Odoo (account.move {})", read.getString("name"),
                bill.vendorRef(), bill.carrierCode(), read.getString("state"), id);
    }

    /** What the batch needs: the bill's id when logisync knows it (record, then binding), else its values. */
    private MoveBatcher.Request batchRequest(String billKey) {
        Bill bill = store.find(billKey).orElseThrow();
        long partner = assignments.requireCarrier(bill.carrierCode(), "vendor bill " + bill.vendorRef());
        Long known = bill.odooId() != null ? bill.odooId()
                : bindings.find(BINDING, billKey).map(BindingStore.Binding::odooId).orElse(null);
        Map<String, Object> values = known == null ? values(bill, partner, store.lines(billKey)) : null;
        return new MoveBatcher.Request(billKey, MOVE_TYPE, partner, bill.vendorRef(), known, values,
                OdooContext.DEFAULT, post);
    }

    private Map<String, Object> values(Bill bill, long partner, List<Line> lines) {
        Map<String, Object> values = new LinkedHashMap<>();
        // Known gap: vendor bills go to the user's default company; a carrier billing several companies is not split.
        values.put("move_type", MOVE_TYPE);
        values.put("partner_id", partner);
        values.put("ref", bill.vendorRef());
        values.put("invoice_date", bill.invoiceDate().toString());
        values.put("currency_id", directory.currencyId(bill.currency()).orElseThrow(() -> new IllegalArgumentException(
                "currency: Odoo has no active currency " + bill.currency() + " for vendor bill " + bill.vendorRef())));
        Set<String> loads = new LinkedHashSet<>();
        lines.forEach(l -> loads.add(l.loadRef()));
        values.put("invoice_origin", String.join(", ", loads));
        List<Object> commands = new ArrayList<>();
        for (Line line : lines) {
            Map<String, Object> lineValues = new LinkedHashMap<>();
            lineValues.put("product_id", catalog.productId(line.chargeCode()));
            lineValues.put("name", line.label());
            lineValues.put("quantity", BigDecimal.ONE);
            lineValues.put("price_unit", line.amount());
            analytic.distributionOf(line.loadRef()).ifPresent(d -> lineValues.put("analytic_distribution", d));
            commands.add(List.of(0, 0, lineValues));
        }
        values.put("invoice_line_ids", commands);
        return values;
    }

    private Optional<Long> findInOdoo(long partner, String vendorRef) {
        List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("move_type", "=", MOVE_TYPE),
                List.of("partner_id", "=", partner), List.of("ref", "=", vendorRef), List.of("state", "!=", "cancel")),
                List.of("id", "state"), 2, "id", OdooContext.DEFAULT);
        if (found.size() > 1) {
            LOG.warn("Odoo has several vendor bills of partner {} with reference {}; logisync binds to the oldest,"
                    + " account.move {}", partner, vendorRef, found.get(0).id());
        }
        return found.stream().findFirst().map(OdooRecord::id);
    }

    /**
     * The waiting keys of the bills parked for approval that have a line of this load, to replay once its assignment
     * is recorded: a bill that now matches is made without an approver.
     */
    public List<String> approvalKeysOfLoad(String loadRef) {
        return store.awaitingApprovalWithLoad(loadRef).stream().map(key -> APPROVAL_KEY + key).toList();
    }

    /** True when the bill no longer waits for an approver: what a parked {@code settlement-approval:} key waits for. */
    public boolean isDecidedOrMatched(String billKey) {
        Optional<Bill> bill = store.find(billKey);
        if (bill.isEmpty() || bill.get().status() != Status.AWAITING_APPROVAL) {
            return true;
        }
        return match(billKey, bill.get().carrierCode(), bill.get().currency(), store.lines(billKey)).within();
    }
}
