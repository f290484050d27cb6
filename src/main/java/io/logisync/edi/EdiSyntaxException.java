package io.logisync.edi;

/** The file's envelope or syntax is broken: no ISA, a bad delimiter, a missing trailer or a wrong control count. */
public class EdiSyntaxException extends EdiException {

    private final String segmentTag;
    private final int segmentPosition;

    /**
     * @param segmentTag the segment at fault, e.g. {@code SE}
     * @param segmentPosition its 1-based position in the interchange (ISA is 1), or 0 when the file has none
     * @param rule what is wrong, e.g. {@code SE01 says 14 segments but set 000000004 has 13}
     */
    public EdiSyntaxException(String fileName, String segmentTag, int segmentPosition, String rule, Throwable cause) {
        super(fileName, rule + " (" + segmentTag + ", segment " + segmentPosition + ")", cause);
        this.segmentTag = segmentTag;
        this.segmentPosition = segmentPosition;
    }

    public EdiSyntaxException(String fileName, String segmentTag, int segmentPosition, String rule) {
        this(fileName, segmentTag, segmentPosition, rule, null);
    }

    public String getSegmentTag() {
        return segmentTag;
    }

    public int getSegmentPosition() {
        return segmentPosition;
    }
}
