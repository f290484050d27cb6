package io.logisync.edi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns the bytes of an X12 file into text StAEDI can read: decoded, header checked, last segment terminated. */
final class X12Text {

    private final String text;
    private final IsaHeader.Delimiters delimiters;

    private X12Text(String text, IsaHeader.Delimiters delimiters) {
        this.text = text;
        this.delimiters = delimiters;
    }

    static X12Text of(byte[] content, String fileName) {
        String decoded = decode(content);
        int start = 0;
        while (start < decoded.length() && (decoded.charAt(start) == '\uFEFF' || isBlank(decoded.charAt(start)))) {
            start++; // a byte-order mark or blank lines before the ISA trip StAEDI's first-character check
        }
        IsaHeader.Delimiters delimiters = IsaHeader.read(decoded, start, fileName);
        return new X12Text(terminated(decoded.substring(start), delimiters.segment()), delimiters);
    }

    String text() {
        return text;
    }

    IsaHeader.Delimiters delimiters() {
        return delimiters;
    }

    /** The tag of the file's last segment, e.g. {@code IEA}, to tell a truncated file from other damage. */
    String lastSegmentTag() {
        int end = text.length() - 1; // the terminator that terminated() guarantees
        int begin = text.lastIndexOf(delimiters.segment(), end - 1) + 1;
        String last = text.substring(begin, end).strip();
        int separator = last.indexOf(delimiters.element());
        return separator < 0 ? last : last.substring(0, separator);
    }

    /**
     * X12 is ASCII at heart, but Canadian and Mexican carriers send accented names; StAEDI reads UTF-8 and fails the
     * whole file on a Latin-1 byte, so bytes that are not valid UTF-8 are read as ISO-8859-1 instead.
     */
    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Files whose last segment lacks its terminator are common (an editor drops the final newline); StAEDI treats them
     * as truncated, so the terminator is put back. Trailing blanks after the last terminator are dropped.
     */
    private static String terminated(String text, char terminator) {
        int end = text.length();
        while (end > 0 && isBlank(text.charAt(end - 1))) {
            end--;
        }
        String trimmed = text.substring(0, end);
        return !trimmed.isEmpty() && trimmed.charAt(end - 1) == terminator ? trimmed : trimmed + terminator;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
