package io.logisync.contract;

/**
 * The keys that parked shipment events wait for when no contract could rate them: {@code contract:<code>} when
 * the shipment names its contract, {@code contract-for:<customer code>} when it leaves it to the customer's.
 */
public final class ContractKeys {

    public static final String CONTRACT = "contract:";
    public static final String CUSTOMER_CONTRACT = "contract-for:";

    private ContractKeys() {
    }

    public static String contract(String contractCode) {
        return CONTRACT + contractCode;
    }

    public static String customerContract(String customerCode) {
        return CUSTOMER_CONTRACT + customerCode;
    }
}
