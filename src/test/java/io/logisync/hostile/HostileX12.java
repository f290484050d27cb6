package io.logisync.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Broken X12 made from two real files (the Canada Post 214 and a 210): truncated, with the wrong delimiters, without
 * parts of their envelopes, with counts and control numbers that do not match, with garbage inside.
 */
final class HostileX12 {

    private HostileX12() {
    }

    static String status214() {
        return read(Path.of("samples/edi/canadapost-214.edi"));
    }

    static String invoice210() {
        return read(Path.of("src/test/resources/edi/catalyst-210.edi"));
    }

    /** One of the two files, broken in one of the ways a carrier's file arrives broken. */
    static Arbitrary<String> broken() {
        return Arbitraries.of(status214(), invoice210()).flatMap(x12 -> Arbitraries.oneOf(truncated(x12),
                delimiterSwapped(x12), segmentDropped(x12), countChanged(x12), garbageInserted(x12),
                terminatorChanged(x12), segmentDuplicated(x12)));
    }

    static Arbitrary<String> truncated(String x12) {
        return Arbitraries.integers().between(0, x12.length() - 1).map(end -> x12.substring(0, end));
    }

    /** Some element separators replaced by another character, as a sender with the wrong settings writes them. */
    static Arbitrary<String> delimiterSwapped(String x12) {
        return Combinators.combine(Arbitraries.of('|', '^', ',', '~', ':', ' ', '\t'),
                Arbitraries.integers().between(1, 50)).as((other, every) -> {
                    StringBuilder answer = new StringBuilder(x12);
                    int seen = 0;
                    for (int i = 0; i < answer.length(); i++) {
                        if (answer.charAt(i) == '*' && seen++ % every == 0) {
                            answer.setCharAt(i, other);
                        }
                    }
                    return answer.toString();
                });
    }

    /** A segment left out: ISA, GS, ST, SE, GE or IEA, or one inside a set. */
    static Arbitrary<String> segmentDropped(String x12) {
        List<String> segments = segments(x12);
        return Arbitraries.integers().between(0, segments.size() - 1).map(i -> {
            List<String> answer = new ArrayList<>(segments);
            answer.remove((int) i);
            return join(answer, x12);
        });
    }

    /** A segment sent twice. */
    static Arbitrary<String> segmentDuplicated(String x12) {
        List<String> segments = segments(x12);
        return Arbitraries.integers().between(0, segments.size() - 1).map(i -> {
            List<String> answer = new ArrayList<>(segments);
            answer.add(i, segments.get(i));
            return join(answer, x12);
        });
    }

    /** The count or control number of a trailer (SE, GE, IEA) changed to another number. */
    static Arbitrary<String> countChanged(String x12) {
        List<String> segments = segments(x12);
        List<Integer> trailers = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).matches("(SE|GE|IEA)\\*.*")) {
                trailers.add(i);
            }
        }
        return Combinators.combine(Arbitraries.of(trailers), Arbitraries.integers().between(1, 2),
                Arbitraries.longs().between(-5, 1_000_000_000_000L)).as((at, element, value) -> {
                    List<String> answer = new ArrayList<>(segments);
                    String[] parts = answer.get(at).split("\\*", -1);
                    if (parts.length > element) {
                        parts[element] = String.valueOf(value);
                    }
                    answer.set(at, String.join("*", parts));
                    return join(answer, x12);
                });
    }

    /** Characters that have no place in X12 put somewhere: controls, non-ASCII letters, a stray terminator. */
    static Arbitrary<String> garbageInserted(String x12) {
        return Combinators.combine(Arbitraries.integers().between(0, x12.length()),
                Arbitraries.strings().withChars('\u0000', '\u0007', '\u00e9', '\u2028', '\ufffd', '~', '*', '\n')
                        .ofMinLength(1).ofMaxLength(20)).as((at, garbage) -> x12.substring(0, at) + garbage
                + x12.substring(at));
    }

    /** Segments ended by another terminator than the ISA says (the 214 ends them by a line break, the 210 by ~). */
    static Arbitrary<String> terminatorChanged(String x12) {
        return Arbitraries.of("\r\n", "~", "~\n", "'", "\n\n", "").map(terminator -> join(segments(x12), x12)
                .replace(x12.contains("~") ? "~" : "\n", terminator));
    }

    static List<String> segments(String x12) {
        String terminator = x12.contains("~") ? "~" : "\n";
        return new ArrayList<>(Arrays.stream(x12.split(terminator)).map(String::strip).filter(s -> !s.isEmpty())
                .toList());
    }

    private static String join(List<String> segments, String like) {
        String terminator = like.contains("~") ? "~" : "\n";
        return String.join(terminator, segments) + terminator;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
