package io.logisync.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logisync.runtime.StorageAccess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract read API that rating builds on: which version is in force on a date, read back whole. */
class ContractStoreTest {

    private AutoCloseable storage;
    private ContractStore contracts;

    @BeforeEach
    void open() {
        storage = StorageAccess.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        contracts = new ContractStore(StorageAccess.dataSource(storage));
    }

    @AfterEach
    void close() throws Exception {
        storage.close();
    }

    @Test
    void shouldFindTheVersionInForceOnADateWithItsBoundsIncluded() {
        contracts.save(version("C-1", 1, "2026-01-01", "2026-06-30", "2.50"), "h1", "e1");
        contracts.save(version("C-1", 2, "2026-07-01", null, "2.75"), "h2", "e2");

        assertThat(contracts.inForce("C-1", LocalDate.parse("2025-12-31"))).isEmpty();
        assertThat(contracts.inForce("C-1", LocalDate.parse("2026-01-01")).orElseThrow().version()).isEqualTo(1);
        assertThat(contracts.inForce("C-1", LocalDate.parse("2026-06-30")).orElseThrow().version()).isEqualTo(1);
        assertThat(contracts.inForce("C-1", LocalDate.parse("2026-07-01")).orElseThrow().version()).isEqualTo(2);
        assertThat(contracts.inForceForCustomer("ACME", LocalDate.parse("2030-01-01")).orElseThrow().version())
                .isEqualTo(2);
    }

    @Test
    void shouldLetTheHigherVersionWinWhereVersionsOverlap() {
        contracts.save(version("C-1", 1, "2026-01-01", null, "2.50"), "h1", "e1");
        contracts.save(version("C-1", 3, "2026-03-01", null, "2.60"), "h3", "e3");

        assertThat(contracts.inForce("C-1", LocalDate.parse("2026-02-15")).orElseThrow().version()).isEqualTo(1);
        assertThat(contracts.inForce("C-1", LocalDate.parse("2026-03-01")).orElseThrow().rate("LINEHAUL")
                .orElseThrow().rate()).isEqualByComparingTo("2.60");
    }

    @Test
    void shouldReadBackRatesAccessorialRulesAndFuelBandsAsStored() {
        contracts.save(version("C-1", 1, "2026-01-01", null, "2.850"), "h1", "e1");

        ContractVersion read = contracts.version("C-1", 1).orElseThrow();

        assertThat(read.rate("LINEHAUL").orElseThrow()).isEqualTo(new RateLine("LINEHAUL", RateUnit.MILE,
                new BigDecimal("2.85")));
        assertThat(read.accessorialRule("DETENTION").orElseThrow()).isEqualTo(new AccessorialRule("DETENTION", 120,
                new BigDecimal("75"), null, 15, new BigDecimal("600"), new BigDecimal("150")));
        // a fuel price of 3.50 is the start of the second band, not the end of the first
        assertThat(read.fuelTable().orElseThrow().bandFor(new BigDecimal("3.50")).orElseThrow().percent())
                .isEqualByComparingTo("12.5");
        assertThat(read.fuelTable().orElseThrow().bandFor(new BigDecimal("4.00"))).isEmpty();
        assertThat(read.invoiceGrouping()).isEqualTo(InvoiceGrouping.WEEKLY);
    }

    @Test
    void shouldRefuseToChooseBetweenTwoContractsOfOneCustomer() {
        contracts.save(version("C-1", 1, "2026-01-01", null, "2.50"), "h1", "e1");
        contracts.save(version("C-2", 1, "2026-06-01", null, "2.40"), "h2", "e2");

        assertThat(contracts.inForceForCustomer("ACME", LocalDate.parse("2026-05-31")).orElseThrow().contractCode())
                .isEqualTo("C-1");
        assertThatThrownBy(() -> contracts.inForceForCustomer("ACME", LocalDate.parse("2026-06-01")))
                .isInstanceOf(AmbiguousContractException.class).hasMessageContaining("C-1, C-2");
    }

    private static ContractVersion version(String code, int version, String from, String to, String linehaul) {
        return new ContractVersion(code, version, "ACME", LocalDate.parse(from), to == null ? null
                : LocalDate.parse(to), "USD", null, "NET30", InvoiceGrouping.WEEKLY,
                List.of(new RateLine("LINEHAUL", RateUnit.MILE, new BigDecimal(linehaul))),
                List.of(new AccessorialRule("DETENTION", 120, new BigDecimal("75.00"), null, 15,
                        new BigDecimal("600.00"), new BigDecimal("150"))),
                new FuelTable("DOE-US-DIESEL", List.of(
                        new FuelBand(new BigDecimal("3.00"), new BigDecimal("3.50"), new BigDecimal("10")),
                        new FuelBand(new BigDecimal("3.50"), new BigDecimal("4.00"), new BigDecimal("12.5")))));
    }
}
