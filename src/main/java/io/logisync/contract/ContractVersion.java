package io.logisync.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a customer contract, as logisync keeps it: in force from {@code effectiveFrom} to
 * {@code effectiveTo} (both included; no end when null), with its rate card, accessorial rules, fuel table and the
 * billing terms its invoices follow. Money in the rates and rules is in {@code currency}.
 *
 * @param contractCode the contract's code, stable across versions
 * @param version the version number; when two versions of one contract are in force on a day, the higher wins
 * @param customerCode the customer the contract bills
 * @param currency ISO 4217 code the invoices are made in
 * @param billingCompany the code of the company that bills (mapped to an Odoo {@code res.company}), or null for
 *     the default company
 * @param paymentTermCode the payment term's code (mapped to an Odoo {@code account.payment.term}), or null to leave
 *     Odoo's own term of the customer
 * @param fuel the fuel surcharge table, or null when the contract has none
 */
public record ContractVersion(String contractCode, int version, String customerCode, LocalDate effectiveFrom,
        LocalDate effectiveTo, String currency, String billingCompany, String paymentTermCode,
        InvoiceGrouping invoiceGrouping, List<RateLine> rates, List<AccessorialRule> accessorialRules,
        FuelTable fuel) {

    public ContractVersion {
        Objects.requireNonNull(contractCode, "contractCode");
        Objects.requireNonNull(customerCode, "customerCode");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(invoiceGrouping, "invoiceGrouping");
        rates = List.copyOf(rates);
        accessorialRules = List.copyOf(accessorialRules);
    }

    /** True when this version is in force on the date: on or after its start, and not after its end. */
    public boolean isInForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The rate card line for a charge code; a contract has at most one per code. */
    public Optional<RateLine> rate(String chargeCode) {
        return rates.stream().filter(r -> r.chargeCode().equals(chargeCode)).findFirst();
    }

    /** The rule for an accessorial code; a contract has at most one per code. */
    public Optional<AccessorialRule> accessorialRule(String code) {
        return accessorialRules.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public Optional<FuelTable> fuelTable() {
        return Optional.ofNullable(fuel);
    }

    /** How operators and messages name this version: {@code C-17 v2}. */
    public String label() {
        return contractCode + " v" + version;
    }
}
