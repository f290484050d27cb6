package io.logisync.odoo.contract;

import io.logisync.odoo.OdooProtocol;

/** The Odoo contract over JSON-RPC. */
class JsonRpcContractTest extends OdooContractTest {

    @Override
    protected OdooProtocol protocol() {
        return OdooProtocol.JSONRPC;
    }
}
