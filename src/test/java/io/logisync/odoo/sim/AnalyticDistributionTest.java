package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code analytic_distribution} on journal items, kept as Odoo 19's analytic mixin keeps it. */
class AnalyticDistributionTest {

    private OdooSimulator odoo;
    private long move;

    @BeforeEach
    void start() {
        odoo = OdooSimulator.start(0);
        move = odoo.store().insert("account.move", Map.of("move_type", "in_invoice", "partner_id", 3L,
                "invoice_date", "2026-11-03"));
    }

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void shouldKeepAccountIdsAsStringKeysAndRoundPercentagesToTwoDigitsAsFloats() {
        Map<Object, Object> distribution = new LinkedHashMap<>();
        distribution.put(7L, 66.6666);
        distribution.put("8", 33);

        long line = odoo.store().insert("account.move.line", Map.of("move_id", move, "name", "Linehaul",
                "quantity", 1.0, "price_unit", 100.0, "analytic_distribution", distribution));

        assertThat(odoo.store().record("account.move.line", line).orElseThrow().get("analytic_distribution"))
                .isEqualTo(Map.of("7", 66.67, "8", 33.0));
    }

    @Test
    void shouldReadAnEmptyDistributionAsFalse() {
        long line = odoo.store().insert("account.move.line", Map.of("move_id", move, "name", "Linehaul",
                "quantity", 1.0, "price_unit", 100.0, "analytic_distribution", Map.of()));

        assertThat(odoo.store().record("account.move.line", line).orElseThrow().get("analytic_distribution"))
                .isEqualTo(false);
    }

    @Test
    void shouldRefuseAPercentageThatIsNotANumber() {
        assertThatThrownBy(() -> odoo.store().insert("account.move.line", Map.of("move_id", move, "name",
                "Linehaul", "quantity", 1.0, "price_unit", 100.0, "analytic_distribution", Map.of("7", "all"))))
                .hasMessageContaining("TypeError").hasMessageContaining("analytic account 7");
        assertThat(odoo.store().records("account.move.line")).noneMatch(l -> "Linehaul".equals(l.get("name")));
    }
}
