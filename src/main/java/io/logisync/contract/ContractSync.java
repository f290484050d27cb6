package io.logisync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.ingress.ApiKeys;
import io.logisync.masterdata.BillingReferences;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the contract versions that dispatch sends ({@code contract.upserted}). Before one is stored, the Odoo
 * records its invoices will need are checked: its currency, its billing company and its payment term must exist,
 * so that a shipment is never rated under terms that cannot be invoiced.
 */
public class ContractSync {

    /** Property: the keys parked events may wait for that this contract satisfies. */
    public static final String ARRIVED_KEYS = "LogisyncArrivedKeys";

    private static final Logger LOG = LoggerFactory.getLogger(ContractSync.class);

    private final ContractStore store;
    private final BillingReferences references;
    private final Predicate<String> customerKnown;

    /** {@code customerKnown} tells whether a customer code is known in Odoo (bound, or found by its reference). */
    public ContractSync(ContractStore store, BillingReferences references, Predicate<String> customerKnown) {
        this.store = store;
        this.references = references;
        this.customerKnown = customerKnown;
    }

    /** Applies a contract.upserted event; the keys it satisfies are left in {@link #ARRIVED_KEYS}. */
    public void apply(JsonNode event, Exchange exchange) {
        ContractVersion contract = apply(event.get("data"), event.path("id").asText(null));
        exchange.setProperty(ARRIVED_KEYS, waitingKeys(contract));
    }

    /**
     * Validates and stores one contract version; returns it. A version stored with the same content is kept. One at
     * a time, as events and scheduled exports may bring the same version together.
     */
    // Known gap: replicas sharing one database are not kept from storing the same version at the same moment.
    public synchronized ContractVersion apply(JsonNode data, String eventId) {
        ContractVersion contract = ContractReader.read(data);
        references.currencyId(contract.currency(), "data.currency");
        if (contract.billingCompany() != null) {
            references.companyId(contract.billingCompany(), "data.billingCompany");
        }
        if (contract.paymentTermCode() != null) {
            references.paymentTermId(contract.paymentTermCode(), "data.paymentTermCode");
        }
        if (!customerKnown.test(contract.customerCode())) {
            throw new ParkException(ParkReasons.AWAITING_CUSTOMER, "customer:" + contract.customerCode(),
                    "customer " + contract.customerCode() + " of contract " + contract.label()
                            + " is not known in Odoo yet");
        }
        String hash = ApiKeys.sha256(contract.toString());
        if (store.contentHash(contract.contractCode(), contract.version()).filter(hash::equals).isPresent()) {
            LOG.debug("Contract {} unchanged", contract.label());
            return contract;
        }
        store.save(contract, hash, eventId);
        LOG.info("Contract {} for customer {} stored, in force from {}{}", contract.label(), contract.customerCode(),
                contract.effectiveFrom(), contract.effectiveTo() == null ? "" : " to " + contract.effectiveTo());
        return contract;
    }

    /** What parked shipments wait for when they need this contract: its code, or any contract of its customer. */
    public static List<String> waitingKeys(ContractVersion contract) {
        return List.of(ContractKeys.contract(contract.contractCode()),
                ContractKeys.customerContract(contract.customerCode()));
    }
}
