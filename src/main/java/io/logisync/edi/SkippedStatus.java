package io.logisync.edi;

/**
 * An AT7 status that produced no event, and why.
 *
 * @param setControlNumber ST02 of the set it came from
 * @param lxNumber LX01 of its loop, "" when it sat outside an LX loop
 * @param loadRef the set's shipment reference, "" when B10 has none
 * @param statusCode AT7-01 as sent, "" when the AT7 carried none
 * @param reason why no event came of it, for a person to read
 * @param unusable true when the status could not be read (unknown code, bad date or time, no reference), so a
 *     person must look at it; false when the standard says it is no milestone (a cancellation, an estimate)
 */
public record SkippedStatus(String setControlNumber, String lxNumber, String loadRef, String statusCode,
        String reason, boolean unusable) {
}
