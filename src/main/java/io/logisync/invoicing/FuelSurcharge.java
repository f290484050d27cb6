package io.logisync.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.contract.ContractVersion;
import io.logisync.contract.FuelBand;
import io.logisync.contract.FuelTable;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.shipment.Charge;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The fuel surcharge of a shipment, as its own invoice line: the contract's fuel table gives a percentage for the
 * index price in force at the pickup date, applied to the charges it is a surcharge on (linehaul by default). A
 * shipment whose charges carry a FUEL charge of their own was priced for fuel by dispatch and gets no surcharge.
 */
public class FuelSurcharge {

    public static final String FUEL_CHARGE = "FUEL";
    /** What a parked shipment waits for when the index has no price for its pickup date. */
    public static final String WAITING_PREFIX = "fuel-price:";

    private final FuelPriceIndex index;
    private final Set<String> baseCharges;

    public FuelSurcharge(FuelPriceIndex index, Set<String> baseCharges) {
        if (baseCharges.isEmpty()) {
            throw new IllegalStateException("logisync.fuel.surcharge-base must name at least one charge code");
        }
        this.index = index;
        this.baseCharges = Set.copyOf(baseCharges);
    }

    /** The surcharge line, or empty when the contract has no fuel table, the price is in no band, or fuel is priced. */
    public Optional<BillLine> of(String loadRef, ContractVersion contract, LocalDate pickupDate, JsonNode charges) {
        if (contract == null || contract.fuelTable().isEmpty()) {
            return Optional.empty();
        }
        BigDecimal base = BigDecimal.ZERO;
        for (JsonNode node : charges) {
            Charge charge = Charge.from(node);
            if (FUEL_CHARGE.equals(charge.chargeCode())) {
                return Optional.empty();
            }
            if (baseCharges.contains(charge.chargeCode())) {
                base = base.add(charge.lineTotal());
            }
        }
        if (base.signum() == 0) {
            return Optional.empty();
        }
        FuelTable table = contract.fuelTable().get();
        FuelPriceIndex.Price price = index.priceOn(table.index(), pickupDate).orElseThrow(() -> new ParkException(
                ParkReasons.AWAITING_FUEL_PRICE, waitingKey(table.index(), pickupDate), "load " + loadRef
                        + " picked up " + pickupDate + " has a fuel surcharge under contract " + contract.label()
                        + ", but fuel index " + table.index() + " has no price in the " + index.maxAgeDays()
                        + " days up to that date (logisync.fuel-index." + table.index() + ".<YYYY-MM-DD>)"));
        Optional<FuelBand> band = table.bandFor(price.price());
        if (band.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal percent = band.get().percent();
        BigDecimal amount = base.multiply(percent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
        String label = "Fuel surcharge " + percent.stripTrailingZeros().toPlainString() + " % of "
                + String.join(", ", baseCharges.stream().sorted().toList()) + " (" + table.index() + " "
                + price.price().toPlainString() + " of " + price.publishedOn() + ") - load " + loadRef;
        return Optional.of(BillLine.oneUnit(BillLine.FUEL_KEY, loadRef, FUEL_CHARGE, label, amount));
    }

    /** True when the index now has a price for the date a parked shipment waits for ({@code fuel-price:I@date}). */
    public boolean hasPriceFor(String waitingKey) {
        String rest = waitingKey.substring(WAITING_PREFIX.length());
        int at = rest.lastIndexOf('@');
        return at > 0 && index.priceOn(rest.substring(0, at), LocalDate.parse(rest.substring(at + 1))).isPresent();
    }

    static String waitingKey(String indexName, LocalDate date) {
        return WAITING_PREFIX + indexName + "@" + date;
    }
}
