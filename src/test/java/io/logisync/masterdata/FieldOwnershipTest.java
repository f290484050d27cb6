package io.logisync.masterdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The golden-record table as configured: dispatch owns what is not listed, and a typo stops the start. */
class FieldOwnershipTest {

    @Test
    void shouldGiveDispatchEveryFieldThatIsNotListed() {
        FieldOwnership ownership = new FieldOwnership(Map.of("customer.creditLimit", "odoo", "customer.name",
                "Dispatch"));

        assertThat(ownership.owner(PartnerKind.CUSTOMER, "creditLimit")).isEqualTo(FieldOwnership.Owner.ODOO);
        assertThat(ownership.owner(PartnerKind.CUSTOMER, "name")).isEqualTo(FieldOwnership.Owner.DISPATCH);
        assertThat(ownership.owner(PartnerKind.CUSTOMER, "email")).isEqualTo(FieldOwnership.Owner.DISPATCH);
        assertThat(ownership.owner(PartnerKind.CARRIER, "creditLimit")).isEqualTo(FieldOwnership.Owner.DISPATCH);
    }

    @Test
    void shouldRefuseAFieldTheKindDoesNotHave() {
        assertThatThrownBy(() -> new FieldOwnership(Map.of("customer.creditLimt", "odoo")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("logisync.master-data.owner.customer.creditLimt: a customer has no field");
    }

    @Test
    void shouldRefuseAnOwnerThatIsNeitherSystem() {
        assertThatThrownBy(() -> new FieldOwnership(Map.of("carrier.email", "erp")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("logisync.master-data.owner.carrier.email must be dispatch or odoo, but was 'erp'");
    }
}
