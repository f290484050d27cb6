package io.logisync.contract;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The contracts logisync keeps, in its own tables: one row per version, with its rates, rules and fuel bands. */
public class ContractStore implements Contracts {

    private static final String VERSION_COLUMNS = "contract_code, version, customer_code, effective_from,"
            + " effective_to, currency, billing_company, payment_term_code, invoice_grouping, fuel_index";

    private static final int LOADED_LIMIT = 10_000;

    private final JdbcTemplate jdbc;
    private final java.util.Map<String, ContractVersion> loaded = new java.util.concurrent.ConcurrentHashMap<>();
    private final TransactionTemplate transactions;

    public ContractStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public Optional<ContractVersion> inForce(String contractCode, LocalDate date) {
        return headers("contract_code = ?", contractCode).stream().filter(v -> v.inForceOn(date))
                .max(Comparator.comparingInt(Header::version)).map(this::load);
    }

    @Override
    public Optional<ContractVersion> inForceForCustomer(String customerCode, LocalDate date) {
        List<String> codes = headers("customer_code = ?", customerCode).stream().filter(v -> v.inForceOn(date))
                .map(Header::contractCode).distinct().sorted().toList();
        if (codes.size() > 1) {
            throw new AmbiguousContractException(customerCode, date, codes);
        }
        return codes.isEmpty() ? Optional.empty() : inForce(codes.get(0), date);
    }

    @Override
    public Optional<ContractVersion> version(String contractCode, int version) {
        return headers("contract_code = ? AND version = ?", contractCode, version).stream().findFirst()
                .map(this::load);
    }

    @Override
    public List<ContractVersion> versions(String contractCode) {
        return headers("contract_code = ?", contractCode).stream().sorted(Comparator.comparingInt(Header::version))
                .map(this::load).toList();
    }

    /** The hash of what is stored for this version, to tell a repeat from a correction; empty when it is new. */
    public Optional<String> contentHash(String contractCode, int version) {
        return jdbc.queryForList("SELECT content_hash FROM contract_version WHERE contract_code = ? AND version = ?",
                String.class, contractCode, version).stream().findFirst();
    }

    /** When a version of the contract, or of any contract of the customer, was last stored; empty when none. */
    public Optional<Instant> lastReceived(String column, String value) {
        if (!column.equals("contract_code") && !column.equals("customer_code")) {
            throw new IllegalArgumentException("contracts are found by contract_code or customer_code, not " + column);
        }
        Timestamp latest = jdbc.queryForObject("SELECT MAX(received_at) FROM contract_version WHERE " + column
                + " = ?", Timestamp.class, value);
        return Optional.ofNullable(latest).map(Timestamp::toInstant);
    }

    /** Stores a version, replacing what an earlier event said about the same contract and version, in one go. */
    public void save(ContractVersion contract, String contentHash, String eventId) {
        transactions.executeWithoutResult(status -> {
            Object[] key = {contract.contractCode(), contract.version()};
            for (String table : List.of("contract_rate", "contract_accessorial_rule", "contract_fuel_band",
                    "contract_version")) {
                jdbc.update("DELETE FROM " + table + " WHERE contract_code = ? AND version = ?", key);
            }
            jdbc.update("INSERT INTO contract_version (" + VERSION_COLUMNS + ", content_hash, event_id, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", contract.contractCode(), contract.version(),
                    contract.customerCode(), Date.valueOf(contract.effectiveFrom()), date(contract.effectiveTo()),
                    contract.currency(), contract.billingCompany(), contract.paymentTermCode(),
                    contract.invoiceGrouping().name(), contract.fuel() == null ? null : contract.fuel().index(),
                    contentHash, eventId, Timestamp.from(Instant.now()));
            int line = 0;
            for (RateLine rate : contract.rates()) {
                jdbc.update("INSERT INTO contract_rate (contract_code, version, line_no, charge_code, unit, rate)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", contract.contractCode(), contract.version(), line++,
                        rate.chargeCode(), rate.unit().name(), rate.rate());
            }
            line = 0;
            for (AccessorialRule rule : contract.accessorialRules()) {
                jdbc.update("INSERT INTO contract_accessorial_rule (contract_code, version, line_no, code,"
                        + " free_minutes, rate_per_hour, flat_amount, round_up_to_minutes, cap_amount,"
                        + " auto_approve_up_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", contract.contractCode(),
                        contract.version(), line++, rule.code(), rule.freeMinutes(), rule.ratePerHour(),
                        rule.flatAmount(), rule.roundUpToMinutes(), rule.capAmount(), rule.autoApproveUpTo());
            }
            line = 0;
            for (FuelBand band : contract.fuel() == null ? List.<FuelBand>of() : contract.fuel().bands()) {
                jdbc.update("INSERT INTO contract_fuel_band (contract_code, version, line_no, from_price, to_price,"
                        + " percent) VALUES (?, ?, ?, ?, ?, ?)", contract.contractCode(), contract.version(), line++,
                        band.fromPrice(), band.toPrice(), band.percent());
            }
        });
    }

