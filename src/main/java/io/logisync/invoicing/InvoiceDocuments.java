package io.logisync.invoicing;

import io.logisync.invoicing.BillingDocument.Kind;
import io.logisync.invoicing.BillingStore.BilledLine;
import io.logisync.masterdata.CustomerSync;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.settlement.AnalyticAccounts;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.shipment.InvoiceLedger;
import io.logisync.shipment.InvoiceTerms;
import io.logisync.store.BindingStore;
import io.logisync.store.ShipmentStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes logisync's planned documents real in Odoo, once each: a document is looked for (binding table, then Odoo by
 * its {@code ref}) before it is created, posted only from draft, and read back. It also edits the lines of a draft
 * and cancels a draft, the only changes Odoo allows to a document that is not posted.
 */
public class InvoiceDocuments {

    public static final String MODEL = "account.move";
    /** Binding kind of a load's own invoice, keyed by load reference. */
    public static final String INVOICE_BINDING = "customer-invoice";
    /** Binding kind of the other documents (consolidated, supplemental, credit notes), keyed by reference. */
    public static final String DOCUMENT_BINDING = "customer-document";

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceDocuments.class);
    private static final String LINE_MODEL = "account.move.line";
    private static final List<String> OUTCOME_FIELDS = List.of("name", "state", "amount_total", "currency_id");

    private final OdooClient odoo;
    private final BillingStore store;
    private final BindingStore bindings;
    private final CustomerSync customers;
    private final ChargeCatalog catalog;
    private final OdooDirectory directory;
    private final InvoiceTerms terms;
    private final ShipmentStore shipments;
    private final InvoiceLedger ledger;
    private final boolean post;
    private volatile AnalyticAccounts analytic;
    // documents this process created (as drafts, to post) and has not posted yet: their state need not be read
    private final Map<String, Long> createdDrafts = new ConcurrentHashMap<>();

    public InvoiceDocuments(OdooClient odoo, BillingStore store, BindingStore bindings, CustomerSync customers,
            ChargeCatalog catalog, OdooDirectory directory, InvoiceTerms terms, ShipmentStore shipments,
            InvoiceLedger ledger, boolean post) {
        this.odoo = odoo;
        this.store = store;
        this.bindings = bindings;
        this.customers = customers;
        this.catalog = catalog;
        this.directory = directory;
        this.terms = terms;
        this.shipments = shipments;
        this.ledger = ledger;
        this.post = post;
    }

    /** Puts each line on its load's analytic account, the one the load's vendor bills use too. */
    public void useAnalyticAccounts(AnalyticAccounts accounts) {
        this.analytic = accounts;
    }

    /** True when released documents are posted; false when finance reviews drafts in Odoo. */
    public boolean posts() {
        return post;
    }

    /** Returns the document's Odoo id, creating it from its planned lines when neither logisync nor Odoo has it. */
    public long ensureCreated(String docRef) {
        BillingDocument doc = require(docRef);
        if (doc.isInOdoo()) {
            return doc.odooId();
        }
        List<BilledLine> lines = store.linesOf(docRef);
        String termsLoad = termsLoad(doc, lines);
        InvoiceTerms.Terms invoiceTerms = terms.of(termsLoad);
        long partner = customers.partnerOf(doc.customerCode()).orElseThrow(() -> new ParkException(
                ParkReasons.AWAITING_CUSTOMER, "customer:" + doc.customerCode(), "customer " + doc.customerCode()
                        + " of load " + termsLoad + " is not known in Odoo"));
        // Odoo is searched by reference before every create: logisync's own record that an attempt was sent can be
        // lost with the process (a killed JVM, a restored database), and a search costs less than a second invoice
        Optional<Long> found = bindings.find(bindingKind(doc), bindingRef(doc)).map(BindingStore.Binding::odooId)
                .or(() -> findInOdoo(doc, partner, invoiceTerms.context()));
        long answer;
        if (found.isPresent()) {
            answer = found.get();
            LOG.debug("{} {} found in Odoo as account.move {}", describe(doc), docRef, answer);
        } else {
            Map<String, Object> values = values(doc, lines, partner, invoiceTerms);
            store.markSent(docRef);
            List<BilledLine> sent = store.linesOf(docRef);
            if (!sent.equals(lines)) {
                // lines were added while this one was read: send them as they stand now
                values = values(doc, sent, partner, invoiceTerms);
            }
            answer = odoo.create(MODEL, List.of(values), invoiceTerms.context()).get(0);
            if (post) {
                createdDrafts.put(docRef, answer);
            }
            ledger.created();
            LOG.debug("{} {} created in Odoo as account.move {}{}", describe(doc), docRef, answer,
                    invoiceTerms.contract() == null ? "" : " under contract " + invoiceTerms.contract().label());
        }
        bindings.bind(bindingKind(doc), bindingRef(doc), MODEL, answer, null);
        store.recordCreated(docRef, answer);
        if (!post) {
            // a draft finance reviews may be corrected: its lines are mapped now; one to post is mapped only if
            // posting fails (ensurePosted), as a posted move is never edited
            mapLineIds(docRef, answer, invoiceTerms.context());
        }
        return answer;
    }

    /** Posts the document unless it is posted already or finance reviews drafts; reads its state first. */
    public void ensurePosted(String docRef) {
        if (!post) {
            return;
        }
        BillingDocument doc = require(docRef);
        OdooContext context = context(doc);
        // a move this process has just created is a draft: its state is read only when that is not known
        Long created = createdDrafts.remove(docRef);
        boolean draft = created != null && created.equals(doc.odooId()) || "draft".equals(state(doc, context));
        if (!draft) {
            return;
        }
        try {
            odoo.callOnRecords(MODEL, "action_post", List.of(doc.odooId()), context);
        } catch (RuntimeException e) {
            // it stays a draft, which may be corrected: map its lines now
            try {
                mapLineIds(docRef, doc.odooId(), context);
            } catch (RuntimeException mapping) {
                e.addSuppressed(mapping);
            }
            throw e;
        }
        ledger.posted();
    }

    /** Reads the document's number, state and total back from Odoo and records them. */
    public void recordOutcome(String docRef) {
        BillingDocument doc = require(docRef);
        // Known gap: one by one, the number is read back with a call an invoice (search, create, action_post, read: 4).
        OdooRecord move = odoo.read(MODEL, List.of(doc.odooId()), OUTCOME_FIELDS, context(doc)).get(0);
        record(doc, move);
    }

    /**
     * What a batch needs to make the document real: its id when logisync knows it (by its billing record or the
     * binding table), else the values to create it from; the document is marked sent first, so that whatever
     * happens to the batch, the next attempt looks for it in Odoo by its reference before creating it.
     */
    public MoveBatcher.Request batchRequest(String docRef) {
        BillingDocument doc = require(docRef);
        List<BilledLine> lines = store.linesOf(docRef);
        String termsLoad = termsLoad(doc, lines);
        InvoiceTerms.Terms invoiceTerms = terms.of(termsLoad);
        long partner = customers.partnerOf(doc.customerCode()).orElseThrow(() -> new ParkException(
                ParkReasons.AWAITING_CUSTOMER, "customer:" + doc.customerCode(), "customer " + doc.customerCode()
                        + " of load " + termsLoad + " is not known in Odoo"));
        Long known = doc.isInOdoo() ? Long.valueOf(doc.odooId())
                : bindings.find(bindingKind(doc), bindingRef(doc)).map(BindingStore.Binding::odooId).orElse(null);
        Map<String, Object> values = null;
        if (known == null) {
            store.markSent(docRef);
            values = values(doc, store.linesOf(docRef), partner, invoiceTerms);
        }
        // looked for in Odoo by reference before it is created, whatever logisync's own record says (see ensureCreated)
        return new MoveBatcher.Request(docRef, doc.kind().moveType(), partner, doc.docRef(), known, values,
                invoiceTerms.context(), post, known == null);
    }

    /**
     * Records what a batch did with the document, as {@link #ensureCreated}, {@link #ensurePosted} and
     * {@link #recordOutcome} do one by one: binds and records its id as soon as it has one, then throws the error
     * that stopped it, if any (the event parks or is retried as an unbatched call's would be), else records its
     * number, state and total. The Odoo lines of a document left as a draft are mapped, so that it can be corrected.
     */
    public void completeBatched(String docRef, MoveBatcher.Outcome outcome) {
        BillingDocument doc = require(docRef);
        OdooContext context = outcome.request().context();
        if (outcome.id() != null) {
            long id = outcome.id();
            if (!doc.isInOdoo()) {
                bindings.bind(bindingKind(doc), bindingRef(doc), MODEL, id, null);
                store.recordCreated(docRef, id);
            }
            if (outcome.created()) {
                ledger.created();
                LOG.debug("{} {} created in Odoo as account.move {} in a batch", describe(doc), docRef, id);
            }
            if (outcome.posted()) {
                ledger.posted();
            }
            if (outcome.failed() || outcome.readBack() == null
                    || !"posted".equals(outcome.readBack().getString("state"))) {
                mapLineIds(docRef, id, context);
            }
        }
        if (outcome.failed()) {
            throw outcome.error();
        }
        if (outcome.readBack() == null) {
            recordOutcome(docRef);
        } else {
            record(require(docRef), outcome.readBack());
        }
    }

    private void record(BillingDocument doc, OdooRecord move) {
        String docRef = doc.docRef();
        String number = move.getString("name");
        String state = move.getString("state");
        BigDecimal total = move.getDecimal("amount_total");
        store.recordOutcome(docRef, number, state, total);
        String currency = move.getMany2one("currency_id") == null ? "" : move.getMany2one("currency_id")
                .displayName();
        if (doc.kind().isOriginal()) {
            loadsOf(docRef).forEach(load -> shipments.recordInvoice(load, doc.odooId(), number, state, total));
        }
        String ledgerKey = doc.kind() == Kind.INVOICE ? doc.loadRef()
                : doc.kind() == Kind.CONSOLIDATED ? String.join(", ", loadsOf(docRef)) : docRef;
        ledger.record(ledgerKey, doc.odooId(), number, state,
                doc.kind() == Kind.CREDIT_NOTE && total != null ? total.negate() : total, currency);
        LOG.info("{} {} for {} is {} in Odoo (account.move {})", describe(doc), number == null ? "(draft)" : number,
                ledgerKey, state, doc.odooId());
    }

    /** The state of the document in Odoo now: draft, posted or cancel. */
    public String stateInOdoo(String docRef) {
        BillingDocument doc = require(docRef);
        return state(doc, context(doc));
    }

    /**
     * Changes a draft's lines: removes the given lines and adds new ones in one write, as Odoo lets a draft be
     * edited, and records which Odoo lines the new ones became.
     */
    public void editDraft(String docRef, List<BilledLine> removed, List<BillLine> added) {
        BillingDocument doc = require(docRef);
        List<Object> commands = new ArrayList<>();
        for (BilledLine line : removed) {
            if (line.odooLineId() == null) {
                throw new IllegalStateException("line " + line.line().key() + " of " + docRef + " has no known Odoo"
                        + " line, so the draft account.move " + doc.odooId() + " cannot be corrected");
            }
            commands.add(List.of(2, line.odooLineId()));
        }
        for (BillLine line : added) {
            commands.add(List.of(0, 0, lineValues(line)));
        }
        OdooContext context = context(doc);
        odoo.write(MODEL, List.of(doc.odooId()), Map.of("invoice_line_ids", commands), context);
        store.removeLines(removed.stream().map(BilledLine::id).toList());
        store.addLines(docRef, added);
        mapLineIds(docRef, doc.odooId(), context);
        LOG.debug("Draft {} {} (account.move {}) corrected: {} line(s) removed, {} added", describe(doc), docRef,
                doc.odooId(), removed.size(), added.size());
    }

    /** Cancels a draft in Odoo: nothing on it is to be billed any more. */
    public void cancelDraft(String docRef) {
        BillingDocument doc = require(docRef);
        odoo.callOnRecords(MODEL, "button_cancel", List.of(doc.odooId()), context(doc));
        LOG.debug("Draft {} {} (account.move {}) cancelled in Odoo: nothing on it is billed any more",
                describe(doc), docRef, doc.odooId());
        recordOutcome(docRef);
    }

    /** The loads whose lines are on the document, in the order of their first line. */
    public List<String> loadsOf(String docRef) {
        Set<String> answer = new LinkedHashSet<>();
        store.linesOf(docRef).forEach(line -> answer.add(line.line().loadRef()));
        return List.copyOf(answer);
    }

    private Map<String, Object> values(BillingDocument doc, List<BilledLine> lines, long partner,
            InvoiceTerms.Terms invoiceTerms) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("move_type", doc.kind().moveType());
        values.put("partner_id", partner);
        if (invoiceTerms.companyId() != null) {
            values.put("company_id", invoiceTerms.companyId());
        }
        if (invoiceTerms.paymentTermId() != null) {
            values.put("invoice_payment_term_id", invoiceTerms.paymentTermId());
        }
        values.put("ref", doc.docRef());
        values.put("invoice_origin", origin(doc, lines));
        if (doc.currency() != null) {
            values.put("currency_id", directory.currencyId(doc.currency()).orElseThrow(() ->
                    new IllegalArgumentException("currency: Odoo has no active currency " + doc.currency()
                            + " for " + doc.docRef())));
        }
        if (doc.note() != null) {
            values.put("narration", doc.note());
        }
        if (doc.kind() == Kind.CREDIT_NOTE) {
            values.put("reversed_entry_id", require(doc.originalRef()).odooId());
        }
        List<Object> commands = new ArrayList<>();
        for (BilledLine line : lines) {
            commands.add(List.of(0, 0, lineValues(line.line())));
        }
        values.put("invoice_line_ids", commands);
        return values;
    }

    private Map<String, Object> lineValues(BillLine line) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("product_id", catalog.productId(line.chargeCode()));
        values.put("name", line.label());
        values.put("quantity", line.quantity());
        values.put("price_unit", line.unitPrice());
        AnalyticAccounts accounts = analytic;
        if (accounts != null) {
            accounts.distributionOf(line.loadRef()).ifPresent(d -> values.put("analytic_distribution", d));
        }
        return values;
    }

    /**
     * Where the document comes from: the load, the loads, or the invoice an adjustment refers to, each load with
     * the customer's own reference (its PO, {@code customerReference}) where the shipment has one, so finance sees
     * it on the Source Document of every document: {@code L-9200 (PO ACME-PO-5521)}. The PO is not put in
     * {@code ref}, which holds the document's own reference that logisync finds its documents by.
     */
    private String origin(BillingDocument doc, List<BilledLine> lines) {
        return switch (doc.kind()) {
            case INVOICE -> withPo(doc.loadRef(), doc.loadRef());
            case CONSOLIDATED -> {
                Set<String> loads = new LinkedHashSet<>();
                lines.forEach(line -> loads.add(withPo(line.line().loadRef(), line.line().loadRef())));
                yield String.join(", ", loads);
            }
            case SUPPLEMENT, CREDIT_NOTE -> withPo(require(doc.originalRef()).displayName(), doc.loadRef());
        };
    }

    private String withPo(String origin, String loadRef) {
        return shipments.find(loadRef).map(ShipmentStore.Shipment::customerPo).filter(po -> !po.isBlank())
                .map(po -> origin + " (PO " + po + ")").orElse(origin);
    }

    /**
     * Finds which Odoo line each of the document's lines became: lines are matched by label, in order, among the
     * move's product lines no other line of the document claims, so loads sharing a consolidated draft never mix.
     */
    private void mapLineIds(String docRef, long moveId, OdooContext context) {
        List<BilledLine> lines = store.linesOf(docRef);
        Set<Long> claimed = new HashSet<>();
        lines.stream().filter(l -> l.odooLineId() != null).forEach(l -> claimed.add(l.odooLineId()));
        if (lines.stream().allMatch(l -> l.odooLineId() != null)) {
            return;
        }
        List<OdooRecord> odooLines = odoo.searchRead(LINE_MODEL, List.of(List.of("move_id", "=", moveId),
                List.of("display_type", "=", "product")), List.of("id", "name"), null, "id", context);
        Map<Long, Long> mapped = new HashMap<>();
        for (BilledLine line : lines) {
            if (line.odooLineId() != null) {
                continue;
            }
            odooLines.stream().filter(o -> !claimed.contains(o.id()) && line.line().label().equals(o.getString("name")))
                    .findFirst().ifPresent(o -> {
                        claimed.add(o.id());
                        mapped.put(line.id(), o.id());
                    });
        }
        if (mapped.size() < lines.stream().filter(l -> l.odooLineId() == null).count()) {
            LOG.warn("Some lines of {} (account.move {}) were not found in Odoo by their label; they cannot be"
                    + " corrected on the draft", docRef, moveId);
        }
        store.recordLineIds(mapped);
    }

    private Optional<Long> findInOdoo(BillingDocument doc, long partner, OdooContext context) {
        List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("move_type", "=", doc.kind().moveType()),
                List.of("ref", "=", doc.docRef()), List.of("partner_id", "=", partner),
                List.of("state", "!=", "cancel")), List.of("id", "state"), 2, "id", context);
        if (found.size() > 1) {
            LOG.warn("Odoo has several documents with reference {}; logisync binds to the oldest, account.move {}",
                    doc.docRef(), found.get(0).id());
        }
        return found.stream().findFirst().map(OdooRecord::id);
    }

    private String state(BillingDocument doc, OdooContext context) {
        List<OdooRecord> read = odoo.read(MODEL, List.of(doc.odooId()), List.of("state"), context);
        if (read.isEmpty()) {
            throw new IllegalStateException("account.move " + doc.odooId() + " of " + doc.docRef()
                    + " is bound but no longer exists in Odoo");
        }
        return read.get(0).getString("state");
    }

    private OdooContext context(BillingDocument doc) {
        return terms.of(termsLoad(doc, store.linesOf(doc.docRef()))).context();
    }

    /** The load whose contract gives the document its terms; the loads of a consolidated invoice share them. */
    private static String termsLoad(BillingDocument doc, List<BilledLine> lines) {
        if (doc.loadRef() != null) {
            return doc.loadRef();
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException(doc.docRef() + " has no lines, so no load gives it its terms");
        }
        return lines.get(0).line().loadRef();
    }

    private static String bindingKind(BillingDocument doc) {
        return doc.kind() == Kind.INVOICE && doc.docRef().equals(doc.loadRef()) ? INVOICE_BINDING : DOCUMENT_BINDING;
    }

    private static String bindingRef(BillingDocument doc) {
        return doc.docRef();
    }

    private BillingDocument require(String docRef) {
        return store.document(docRef).orElseThrow(() -> new IllegalStateException("billing document " + docRef
                + " is not known to logisync"));
    }

    private static String describe(BillingDocument doc) {
        return switch (doc.kind()) {
            case INVOICE -> "Invoice";
            case CONSOLIDATED -> "Consolidated invoice";
            case SUPPLEMENT -> "Supplemental invoice";
            case CREDIT_NOTE -> "Credit note";
        };
    }
}
