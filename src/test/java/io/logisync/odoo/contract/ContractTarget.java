package io.logisync.odoo.contract;

/** Where a contract run goes: the in-process simulator, or the real Odoo the environment names. */
public enum ContractTarget {
    SIMULATOR("simulator"),
    REAL_ODOO("real Odoo");

    private final String label;

    ContractTarget(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
