package io.logisync.contract;

import java.time.LocalDate;
import java.util.List;

/** A customer has more than one contract in force on a day, and the shipment does not say which one applies. */
public class AmbiguousContractException extends IllegalArgumentException {

    public AmbiguousContractException(String customerCode, LocalDate date, List<String> contractCodes) {
        super("customer " + customerCode + " has " + contractCodes.size() + " contracts in force on " + date + " ("
                + String.join(", ", contractCodes) + "); the shipment must name one in data.contractCode");
    }
}
