package io.logisync.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.store.BindingStore;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a carrier's company partner in Odoo in step with dispatch, as a vendor (supplier rank): the partner its
 * vendor bills are made out to. Bound by carrier code ({@code ref}) or tax id, under the binding kind
 * {@code carrier}, so a carrier never takes over a customer's partner by code alone.
 */
public class CarrierSync {

    /** Property holding the carrier code the exchange is about. */
    public static final String CARRIER_CODE = "LogisyncCarrierCode";
    public static final String KIND = "carrier";

    private static final Logger LOG = LoggerFactory.getLogger(CarrierSync.class);

    private final BindingStore bindings;
    private final PartnerSync partners;

    public CarrierSync(BindingStore bindings, PartnerSync partners) {
        this.bindings = bindings;
        this.partners = partners;
    }

    /** Applies a carrier.upserted event; a record that cannot be applied throws what it failed with. */
    public long apply(JsonNode event, Exchange exchange) {
        MasterRecord record = MasterRecordReader.read(PartnerKind.CARRIER, event.get("data"));
        exchange.setProperty(CARRIER_CODE, record.code());
        PartnerSync.Outcome outcome = partners.apply(PartnerKind.CARRIER, List.of(record)).get(0);
        if (outcome.failed()) {
            throw outcome.error();
        }
        LOG.debug("Carrier {} {} as res.partner {}", record.code(), outcome.action(), outcome.partnerId());
        return outcome.partnerId();
    }

    /** The vendor partner bound to a carrier code, once carrier.upserted (or a sync) has applied it. */
    public Optional<Long> partnerOf(String carrierCode) {
        return bindings.find(KIND, carrierCode).map(BindingStore.Binding::odooId);
    }
}
