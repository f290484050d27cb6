package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.contract.ContractKeys;
import io.logisync.contract.ContractRating;
import io.logisync.contract.ContractStore;
import io.logisync.contract.ContractSync;
import io.logisync.contract.ShipmentContracts;
import io.logisync.ingress.EventValidator;
import io.logisync.masterdata.BillingReferences;
import io.logisync.masterdata.CarrierSync;
import io.logisync.masterdata.CustomerSync;
import io.logisync.masterdata.FieldOwnership;
import io.logisync.masterdata.MasterDataExportSync;
import io.logisync.masterdata.MasterSnapshots;
import io.logisync.masterdata.OdooDirectory;
import io.logisync.masterdata.PartnerSync;
import io.logisync.masterdata.PartnerValues;
import io.logisync.odoo.OdooClient;
import io.logisync.parking.ParkingDesk;
import io.logisync.shipment.ChargeCatalog;
import io.logisync.shipment.InvoiceTerms;
import io.logisync.store.BindingStore;
import io.logisync.store.ParkingStore;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.Registry;

/**
 * Builds the master-data beans (customers, carriers, contracts, the scheduled export sync) and binds them by the
 * names the routes use; the shipment beans take their contract rating and invoice terms from here.
 */
public final class MasterDataWiring {

    private final CustomerSync customers;
    private final ContractStore contracts;
    private final ContractRating rating;
    private final ShipmentContracts shipmentContracts;
    private final InvoiceTerms invoiceTerms;
    private final CarrierSync carriers;

    private MasterDataWiring(CustomerSync customers, CarrierSync carriers, ContractStore contracts,
            ContractRating rating, ShipmentContracts shipmentContracts, InvoiceTerms invoiceTerms) {
        this.customers = customers;
        this.carriers = carriers;
        this.contracts = contracts;
        this.rating = rating;
        this.shipmentContracts = shipmentContracts;
        this.invoiceTerms = invoiceTerms;
    }

    /** Builds and binds the beans: {@code customers}, {@code carriers}, {@code contracts}, ... */
    static MasterDataWiring wire(Settings settings, Registry registry, DataSource dataSource, OdooClient odoo,
            OdooDirectory directory, BindingStore bindings, ParkingStore parkingStore, ParkingDesk parking,
            ObjectMapper mapper, MeterRegistry meters) {
        BillingReferences references = new BillingReferences(settings.withPrefix("logisync.company."),
                settings.withPrefix("logisync.payment-term."), directory);
        FieldOwnership ownership = new FieldOwnership(settings.withPrefix("logisync.master-data.owner."));
        PartnerSync partners = new PartnerSync(odoo, bindings, new MasterSnapshots(dataSource, mapper),
                new PartnerValues(directory, references), ownership, meters,
                settings.getInt("logisync.master-data.sync.batch-size", 100, 1));
        CustomerSync customers = new CustomerSync(odoo, bindings, partners);
        CarrierSync carriers = new CarrierSync(bindings, partners);
        ContractStore contracts = new ContractStore(dataSource);
        ContractSync contractSync = new ContractSync(contracts, references,
                code -> customers.partnerOf(code).isPresent());
        ShipmentContracts shipmentContracts = new ShipmentContracts(dataSource);
        registry.bind("customers", customers);
        registry.bind("carriers", carriers);
        registry.bind("contracts", contracts);
        registry.bind("contractSync", contractSync);
        registry.bind("masterDataSync", new MasterDataExportSync(mapper,
                new EventValidator(LogisyncConfiguration.EVENT_TYPES), partners, contractSync, parkingStore, parking,
                settings.get("logisync.master-data.sync.source", "tms/main")));
        String exportKey = settings.get("logisync.master-data.sync.rest.api-key", null);
        registry.bind("masterDataExportRequest", (Processor) exchange -> {
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
            exchange.getMessage().setHeader("Accept", "application/json");
            if (exportKey != null) {
                exchange.getMessage().setHeader("Authorization", "Bearer " + exportKey);
            }
        });
        parking.onArrival("carrier:", (key, since) -> carriers.partnerOf(key.substring("carrier:".length()))
                .isPresent());
        parking.onArrival(ContractKeys.CONTRACT, (key, since) -> contracts.lastReceived("contract_code",
                key.substring(ContractKeys.CONTRACT.length())).filter(at -> at.isAfter(since)).isPresent());
        parking.onArrival(ContractKeys.CUSTOMER_CONTRACT, (key, since) -> contracts.lastReceived("customer_code",
                key.substring(ContractKeys.CUSTOMER_CONTRACT.length())).filter(at -> at.isAfter(since)).isPresent());
        return new MasterDataWiring(customers, carriers, contracts, new ContractRating(contracts), shipmentContracts,
                new InvoiceTerms(shipmentContracts, contracts, references));
    }

    /** Lets the sweep replay events parked for a charge code once it is mapped and its product is in Odoo. */
    void watchChargeMapping(ParkingDesk parking, ChargeCatalog catalog, Registry registry) {
        registry.bind("chargeCatalog", catalog);
        parking.onArrival("charge:", (key, since) -> catalog.canBill(key.substring("charge:".length())));
    }

    CustomerSync customers() {
        return customers;
    }

    CarrierSync carriers() {
        return carriers;
    }

    ContractStore contracts() {
        return contracts;
    }

    ContractRating rating() {
        return rating;
    }

    ShipmentContracts shipmentContracts() {
        return shipmentContracts;
    }

    InvoiceTerms invoiceTerms() {
        return invoiceTerms;
    }
}
