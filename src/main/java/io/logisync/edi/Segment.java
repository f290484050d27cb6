package io.logisync.edi;

import java.util.List;

/** One X12 segment as read: its tag, its elements (element 1 first) and its position in the interchange. */
record Segment(String tag, List<String> elements, int position) {

    /** The element's raw text (padding kept), or "" when the segment stops before it. */
    String element(int number) {
        return number >= 1 && number <= elements.size() ? elements.get(number - 1) : "";
    }

    /** The element without the space padding some senders add. */
    String trimmed(int number) {
        return element(number).strip();
    }
}
