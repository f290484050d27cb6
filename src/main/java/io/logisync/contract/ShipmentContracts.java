package io.logisync.contract;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Remembers which contract version rated each shipment, and at which pickup date, for its invoice's terms. */
public class ShipmentContracts {

    /** The contract version a shipment was rated with. */
    public record Assignment(String loadRef, String contractCode, int version, LocalDate pickupDate) {
    }

    private final JdbcTemplate jdbc;

    public ShipmentContracts(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public Optional<Assignment> find(String loadRef) {
        return jdbc.query("SELECT load_ref, contract_code, contract_version, pickup_date FROM shipment_contract"
                + " WHERE load_ref = ?", (rs, i) -> new Assignment(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getDate(4).toLocalDate()), loadRef).stream().findFirst();
    }

    /** Records the version that rated the load, or forgets it when no contract applies (null). */
    public void assign(String loadRef, ContractVersion contract, LocalDate pickupDate) {
        jdbc.update("DELETE FROM shipment_contract WHERE load_ref = ?", loadRef);
        if (contract != null) {
            jdbc.update("INSERT INTO shipment_contract (load_ref, contract_code, contract_version, pickup_date,"
                    + " updated_at) VALUES (?, ?, ?, ?, ?)", loadRef, contract.contractCode(), contract.version(),
                    Date.valueOf(pickupDate), Timestamp.from(Instant.now()));
        }
    }
}
