package io.logisync.edi;

import java.util.List;

/** The file's envelope or syntax is broken: no ISA, a bad delimiter, a missing trailer or a wrong control count. */
public class EdiSyntaxException extends EdiException {

    private final String segmentTag;
    private final int segmentPosition;
    private final transient List<X12Envelope> envelopes;
    private final transient X12Fault fault;

    /**
     * @param segmentTag the segment at fault, e.g. {@code SE}
     * @param segmentPosition its 1-based position in the interchange (ISA is 1), or 0 when the file has none
     * @param rule what is wrong, e.g. {@code SE01 says 14 segments but set 000000004 has 13}
     */
    public EdiSyntaxException(String fileName, String segmentTag, int segmentPosition, String rule, Throwable cause) {
        this(fileName, segmentTag, segmentPosition, rule, cause, List.of(), null);
    }

    public EdiSyntaxException(String fileName, String segmentTag, int segmentPosition, String rule) {
        this(fileName, segmentTag, segmentPosition, rule, null);
    }

    /** With what was read of the envelope and where it broke, so that the file can be answered by a 997. */
    EdiSyntaxException(String fileName, String segmentTag, int segmentPosition, String rule, Throwable cause,
            List<X12Envelope> envelopes, X12Fault fault) {
        super(fileName, rule + " (" + segmentTag + ", segment " + segmentPosition + ")", cause);
        this.segmentTag = segmentTag;
        this.segmentPosition = segmentPosition;
        this.envelopes = List.copyOf(envelopes);
        this.fault = fault;
    }

    public String getSegmentTag() {
        return segmentTag;
    }

    public int getSegmentPosition() {
        return segmentPosition;
    }

    /** True when the ISA and at least one GS were read, so there is a group a 997 can reject. */
    public boolean isAcknowledgeable() {
        return fault != null && envelopes.stream().anyMatch(envelope -> !envelope.groups().isEmpty());
    }

    List<X12Envelope> envelopes() {
        return envelopes;
    }

    X12Fault fault() {
        return fault;
    }
}
