package io.logisync.odoo.contract;

import io.logisync.odoo.OdooProtocol;

/** The Odoo contract over JSON-2. */
class Json2ContractTest extends OdooContractTest {

    @Override
    protected OdooProtocol protocol() {
        return OdooProtocol.JSON2;
    }
}
