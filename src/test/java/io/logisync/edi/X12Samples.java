package io.logisync.edi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real Canada Post 214 and small, targeted edits of it. */
final class X12Samples {

    static final String CANADA_POST_FILE = "canadapost-214.edi";

    private X12Samples() {
    }

    /** The sample as shipped: newline-terminated segments, 19 sets in one group. */
    static String canadaPost() {
        try {
            return Files.readString(Path.of("samples/edi", CANADA_POST_FILE), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream stream(String x12) {
        return new ByteArrayInputStream(x12.getBytes(StandardCharsets.UTF_8));
    }

    /** The segments of one set, ST to SE, from the sample. */
    static List<String> set(String controlNumber) {
        List<String> lines = Arrays.asList(canadaPost().split("\n"));
        int start = lines.indexOf("ST*214*" + controlNumber);
        int end = start;
        while (!lines.get(end).startsWith("SE*")) {
            end++;
        }
        return lines.subList(start, end + 1);
    }

    /** An interchange with the sample's ISA and GS around the given sets, segments ended by {@code terminator}. */
    static String interchange(String terminator, List<List<String>> sets) {
        List<String> lines = new ArrayList<>(List.of(canadaPost().split("\n")).subList(0, 2));
        sets.forEach(lines::addAll);
        lines.add("GE*" + sets.size() + "*000001644");
        lines.add("IEA*1*000001644");
        return String.join(terminator, lines) + terminator;
    }
}
