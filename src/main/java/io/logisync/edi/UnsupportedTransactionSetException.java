package io.logisync.edi;

/** The file holds a transaction set this mapper does not read, e.g. a 210 given to the 214 mapper. */
public class UnsupportedTransactionSetException extends EdiException {

    private final String transactionSetId;
    private final String setControlNumber;

    public UnsupportedTransactionSetException(String fileName, String transactionSetId, String setControlNumber,
            String expected) {
        super(fileName, "set " + setControlNumber + " is a " + transactionSetId + " (ST01), not a " + expected
                + "; the file was not mapped", null);
        this.transactionSetId = transactionSetId;
        this.setControlNumber = setControlNumber;
    }

    /** ST01 of the offending set, e.g. {@code 210}. */
    public String getTransactionSetId() {
        return transactionSetId;
    }

    /** ST02 of the offending set. */
    public String getSetControlNumber() {
        return setControlNumber;
    }
}
