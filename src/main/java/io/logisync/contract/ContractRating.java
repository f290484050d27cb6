package io.logisync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.shipment.Charge;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Rates a shipment with the customer's contract: the version in force at its pickup date ({@link PickupDate})
 * prices each charge that carries neither rate nor amount, and its terms (company, currency, payment term) are
 * those of the invoice. A charge the contract cannot price parks the event until a contract version that can
 * arrives.
 */
public class ContractRating {

    /** What rating decided for a shipment: the contract version that applies (if any) and the rated charges. */
    public record Rated(LocalDate pickupDate, ContractVersion contract, ArrayNode charges) {

        public Optional<ContractVersion> contractVersion() {
            return Optional.ofNullable(contract);
        }
    }

    private final Contracts contracts;

    public ContractRating(Contracts contracts) {
        this.contracts = contracts;
    }

    /** Rates the charges of a shipment.created event; parks it when a charge has no price and no contract rate. */
    public Rated rate(JsonNode event) {
        JsonNode data = event.get("data");
        String loadRef = data.get("loadRef").asText();
        String customerCode = data.get("customerCode").asText();
        String contractCode = data.hasNonNull("contractCode") ? data.get("contractCode").asText() : null;
        LocalDate pickup = PickupDate.of(event);
        ArrayNode charges = data.get("charges").deepCopy();
        boolean needsRates = false;
        for (JsonNode charge : charges) {
            needsRates |= !Charge.from(charge).isPriced();
        }
        Optional<ContractVersion> found = contractCode != null ? contracts.inForce(contractCode, pickup)
                : contracts.inForceForCustomer(customerCode, pickup);
        String waitingFor = contractCode != null ? ContractKeys.contract(contractCode)
                : ContractKeys.customerContract(customerCode);
        if (found.isEmpty()) {
            if (needsRates || contractCode != null) {
                throw new ParkException(ParkReasons.AWAITING_CONTRACT, waitingFor, "load " + loadRef + " picked up "
                        + pickup + " needs " + (contractCode != null ? "contract " + contractCode
                        : "a contract of customer " + customerCode) + " in force on that date, and there is none");
            }
            return new Rated(pickup, null, charges);
        }
        ContractVersion contract = found.get();
        checkTerms(data, loadRef, customerCode, contract);
        for (JsonNode node : charges) {
            Charge charge = Charge.from(node);
            if (!charge.isPriced()) {
                RateLine line = contract.rate(charge.chargeCode()).orElseThrow(() -> new ParkException(
                        ParkReasons.AWAITING_CONTRACT, waitingFor, "contract " + contract.label() + " in force on "
                        + pickup + " has no rate for charge " + charge.chargeCode() + " of load " + loadRef));
                ((ObjectNode) node).put("rate", line.rate().toPlainString());
            }
        }
        return new Rated(pickup, contract, charges);
    }

    private static void checkTerms(JsonNode data, String loadRef, String customerCode, ContractVersion contract) {
        if (!contract.customerCode().equals(customerCode)) {
            throw new IllegalArgumentException("data.contractCode: contract " + contract.contractCode()
                    + " bills customer " + contract.customerCode() + ", not " + customerCode + " of load " + loadRef);
        }
        if (data.hasNonNull("currency") && !data.get("currency").asText().equals(contract.currency())) {
            throw new IllegalArgumentException("data.currency: load " + loadRef + " is in "
                    + data.get("currency").asText() + " but contract " + contract.label() + " bills in "
                    + contract.currency());
        }
    }
}
