package io.logisync.masterdata;

import java.util.Map;
import java.util.TreeMap;

/**
 * Maps dispatch's codes for billing companies and payment terms to the Odoo records they stand for, by the tables
 * {@code logisync.company.<CODE>} (a {@code res.company} name) and {@code logisync.payment-term.<CODE>} (an
 * {@code account.payment.term} name). A code that is not in its table, or whose record Odoo lacks, is bad data
 * named by its field.
 */
public class BillingReferences {

    private final Map<String, String> companyNames;
    private final Map<String, String> paymentTermNames;
    private final OdooDirectory directory;

    public BillingReferences(Map<String, String> companyNames, Map<String, String> paymentTermNames,
            OdooDirectory directory) {
        this.companyNames = new TreeMap<>(companyNames);
        this.paymentTermNames = new TreeMap<>(paymentTermNames);
        this.directory = directory;
    }

    /** The {@code res.company} id of a billing company code; {@code field} names where the code came from. */
    public long companyId(String code, String field) {
        String name = companyNames.get(code);
        if (name == null) {
            throw new IllegalArgumentException(field + ": billing company " + code + " is not in the company table"
                    + " (logisync.company." + code + ")");
        }
        return directory.companyId(name).orElseThrow(() -> new IllegalArgumentException(field + ": billing company "
                + code + " maps to '" + name + "', but Odoo has no company of that name"));
    }

    /** The {@code account.payment.term} id of a payment term code; {@code field} names where it came from. */
    public long paymentTermId(String code, String field) {
        String name = paymentTermNames.get(code);
        if (name == null) {
            throw new IllegalArgumentException(field + ": payment term " + code + " is not in the payment term table"
                    + " (logisync.payment-term." + code + ")");
        }
        return directory.paymentTermId(name).orElseThrow(() -> new IllegalArgumentException(field + ": payment term "
                + code + " maps to '" + name + "', but Odoo has no active payment term of that name"));
    }

    /** The currency's id in Odoo; {@code field} names where the code came from. */
    public long currencyId(String isoCode, String field) {
        return directory.currencyId(isoCode).orElseThrow(() -> new IllegalArgumentException(field
                + ": Odoo has no active currency " + isoCode));
    }
}