    /** The columns of a version row, enough to decide which version is in force before loading its lines. */
    private record Header(String contractCode, int version, String customerCode, LocalDate effectiveFrom,
            LocalDate effectiveTo, String currency, String billingCompany, String paymentTermCode,
            InvoiceGrouping grouping, String fuelIndex, String contentHash) {

        boolean inForceOn(LocalDate date) {
            return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
        }
    }

    private List<Header> headers(String where, Object... args) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + ", content_hash FROM contract_version WHERE " + where,
                (rs, i) -> new Header(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        localDate(rs.getDate(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        InvoiceGrouping.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11)), args);
    }

    /**
     * A version's lines, read once for each content it has had: its header (read every time, with the hash of what
     * is stored) says whether the lines kept are still those stored, also when another replica corrected them.
     */
    private ContractVersion load(Header header) {
        String key = header.contractCode() + "\u0000" + header.version() + "\u0000" + header.contentHash();
        ContractVersion kept = loaded.get(key);
        if (kept != null) {
            return kept;
        }
        if (loaded.size() >= LOADED_LIMIT) {
            loaded.clear();
        }
        ContractVersion read = read(header);
        loaded.put(key, read);
        return read;
    }

    private ContractVersion read(Header header) {
        Object[] key = {header.contractCode(), header.version()};
        List<RateLine> rates = jdbc.query("SELECT charge_code, unit, rate FROM contract_rate WHERE contract_code = ?"
                + " AND version = ? ORDER BY line_no", (rs, i) -> new RateLine(rs.getString(1),
                        RateUnit.valueOf(rs.getString(2)), plain(rs.getBigDecimal(3))), key);
        List<AccessorialRule> rules = jdbc.query("SELECT code, free_minutes, rate_per_hour, flat_amount,"
                + " round_up_to_minutes, cap_amount, auto_approve_up_to FROM contract_accessorial_rule"
                + " WHERE contract_code = ? AND version = ? ORDER BY line_no", (rs, i) -> new AccessorialRule(
                        rs.getString(1), integer(rs, 2), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)),
                        integer(rs, 5), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7))), key);
        FuelTable fuel = null;
        if (header.fuelIndex() != null) {
            List<FuelBand> bands = jdbc.query("SELECT from_price, to_price, percent FROM contract_fuel_band"
                    + " WHERE contract_code = ? AND version = ? ORDER BY line_no", (rs, i) -> new FuelBand(
                            plain(rs.getBigDecimal(1)), plain(rs.getBigDecimal(2)), plain(rs.getBigDecimal(3))), key);
            fuel = new FuelTable(header.fuelIndex(), bands);
        }
        return new ContractVersion(header.contractCode(), header.version(), header.customerCode(),
                header.effectiveFrom(), header.effectiveTo(), header.currency(), header.billingCompany(),
                header.paymentTermCode(), header.grouping(), rates, rules, fuel);
    }

    /** Decimals come back with the column's scale (2.850000); keep the value as it was sent. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Date date(LocalDate value) {
        return value == null ? null : Date.valueOf(value);
    }

    private static LocalDate localDate(Date value) {
        return value == null ? null : value.toLocalDate();
    }
}
