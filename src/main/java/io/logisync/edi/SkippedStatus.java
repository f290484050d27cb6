package io.logisync.edi;

/**
 * An AT7 status that produced no event, and why.
 *
 * @param setControlNumber ST02 of the set it came from
 * @param lxNumber LX01 of its loop, "" when it sat outside an LX loop
 * @param loadRef the set's shipment reference, "" when B10 has none
 * @param statusCode AT7-01 as sent, "" when the AT7 carried none
 * @param reason why no event came of it, for a person to read
 */
public record SkippedStatus(String setControlNumber, String lxNumber, String loadRef, String statusCode,
        String reason) {
}
