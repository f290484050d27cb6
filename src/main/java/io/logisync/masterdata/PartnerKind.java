package io.logisync.masterdata;

import java.util.List;

/**
 * The two kinds of master data that become a company {@code res.partner} in Odoo: customers (customer rank) and
 * carriers (supplier rank). Each has its own binding kind, so a customer and a carrier with the same code never
 * share a binding.
 */
public enum PartnerKind {

    CUSTOMER("customer", "customer_rank", "supplier_rank", "property_payment_term_id",
            List.of("name", "taxId", "email", "phone", "address", "paymentTermCode", "creditLimit", "billingCompany",
                    "currency", "active")),
    CARRIER("carrier", "supplier_rank", "customer_rank", "property_supplier_payment_term_id",
            List.of("name", "scac", "taxId", "email", "phone", "address", "paymentTermCode", "currency", "active"));

    private final String bindingKind;
    private final String rankField;
    private final String otherRankField;
    private final String paymentTermField;
    private final List<String> fields;

    PartnerKind(String bindingKind, String rankField, String otherRankField, String paymentTermField,
            List<String> fields) {
        this.bindingKind = bindingKind;
        this.rankField = rankField;
        this.otherRankField = otherRankField;
        this.paymentTermField = paymentTermField;
        this.fields = fields;
    }

    /** The binding table's kind, also the word used in configuration keys and parked keys. */
    public String bindingKind() {
        return bindingKind;
    }

    /** The rank Odoo raises for this role: a partner with it set is a customer, or a vendor. */
    public String rankField() {
        return rankField;
    }

    String otherRankField() {
        return otherRankField;
    }

    String paymentTermField() {
        return paymentTermField;
    }

    /** The fields of the event that logisync compares, besides the code; ownership is configured by these names. */
    public List<String> fields() {
        return fields;
    }

    /** The key parked events wait for until this record is known in Odoo, e.g. {@code customer:ACME}. */
    public String waitingKey(String code) {
        return bindingKind + ":" + code;
    }

    public static PartnerKind of(String bindingKind) {
        for (PartnerKind kind : values()) {
            if (kind.bindingKind.equals(bindingKind)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown master data kind '" + bindingKind + "' (known: customer, carrier)");
    }
}
