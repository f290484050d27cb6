package io.logisync.invoicing;

import io.logisync.contract.ContractVersion;
import io.logisync.contract.InvoiceGrouping;
import io.logisync.flow.SubjectLock;
import io.logisync.invoicing.BillingDocument.Kind;
import io.logisync.invoicing.BillingDocument.Status;
import io.logisync.invoicing.BillingStore.ShipmentBilling;
import io.logisync.shipment.InvoiceTerms;
import io.logisync.store.ShipmentStore;
import io.logisync.store.ShipmentStore.Shipment;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the consolidated invoices of contracts that bill per day or per week: one invoice per customer, contract and
 * period, once the period is over, with each load's lines labelled by its load reference. Each load is claimed onto
 * its invoice under the load's own lock; the invoice is planned in logisync first and found again in Odoo by its
 * reference, so a retry, a restart or a second replica makes no second one.
 */
public class ConsolidatedInvoicing {

    /** The loads of one customer's contract in one period, invoiced together. */
    record Group(String baseRef, String groupKey, String customerCode, String currency, List<String> loads) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsolidatedInvoicing.class);
    /** The subject a consolidated invoice is locked under while it is made, beside the loads' own subjects. */
    private static final String DOCUMENT_LOCK = "consolidated-invoice:";

    private final BillingStore billing;
    private final BillableLines lines;
    private final ReleaseRules rules;
    private final InvoiceTerms terms;
    private final ShipmentStore shipments;
    private final InvoiceDocuments documents;
    private final InvoiceAdjustments adjustments;
    private final PodAttachments attachments;
    private final SubjectLock lock;
    private final ZoneId zone;
    private final Clock clock;

    public ConsolidatedInvoicing(BillingStore billing, BillableLines lines, ReleaseRules rules, InvoiceTerms terms,
            ShipmentStore shipments, InvoiceDocuments documents, InvoiceAdjustments adjustments,
            PodAttachments attachments, SubjectLock lock, ZoneId zone, Clock clock) {
        this.billing = billing;
        this.lines = lines;
        this.rules = rules;
        this.terms = terms;
        this.shipments = shipments;
        this.documents = documents;
        this.adjustments = adjustments;
        this.attachments = attachments;
        this.lock = lock;
        this.zone = zone;
        this.clock = clock;
    }

    /**
     * Finishes consolidated invoices an earlier run left unfinished, then invoices every group whose period ended
     * before {@code asOf} (a date, YYYY-MM-DD; today when null); returns the references of the invoices made or
     * finished.
     */
    public List<String> run(String asOf) {
        LocalDate today = asOf != null && !asOf.isBlank() ? LocalDate.parse(asOf.trim())
                : LocalDate.now(clock.withZone(zone));
        List<String> answer = new ArrayList<>();
        for (BillingDocument unfinished : billing.unfinishedConsolidated()) {
            if (finish(unfinished.docRef())) {
                answer.add(unfinished.docRef());
            }
        }
        for (Group group : dueGroups(today)) {
            try {
                invoice(group).ifPresent(answer::add);
            } catch (RuntimeException e) {
                // the next run finishes it; the others go ahead
                LOG.warn("Consolidated invoice {} of customer {} not made this run: {}", group.baseRef(),
                        group.customerCode(), e.getMessage());
            }
        }
        LOG.debug("Consolidated invoicing as of {}: {} invoice(s) made or finished", today, answer.size());
        return answer;
    }

    /** The released loads on no invoice yet whose period is over, by customer, contract, terms and period. */
    List<Group> dueGroups(LocalDate today) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (String loadRef : billing.releasedUnbilledBefore(today)) {
            InvoiceTerms.Terms loadTerms = terms.of(loadRef);
            ContractVersion contract = loadTerms.contract();
            Optional<ShipmentBilling> state = billing.shipment(loadRef);
            Optional<Shipment> shipment = shipments.find(loadRef);
            if (contract == null || contract.invoiceGrouping() == InvoiceGrouping.PER_SHIPMENT || state.isEmpty()
                    || shipment.isEmpty()) {
                continue;
            }
            LocalDate date = state.get().billingDate();
            LocalDate end = contract.invoiceGrouping() == InvoiceGrouping.DAILY ? date : date.with(DayOfWeek.SUNDAY);
            if (!end.isBefore(today)) {
                continue;
            }
            String period = contract.invoiceGrouping() == InvoiceGrouping.DAILY ? date.toString()
                    : date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d",
                            date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            String baseRef = contract.contractCode() + " " + period;
            String key = String.join("|", shipment.get().customerCode(), contract.contractCode(), period,
                    Objects.toString(loadTerms.companyId()), Objects.toString(loadTerms.paymentTermId()),
                    Objects.toString(shipment.get().currency()));
            groups.computeIfAbsent(key, k -> new Group(baseRef, k, shipment.get().customerCode(),
                    shipment.get().currency(), new ArrayList<>())).loads().add(loadRef);
        }
        return List.copyOf(groups.values());
    }

    private Optional<String> invoice(Group group) {
        String docRef = openDocument(group);
        for (String loadRef : group.loads()) {
            lock.runLocked(loadRef, () -> claim(docRef, group, loadRef));
        }
        if (billing.document(docRef).isEmpty()) {
            return Optional.empty();
        }
        return finish(docRef) ? Optional.of(docRef) : Optional.empty();
    }

    /** The group's invoice still open for loads (planned, not sent), else a new reference: base, base #2, ... */
    private String openDocument(Group group) {
        List<BillingDocument> made = billing.documentsOfGroup(group.groupKey());
        for (BillingDocument document : made) {
            if (!document.sent() && document.status() == Status.PLANNED) {
                return document.docRef();
            }
        }
        String answer = group.baseRef();
        for (int n = 2; billing.document(answer).isPresent(); n++) {
            answer = group.baseRef() + " #" + n;
        }
        return answer;
    }

    /** Puts a load's lines on the invoice, if it is still released, unbilled and has something to bill. */
    private boolean claim(String docRef, Group group, String loadRef) {
        if (billing.originalOf(loadRef).isPresent() || !rules.check(loadRef).released()) {
            return false;
        }
        BillingDocument document = new BillingDocument(docRef, Kind.CONSOLIDATED, null, group.customerCode(),
                group.groupKey(), null, Status.PLANNED, false, null, null, null, null, group.currency(),
                "Consolidated invoice " + group.baseRef() + " of customer " + group.customerCode());
        List<BillLine> billable = InvoiceAdjustments.labelled(document, lines.of(loadRef));
        if (billable.isEmpty()) {
            return false;
        }
        if (billing.document(docRef).isEmpty() && billing.plan(document, billable)) {
            return true;
        }
        return billing.replanIfUnsent(docRef, loadRef, billable);
    }

    /** Creates, posts and reads back the invoice, attaches its proofs of delivery and adjusts its loads. */
    private boolean finish(String docRef) {
        try {
            // replicas run this job too: one of them at a time makes the invoice, the other then finds it
            lock.runLocked(DOCUMENT_LOCK + docRef, () -> {
                documents.ensureCreated(docRef);
                documents.ensurePosted(docRef);
                documents.recordOutcome(docRef);
            });
        } catch (RuntimeException e) {
            LOG.warn("Consolidated invoice {} not finished this run: {}", docRef, e.getMessage());
            return false;
        }
        for (String loadRef : documents.loadsOf(docRef)) {
            lock.runLocked(loadRef, () -> {
                try {
                    attachments.attach(loadRef, null);
                    // what changed while the invoice was on its way is corrected on it now
                    adjustments.adjust(loadRef);
                } catch (RuntimeException e) {
                    LOG.warn("Load {} of consolidated invoice {} not adjusted this run: {}", loadRef, docRef,
                            e.getMessage());
                }
            });
        }
        return true;
    }
}
