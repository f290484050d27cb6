package io.logisync.shipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How a charge becomes an Odoo line whose total is what the customer was rated, whatever Odoo rounds. */
class ChargeTest {

    @Test
    void shouldBillARateOdooCanHoldAsQuantityTimesRate() {
        Charge linehaul = charge("283", "2.85", null);

        assertThat(linehaul.billedQuantity()).isEqualByComparingTo("283");
        assertThat(linehaul.unitPrice()).isEqualByComparingTo("2.85");
        // 283 x 2.85 = 806.55
        assertThat(linehaul.lineTotal()).isEqualByComparingTo("806.55");
        assertThat(linehaul.isBilledAsOneUnit()).isFalse();
    }

    @Test
    void shouldBillOneUnitAtTheTotalWhenTheRateHasMoreDecimalsThanOdooKeeps() {
        Charge thirds = charge("3", "33.333333", null);

        // 3 x 33.333333 = 99.999999, billed 100.00; Odoo would round the rate to 33.33 and bill 99.99
        assertThat(thirds.lineTotal()).isEqualByComparingTo("100.00");
        assertThat(thirds.billedQuantity()).isEqualByComparingTo("1");
        assertThat(thirds.unitPrice()).isEqualByComparingTo("100.00");
        assertThat(thirds.isBilledAsOneUnit()).isTrue();
    }

    @Test
    void shouldSpreadTheTotalOverTheQuantityWhenItDividesToTheCent() {
        // 2 x 2.4999 = 4.9998, billed 5.00, which is 2 x 2.50
        Charge rounded = charge("2", "2.4999", null);
        assertThat(rounded.billedQuantity()).isEqualByComparingTo("2");
        assertThat(rounded.unitPrice()).isEqualByComparingTo("2.50");
        // 4 x 2.125 = 8.50; 8.50 / 4 is 2.125 again, which Odoo cannot hold: one unit at 8.50
        assertThat(charge("4", "2.125", null).unitPrice()).isEqualByComparingTo("8.50");
        // an amount of 75.00 over 3 stops is 25.00 a stop
        Charge stops = charge("3", null, "75.00");
        assertThat(stops.billedQuantity()).isEqualByComparingTo("3");
        assertThat(stops.unitPrice()).isEqualByComparingTo("25.00");
        // 100.00 over 3 does not divide to the cent: one unit at 100.00
        assertThat(charge("3", null, "100.00").unitPrice()).isEqualByComparingTo("100.00");
    }

    @Test
    void shouldBillOneUnitWhenTheQuantityHasMoreDecimalsThanOdooKeeps() {
        Charge fuel = charge("1.2345", "10", null);

        // 1.2345 x 10 = 12.345, to the cent half up 12.35
        assertThat(fuel.lineTotal()).isEqualByComparingTo("12.35");
        assertThat(fuel.billedQuantity()).isEqualByComparingTo("1");
        assertThat(fuel.unitPrice()).isEqualByComparingTo("12.35");
    }

    private static Charge charge(String quantity, String rate, String amount) {
        return new Charge("LINEHAUL", null, new BigDecimal(quantity), rate == null ? null : new BigDecimal(rate),
                amount == null ? null : new BigDecimal(amount));
    }
}
