package io.logisync.edi;

/**
 * A data element of a transaction set that breaks its X12 element type, as a 997 reports it: the AK3 segment
 * (tag, position counted from ST as 1, code 8: segment has data element errors) and the AK4 element (position in
 * the segment, element reference number, element 723 error code, a copy of the bad value).
 */
public record ElementError(String segmentTag, int segmentPositionInSet, int elementPosition, String elementReference,
        String errorCode, String value) {

    // element 723, data element syntax error codes
    static final String TOO_LONG = "5";
    static final String INVALID_CHARACTER = "6";
}
