package io.logisync.edi;

/**
 * A transaction set that gave no event, and why.
 *
 * @param setControlNumber ST02
 * @param transactionSetId ST01, e.g. {@code 210}
 * @param reason what is wrong, for a person to read, naming the segment and the values
 * @param notSupported true when logisync does not read this kind of set at all (a 997 rejects it, AK5 code 1);
 *     false when the set is well formed but cannot be booked (a 210 whose charges do not add up to its L3)
 */
public record RefusedSet(String setControlNumber, String transactionSetId, String reason, boolean notSupported) {
}
