package io.logisync.edi;

/**
 * Checks the fixed-width ISA header and reads the delimiters from it.
 *
 * <p>StAEDI rejects a broken header too, but with a tokenizer message ("invalid processing state at offset 106");
 * this check runs first so the error names the element that is out of width or the terminator that is unusable.
 */
final class IsaHeader {

    /** X12 fixes every ISA element's width; with "ISA", 16 separators and the terminator the segment is 106. */
    private static final int[] WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    private static final int LENGTH = 106;

    /** The delimiters an interchange declares in its ISA. */
    record Delimiters(char element, char component, char segment) {
    }

    private IsaHeader() {
    }

    /** Reads the delimiters of the ISA starting at {@code start}, or throws naming what is wrong with it. */
    static Delimiters read(String text, int start, String fileName) {
        if (start >= text.length()) {
            throw broken(fileName, "the file is empty: no ISA interchange header");
        }
        if (!text.startsWith("ISA", start)) {
            throw broken(fileName, "the file does not start with an ISA interchange header (it starts with '"
                    + preview(text, start) + "')");
        }
        if (text.length() < start + 4) {
            throw broken(fileName, "the file ends inside the ISA header");
        }
        char element = text.charAt(start + 3);
        int cursor = start + 4;
        for (int number = 1; number < WIDTHS.length; number++) {
            int next = text.indexOf(element, cursor);
            if (next < 0 || next - start > LENGTH) {
                throw broken(fileName, "ISA has fewer than 16 elements separated by '" + element + "'");
            }
            int width = next - cursor;
            if (width != WIDTHS[number - 1]) {
                throw broken(fileName, String.format("ISA%02d is %d characters wide but X12 fixes it at %d, so the"
                        + " ISA is not the required %d characters", number, width, WIDTHS[number - 1], LENGTH));
            }
            cursor = next + 1;
        }
        if (text.length() < cursor + 2) {
            throw broken(fileName, "the file ends inside the ISA header");
        }
        char component = text.charAt(cursor);
        char segment = text.charAt(cursor + 1);
        if (Character.isLetterOrDigit(segment) || segment == ' ' || segment == element || segment == component) {
            throw broken(fileName, "unknown segment terminator '" + segment + "' after ISA16: letters, digits, spaces"
                    + " and the element or component separator are data, not terminators");
        }
        return new Delimiters(element, component, segment);
    }

    private static EdiSyntaxException broken(String fileName, String rule) {
        return new EdiSyntaxException(fileName, "ISA", 1, rule);
    }

    private static String preview(String text, int start) {
        String head = text.substring(start, Math.min(text.length(), start + 20));
        return head.replace("\n", "\\n").replace("\r", "\\r");
    }
}
