package io.logisync.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Fuel prices by index and date, from configuration ({@code logisync.fuel-index.<INDEX>.<YYYY-MM-DD> = price}, e.g.
 * the weekly diesel price an index publishes each Monday). The price on a date is the latest one published on or
 * before it, unless that one is older than the allowed age: a table nobody updated prices nothing.
 */
// Known gap: the price table is read at start; a new price needs a restart (the sweep then replays what waited).
public class FuelPriceIndex {

    /** A published price: of which index, from which date. */
    public record Price(String index, LocalDate publishedOn, BigDecimal price) {
    }

    private final Map<String, NavigableMap<LocalDate, BigDecimal>> prices = new TreeMap<>();
    private final int maxAgeDays;

    /** Reads the table; each key is {@code <INDEX>.<YYYY-MM-DD>} (the index name may hold dots itself). */
    public FuelPriceIndex(Map<String, String> entries, int maxAgeDays) {
        if (maxAgeDays < 0) {
            throw new IllegalStateException("logisync.fuel.price-max-age-days must be 0 or more, but was "
                    + maxAgeDays);
        }
        this.maxAgeDays = maxAgeDays;
        entries.forEach((key, value) -> {
            int dot = key.lastIndexOf('.');
            String property = "logisync.fuel-index." + key;
            if (dot <= 0) {
                throw new IllegalStateException(property + " must be named <INDEX>.<YYYY-MM-DD>");
            }
            LocalDate date;
            BigDecimal price;
            try {
                date = LocalDate.parse(key.substring(dot + 1));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(property + ": '" + key.substring(dot + 1)
                        + "' is not a date written YYYY-MM-DD", e);
            }
            try {
                price = new BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(property + " must be a decimal price, but was '" + value + "'", e);
            }
            if (price.signum() < 0) {
                throw new IllegalStateException(property + " must not be negative, but was " + value);
            }
            prices.computeIfAbsent(key.substring(0, dot), i -> new TreeMap<>()).put(date, price);
        });
    }

    /** The price of the index in force on the date, if one was published on or before it and is recent enough. */
    public Optional<Price> priceOn(String index, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> table = prices.get(index);
        if (table == null) {
            return Optional.empty();
        }
        Map.Entry<LocalDate, BigDecimal> latest = table.floorEntry(date);
        if (latest == null || latest.getKey().plusDays(maxAgeDays).isBefore(date)) {
            return Optional.empty();
        }
        return Optional.of(new Price(index, latest.getKey(), latest.getValue()));
    }

    public int maxAgeDays() {
        return maxAgeDays;
    }
}
