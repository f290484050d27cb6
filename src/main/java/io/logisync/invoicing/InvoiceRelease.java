package io.logisync.invoicing;

import io.logisync.contract.ContractVersion;
import io.logisync.contract.InvoiceGrouping;
import io.logisync.invoicing.BillingStore.ShipmentBilling;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.shipment.InvoiceTerms;
import io.logisync.store.ParkingStore;
import io.logisync.store.ShipmentStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate between a load's facts and its invoice: tells the routes whether a load is billed already, released for
 * an invoice of its own, or released for its customer's consolidated invoice, and holds it for finance when asked.
 */
public class InvoiceRelease {

    /** What a load ready to bill waits for when finance approves invoices first. */
    public static final String FINANCE_KEY = "finance-approval:";

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceRelease.class);

    private final ReleaseRules rules;
    private final BillingStore billing;
    private final BillableLines lines;
    private final InvoiceTerms terms;
    private final ShipmentStore shipments;
    private final ParkingStore parking;
    private final ZoneId zone;
    private final Clock clock;

    public InvoiceRelease(ReleaseRules rules, BillingStore billing, BillableLines lines, InvoiceTerms terms,
            ShipmentStore shipments, ParkingStore parking, ZoneId zone, Clock clock) {
        this.rules = rules;
        this.billing = billing;
        this.lines = lines;
        this.terms = terms;
        this.shipments = shipments;
        this.parking = parking;
        this.zone = zone;
        this.clock = clock;
    }

    /** True when the load is on an invoice already (its own or a consolidated one): what changes is adjusted. */
    public boolean isBilled(String loadRef) {
        return billing.originalOf(loadRef).isPresent();
    }

    /** Where a load's event goes at the release gate. */
    public enum Gate {
        /** On an invoice already (its own or a consolidated one): what changed is adjusted. */
        BILLED,
        /** Released, and its contract wants it invoiced alone. */
        OWN_INVOICE,
        /** Released, and its contract consolidates its invoices per day or week. */
        CONSOLIDATION,
        /** Not released yet (or nothing to bill): nothing to do now. */
        WAITING
    }

    /**
     * Decides where the load goes, reading each thing once: billed first, then the release rules, and the contract's
     * grouping only for a released load. Most events of a load come before its release: one query answers those
     * (billed, or plainly waiting for its POD or delivery). A load ready but for finance's approval is parked to wait
     * for it, once.
     */
    public Gate gate(String loadRef) {
        Optional<BillingStore.LoadGlance> glance = billing.glance(loadRef);
        if (glance.isPresent() ? glance.get().billed() : isBilled(loadRef)) {
            return Gate.BILLED;
        }
        if (glance.isPresent() && rules.plainlyWaiting(glance.get())) {
            LOG.debug("Load {} not released yet: not created, or without its POD or delivery", loadRef);
            return Gate.WAITING;
        }
        ReleaseRules.Release release = rules.check(loadRef);
        if (!release.released() && !release.onlyFinanceApproval()) {
            LOG.debug("Load {} not released yet; it waits for {}", loadRef, release.waitingFor());
            return Gate.WAITING;
        }
        if (lines.of(loadRef).isEmpty()) {
            return Gate.WAITING;
        }
        if (release.onlyFinanceApproval()) {
            String key = FINANCE_KEY + loadRef;
            if (parking.waitingFor(key).isEmpty()) {
                throw new ParkException(ParkReasons.AWAITING_FINANCE_APPROVAL, key, "load " + loadRef + " is ready"
                        + " to bill; its invoice waits for finance approval (POST /api/v1/releases/" + loadRef
                        + "/approve)");
            }
            return Gate.WAITING;
        }
        return grouping(loadRef) == InvoiceGrouping.PER_SHIPMENT ? Gate.OWN_INVOICE : Gate.CONSOLIDATION;
    }

    /**
     * {@link #gate} as its name, for the route's choice: Simple compares a text with a text directly, while an enum
     * sends it through Camel's type converter registry on every event (a lookup that misses and scans each time).
     */
    public String gateName(String loadRef) {
        return gate(loadRef).name();
    }

    /** Marks the load for its period's consolidated invoice, which the scheduled run makes. */
    public void awaitConsolidation(String loadRef) {
        if (billing.shipment(loadRef).map(ShipmentBilling::releasedAt).isPresent()) {
            return;
        }
        LocalDate date = billingDate(loadRef);
        billing.markReleased(loadRef, clock.instant(), date);
        LOG.debug("Load {} released for its consolidated invoice of {} {}", loadRef, grouping(loadRef), date);
    }

    /** True when invoices wait for finance's approval ({@code logisync.release.require-finance-approval}). */
    public boolean requiresFinanceApproval() {
        return rules.settings().requireFinanceApproval();
    }

    /** Records finance's approval of a load's invoice; true when this approval was the first. */
    public boolean approveByFinance(String loadRef, String approvedBy, Instant at, String reason) {
        boolean first = billing.recordFinanceApproval(loadRef, approvedBy, at, reason);
        if (first) {
            LOG.info("Invoice of load {} approved by finance ({})", loadRef, approvedBy);
        }
        return first;
    }

    /** True once finance approved the load a parked row waits for ({@code finance-approval:<load>}). */
    public boolean isFinanceApproved(String key) {
        return billing.shipment(key.substring(FINANCE_KEY.length())).map(ShipmentBilling::isFinanceApproved)
                .orElse(false);
    }

    public ReleaseRules.Release check(String loadRef) {
        return rules.check(loadRef);
    }

    private InvoiceGrouping grouping(String loadRef) {
        return Optional.ofNullable(terms.of(loadRef).contract()).map(ContractVersion::invoiceGrouping)
                .orElse(InvoiceGrouping.PER_SHIPMENT);
    }

    /** The day a load counts in for consolidation: its delivery, else its cancellation, else today. */
    private LocalDate billingDate(String loadRef) {
        Optional<Instant> delivered = shipments.find(loadRef).flatMap(ShipmentStore.Shipment::deliveredAt);
        Optional<Instant> cancelled = billing.shipment(loadRef).map(ShipmentBilling::cancelledAt);
        Instant at = delivered.or(() -> cancelled).orElse(clock.instant());
        return at.atZone(zone).toLocalDate();
    }
}
