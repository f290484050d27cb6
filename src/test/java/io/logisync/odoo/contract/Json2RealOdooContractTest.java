package io.logisync.odoo.contract;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The Odoo contract over JSON-2, against the real Odoo named by ODOO_URL; skipped when none is. */
@EnabledIfEnvironmentVariable(named = "ODOO_URL", matches = ".*\\S.*", disabledReason = ContractOdoo.NOT_CONFIGURED)
class Json2RealOdooContractTest extends Json2ContractTest {

    @Override
    protected ContractTarget target() {
        return ContractTarget.REAL_ODOO;
    }
}
