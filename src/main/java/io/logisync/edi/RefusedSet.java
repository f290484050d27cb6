package io.logisync.edi;

/**
 * A transaction set that gave no event, and why.
 *
 * @param setControlNumber ST02
 * @param transactionSetId ST01, e.g. {@code 210}
 * @param reason what is wrong, for a person to read, naming the segment and the values
 * @param notSupported true when logisync does not read this kind of set at all (a 997 rejects it, AK5 code 1);
 *     false when the set is well formed but cannot be booked (a 210 whose charges do not add up to its L3)
 * @param elementError the element that breaks its X12 type (a 997 rejects the set, AK5 code 5, with AK3/AK4), or
 *     null
 */
public record RefusedSet(String setControlNumber, String transactionSetId, String reason, boolean notSupported,
        ElementError elementError) {

    public RefusedSet(String setControlNumber, String transactionSetId, String reason, boolean notSupported) {
        this(setControlNumber, transactionSetId, reason, notSupported, null);
    }
}
