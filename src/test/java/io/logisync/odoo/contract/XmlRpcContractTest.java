package io.logisync.odoo.contract;

import io.logisync.odoo.OdooProtocol;

/** The Odoo contract over XML-RPC, where Odoo cannot answer integers above 2^31-1. */
class XmlRpcContractTest extends OdooContractTest {

    @Override
    protected OdooProtocol protocol() {
        return OdooProtocol.XMLRPC;
    }

    @Override
    protected boolean carriesWideIntegers() {
        return false;
    }
}
