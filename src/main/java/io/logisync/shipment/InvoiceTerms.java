package io.logisync.shipment;

import io.logisync.contract.ContractVersion;
import io.logisync.contract.Contracts;
import io.logisync.contract.ShipmentContracts;
import io.logisync.masterdata.BillingReferences;
import io.logisync.odoo.OdooContext;
import java.util.Optional;

/**
 * The terms a shipment's invoice is made on, from the contract version that rated it: the company that bills (its
 * invoices are created and read in that company), the payment term, and the currency. A shipment rated with no
 * contract is invoiced in the default company, in its own currency, on the customer's payment term in Odoo.
 */
public class InvoiceTerms {

    /** What an invoice needs from the contract; ids are null where the contract leaves it to Odoo. */
    public record Terms(ContractVersion contract, Long companyId, Long paymentTermId, OdooContext context) {

        static final Terms DEFAULT = new Terms(null, null, null, OdooContext.DEFAULT);
    }

    private final ShipmentContracts assignments;
    private final Contracts contracts;
    private final BillingReferences references;

    public InvoiceTerms(ShipmentContracts assignments, Contracts contracts, BillingReferences references) {
        this.assignments = assignments;
        this.contracts = contracts;
        this.references = references;
    }

    public Terms of(String loadRef) {
        Optional<ContractVersion> contract = assignments.find(loadRef)
                .flatMap(a -> contracts.version(a.contractCode(), a.version()));
        if (contract.isEmpty()) {
            // Known gap: without a contract, the customer's own billingCompany and currency are not used.
            return Terms.DEFAULT;
        }
        ContractVersion terms = contract.get();
        Long company = terms.billingCompany() == null ? null
                : references.companyId(terms.billingCompany(), "contract " + terms.label() + " billingCompany");
        Long paymentTerm = terms.paymentTermCode() == null ? null
                : references.paymentTermId(terms.paymentTermCode(), "contract " + terms.label() + " paymentTermCode");
        // the company is the first of the allowed companies: Odoo creates the invoice there, in its journal
        OdooContext context = company == null ? OdooContext.DEFAULT : OdooContext.DEFAULT.withCompany(company);
        return new Terms(terms, company, paymentTerm, context);
    }
}
