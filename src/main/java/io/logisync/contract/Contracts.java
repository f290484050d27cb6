package io.logisync.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads the customer contracts logisync keeps. This is the API rating builds on: ask for the version in force for
 * a contract code, or for a customer, on a date (a shipment's pickup date), and read its rates, accessorial rules
 * and fuel table from the {@link ContractVersion}.
 *
 * <p>The version in force on a date is the one whose effective period contains the date; when versions of one
 * contract overlap, the highest version number wins, so a correction is sent as a new version with the same
 * dates. The registry bean {@code contracts} implements it:
 *
 * <pre>{@code
 * Contracts contracts = camelContext.getRegistry().lookupByNameAndType("contracts", Contracts.class);
 * ContractVersion terms = contracts.inForce("C-17", LocalDate.of(2026, 11, 2)).orElseThrow();
 * Optional<AccessorialRule> detention = terms.accessorialRule("DETENTION");
 * }</pre>
 */
public interface Contracts {

    /** The version of the contract in force on the date, if any. */
    Optional<ContractVersion> inForce(String contractCode, LocalDate date);

    /**
     * The version in force on the date of the one contract of the customer that is in force then.
     *
     * @throws AmbiguousContractException when several of the customer's contracts are in force on that date
     */
    Optional<ContractVersion> inForceForCustomer(String customerCode, LocalDate date);

    /** One version exactly, as stored. */
    Optional<ContractVersion> version(String contractCode, int version);

    /** Every version of the contract, lowest version first. */
    List<ContractVersion> versions(String contractCode);
}
