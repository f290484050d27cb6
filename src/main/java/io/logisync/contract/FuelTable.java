package io.logisync.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A contract's fuel surcharge table: the fuel price index it follows (e.g. {@code DOE-US-DIESEL}) and its bands,
 * ordered by price. Bands do not overlap; a price outside every band has no surcharge from this table.
 */
public record FuelTable(String index, List<FuelBand> bands) {

    public FuelTable {
        bands = List.copyOf(bands);
    }

    /** The band the price falls in, if any. */
    public Optional<FuelBand> bandFor(BigDecimal price) {
        return bands.stream().filter(band -> band.contains(price)).findFirst();
    }
}
