package io.logisync.shipment;

import io.logisync.invoicing.BillLine;
import io.logisync.invoicing.BillableLines;
import io.logisync.invoicing.BillingDocument;
import io.logisync.invoicing.BillingDocument.Kind;
import io.logisync.invoicing.BillingStore;
import io.logisync.invoicing.InvoiceDocuments;
import io.logisync.invoicing.MoveBatcher;
import io.logisync.invoicing.MoveBatches;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Shipment;
import java.util.List;
import java.util.Optional;

/**
 * Creates and posts the one customer invoice of a released load that is invoiced alone. The invoice is planned in
 * logisync's billing record first, with its lines; then each step finds what an earlier attempt may have done
 * (binding table, then Odoo by load reference), so a retry or a replay never makes a second invoice.
 */
public class CustomerInvoicing {

    public static final String KIND = InvoiceDocuments.INVOICE_BINDING;

    private final ShipmentStore shipments;
    private final BillingStore billing;
    private final BillableLines lines;
    private final InvoiceDocuments documents;
    private final MoveBatches batches;

    public CustomerInvoicing(ShipmentStore shipments, BillingStore billing, BillableLines lines,
            InvoiceDocuments documents) {
        this(shipments, billing, lines, documents, null);
    }

    /** With {@code batches}, invoices can be made in batches ({@link #invoiceInBatch}). */
    public CustomerInvoicing(ShipmentStore shipments, BillingStore billing, BillableLines lines,
            InvoiceDocuments documents, MoveBatches batches) {
        this.batches = batches;
        this.shipments = shipments;
        this.billing = billing;
        this.lines = lines;
        this.documents = documents;
    }

    /** Returns the id of the load's invoice, creating it when neither logisync nor Odoo has one. */
    public long ensureInvoice(String loadRef) {
        return documents.ensureCreated(plan(loadRef));
    }

    /**
     * Makes the load's invoice in a batch with the invoices other events release at about the same time (one
     * {@code create}, one {@code action_post}), waits for it, and records it as {@link #ensureInvoice},
     * {@link #ensurePosted} and {@link #recordOutcome} do.
     */
    /** True when invoices are made in batches ({@code logisync.invoicing.batch.size} above 1). */
    public boolean isBatched() {
        return batches != null && batches.size() > 1;
    }

    public void invoiceInBatch(String loadRef) {
        if (batches == null) {
            throw new IllegalStateException("invoice batching is not configured");
        }
        MoveBatcher.Outcome outcome = batches.submit(() -> documents.batchRequest(plan(loadRef)));
        if (outcome != null) {
            documents.completeBatched(outcome.request().key(), outcome);
        }
    }

    /** Plans the invoice in logisync's billing record, as the load stands now unless it went to Odoo already. */
    private String plan(String loadRef) {
        Shipment shipment = shipments.find(loadRef).orElseThrow(() -> new IllegalStateException("load " + loadRef
                + " has no shipment state"));
        List<BillLine> billable = lines.of(loadRef);
        String docRef = docRef(loadRef);
        Optional<BillingDocument> planned = billing.document(docRef);
        if (planned.isEmpty()) {
            billing.plan(new BillingDocument(docRef, Kind.INVOICE, loadRef, shipment.customerCode(), null, null,
                    BillingDocument.Status.PLANNED, false, null, null, null, null, shipment.currency(), null),
                    billable);
        } else if (!planned.get().sent()) {
            // nothing went to Odoo yet: the invoice goes as the load stands now
            billing.replanLines(docRef, loadRef, billable, false);
        }
        return docRef;
    }

    /** Posts the invoice unless it is posted already or finance reviews drafts; reads the state first. */
    public void ensurePosted(String loadRef, long invoiceId) {
        documents.ensurePosted(docRef(loadRef));
    }

    /** Reads the invoice's number, state and total back from Odoo and records them on the shipment. */
    public void recordOutcome(String loadRef, long invoiceId) {
        documents.recordOutcome(docRef(loadRef));
    }

    /** The load reference, unless an invoice under it was cancelled: then the next of {@code L-1/2}, ... */
    private String docRef(String loadRef) {
        String answer = loadRef;
        for (int n = 2; billing.document(answer).filter(d -> d.status() == BillingDocument.Status.CANCELLED)
                .isPresent(); n++) {
            answer = loadRef + "/" + n;
        }
        return answer;
    }
}
