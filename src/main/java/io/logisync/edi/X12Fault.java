package io.logisync.edi;

/**
 * Where an X12 file broke and the acknowledgement code that says so: a set's AK5-02 code (element 718) or a
 * group's AK9-05 code (element 716). An interchange-level fault rejects every group without a group code: the 997
 * has none for it, so its code is the TA1-05 interchange note code (element I18), sent in a TA1.
 *
 * @param level what the fault rejects
 * @param groupControlNumber GS06 of the group at fault, "" for an interchange fault
 * @param setControlNumber ST02 of the set at fault, "" unless {@code level} is SET
 * @param code the AK5-02, AK9-05 or TA1-05 code, "" when none applies
 * @param segmentTag the segment at fault
 * @param positionInSet its position counted from the set's ST (1), 0 when outside a set
 */
record X12Fault(Level level, String groupControlNumber, String setControlNumber, String code, String segmentTag,
        int positionInSet) {

    /** What a fault rejects. */
    enum Level { INTERCHANGE, GROUP, SET }

    // element 718, transaction set syntax error codes
    static final String SET_TRAILER_MISSING = "2";
    static final String SET_CONTROL_NUMBER_MISMATCH = "3";
    static final String SEGMENT_COUNT_MISMATCH = "4";
    static final String SEGMENTS_IN_ERROR = "5";
    // element 716, functional group syntax error codes
    static final String GROUP_TRAILER_MISSING = "3";
    static final String GROUP_CONTROL_NUMBER_MISMATCH = "4";
    static final String SET_COUNT_MISMATCH = "5";
    // element I18, interchange note codes of a TA1
    static final String INTERCHANGE_CONTROL_NUMBER_MISMATCH = "001";
    static final String GROUP_COUNT_MISMATCH = "021";
    static final String PREMATURE_END_OF_FILE = "023";
}
