package io.logisync.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Writes the X12 997 functional acknowledgement of a file, with StAEDI: one 997 per functional group received,
 * addressed back to the sender (ISA and GS senders and receivers swapped), each set accepted (AK5 A) or rejected
 * (AK5 R with its element 718 code), each group accepted, partially accepted or rejected in its AK9.
 */
public final class FunctionalAcknowledgement {

    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter GS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");
    private static final String SET_NOT_SUPPORTED = "1";
    private static final String SEGMENTS_IN_ERROR = X12Fault.SEGMENTS_IN_ERROR;

    private static final char DEFAULT_COMPONENT = '>';

    private final LongSupplier controlNumbers;
    private final ZonedDateTime now;

    /** How one set is acknowledged: accepted, or rejected with a code ("" for none). */
    private record SetAnswer(X12Envelope.SetHeader set, boolean accepted, String code, ElementError element) {
        SetAnswer(X12Envelope.SetHeader set, boolean accepted, String code) {
            this(set, accepted, code, null);
        }
    }

    /**
     * @param controlNumbers gives a new interchange or group control number at each call; numbers must not repeat
     *     for the same trading partner
     */
    private FunctionalAcknowledgement(LongSupplier controlNumbers, ZonedDateTime now) {
        this.controlNumbers = controlNumbers;
        this.now = now.withZoneSameInstant(ZoneOffset.UTC);
    }

    /** The 997 of a file that was read: its sets accepted, except those of a kind logisync does not read. */
    public static String of(X12Document document, LongSupplier controlNumbers, ZonedDateTime now) {
        List<String> unsupported = document.refused().stream().filter(RefusedSet::notSupported)
                .map(RefusedSet::setControlNumber).toList();
        java.util.Map<String, ElementError> badElements = new java.util.HashMap<>();
        document.refused().stream().filter(refused -> refused.elementError() != null)
                .forEach(refused -> badElements.put(refused.setControlNumber(), refused.elementError()));
        FunctionalAcknowledgement writer = new FunctionalAcknowledgement(controlNumbers, now);
        return writer.write(document.envelopes(), (group, set) -> unsupported.contains(set.controlNumber())
                ? new SetAnswer(set, false, SET_NOT_SUPPORTED)
                : badElements.containsKey(set.controlNumber())
                        ? new SetAnswer(set, false, SEGMENTS_IN_ERROR, badElements.get(set.controlNumber()))
                        : new SetAnswer(set, true, ""), group -> null);
    }

    /**
     * The 997 that rejects a file whose envelope or syntax is broken: the whole file is refused, so every group is
     * rejected; the set or group at fault carries the code that says why.
     *
     * @throws IllegalArgumentException when the file broke before a functional group could be read
     */
    public static String rejecting(EdiSyntaxException broken, LongSupplier controlNumbers, ZonedDateTime now) {
        // Known gap: a file that breaks before its ISA and first GS are read gets no TA1 interchange acknowledgement.
        if (!broken.isAcknowledgeable()) {
            throw new IllegalArgumentException(broken.getFileName() + " broke before its ISA and first GS were read;"
                    + " a 997 cannot be addressed");
        }
        X12Fault fault = broken.fault();
        FunctionalAcknowledgement writer = new FunctionalAcknowledgement(controlNumbers, now);
        // an interchange fault has no code in the 997: a TA1 (interchange acknowledgement) carries it
        String interchangeNote = fault.level() == X12Fault.Level.INTERCHANGE && !fault.code().isEmpty() ? fault.code()
                : null;
        return writer.write(broken.envelopes(), interchangeNote, (group, set) -> new SetAnswer(set, false,
                fault.level() == X12Fault.Level.SET && fault.groupControlNumber().equals(group.controlNumber())
                        && fault.setControlNumber().equals(set.controlNumber()) ? fault.code() : ""),
                group -> fault.level() == X12Fault.Level.GROUP
                        && fault.groupControlNumber().equals(group.controlNumber()) ? fault.code() : null);
    }

    private interface SetRule {
        SetAnswer answer(X12Envelope.Group group, X12Envelope.SetHeader set);
    }

    /** A group's AK9-05 code: null when the group is judged by its sets, "" or a code when it is rejected whole. */
    private interface GroupRule {
        String rejection(X12Envelope.Group group);
    }

    private String write(List<X12Envelope> envelopes, SetRule sets, GroupRule groups) {
        return write(envelopes, null, sets, groups);
    }

    private String write(List<X12Envelope> envelopes, String interchangeNote, SetRule sets, GroupRule groups) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        factory.setProperty(EDIStreamConstants.Delimiters.SEGMENT, '~');
        factory.setProperty(EDIStreamConstants.Delimiters.DATA_ELEMENT, '*');
        // ISA16 echoes the sender's component separator, so that the answer is written as the partner writes
        factory.setProperty(EDIStreamConstants.Delimiters.COMPONENT_ELEMENT, envelopes.isEmpty() ? DEFAULT_COMPONENT
                : componentOf(envelopes.get(0).isa()));
        try (EDIStreamWriter writer = factory.createEDIStreamWriter(out)) {
            for (X12Envelope envelope : envelopes) {
                if (!envelope.groups().isEmpty()) {
                    writeInterchange(writer, envelope, interchangeNote, sets, groups);
                }
            }
        } catch (EDIStreamException e) {
            throw new IllegalStateException("the 997 could not be written: " + e.getMessage(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private void writeInterchange(EDIStreamWriter writer, X12Envelope envelope, String interchangeNote, SetRule sets,
            GroupRule groups) throws EDIStreamException {
        Segment isa = envelope.isa();
        String control = String.format("%09d", controlNumbers.getAsLong() % 1_000_000_000L);
        writer.setControlSchema(controlSchema(isa.trimmed(12)));
        writer.startInterchange();
        segment(writer, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), isa.trimmed(7), pad(isa.trimmed(8), 15),
                isa.trimmed(5), pad(isa.trimmed(6), 15), ISA_DATE.format(now), TIME.format(now),
                isa.trimmed(11).isEmpty() ? "U" : isa.trimmed(11), isa.trimmed(12), control, "0", isa.trimmed(15),
                String.valueOf(componentOf(isa)));
        if (interchangeNote != null) {
            // TA1: the received ISA13, ISA09 and ISA10, rejected (R), and the note code saying why
            segment(writer, "TA1", isa.trimmed(13), isa.trimmed(9), isa.trimmed(10), "R", interchangeNote);
        }
        for (X12Envelope.Group group : envelope.groups()) {
            writeGroup(writer, group, sets, groups);
        }
        segment(writer, "IEA", String.valueOf(envelope.groups().size()), control);
        writer.endInterchange();
    }

    private void writeGroup(EDIStreamWriter writer, X12Envelope.Group group, SetRule sets, GroupRule groups)
            throws EDIStreamException {
        String control = String.valueOf(controlNumbers.getAsLong() % 1_000_000_000L);
        Segment gs = group.gs();
        segment(writer, "GS", "FA", gs.trimmed(3), gs.trimmed(2), GS_DATE.format(now), TIME.format(now), control,
                "X", group.version());
        int segments = 0;
        segment(writer, "ST", "997", "0001");
        segments++;
        boolean version5 = group.version().startsWith("005");
        if (version5) {
            segment(writer, "AK1", group.functionalId(), group.controlNumber(), group.version());
        } else {
            segment(writer, "AK1", group.functionalId(), group.controlNumber());
        }
        segments++;
        // Known gap: AK3/AK4 detail is written for the 210 charge elements logisync type-checks, not for envelope faults.
        String groupRejection = groups.rejection(group);
        int accepted = 0;
        for (X12Envelope.SetHeader set : group.sets()) {
            SetAnswer answer = sets.answer(group, set);
            segment(writer, "AK2", set.type(), set.controlNumber());
            if (answer.element() != null) {
                ElementError bad = answer.element();
                // AK3-04 8: the segment has data element errors; AK4 names the element, its error and its value
                segment(writer, "AK3", bad.segmentTag(), String.valueOf(bad.segmentPositionInSet()), "", "8");
                segment(writer, "AK4", String.valueOf(bad.elementPosition()), bad.elementReference(),
                        bad.errorCode(), bad.value());
                segments += 2;
            }
            if (answer.accepted()) {
                segment(writer, "AK5", "A");
                accepted++;
            } else if (answer.code().isEmpty()) {
                segment(writer, "AK5", "R");
            } else {
                segment(writer, "AK5", "R", answer.code());
            }
            segments += 2;
        }
        int received = group.sets().size();
        String status = groupRejection != null || accepted == 0 ? "R" : accepted == received ? "A" : "P";
        if (groupRejection != null) {
            accepted = 0;
        }
        if (groupRejection != null && !groupRejection.isEmpty()) {
            segment(writer, "AK9", status, String.valueOf(received), String.valueOf(received),
                    String.valueOf(accepted), groupRejection);
        } else {
            segment(writer, "AK9", status, String.valueOf(received), String.valueOf(received),
                    String.valueOf(accepted));
        }
        segments++;
        segment(writer, "SE", String.valueOf(segments + 1), "0001");
        segment(writer, "GE", "1", control);
    }

    /** The sender's ISA16, unless it is one of the delimiters the 997 is written with ('*', '~'), then '>'. */
    private static char componentOf(Segment isa) {
        String sent = isa.element(16);
        if (sent.length() != 1 || "*~".indexOf(sent.charAt(0)) >= 0 || Character.isLetterOrDigit(sent.charAt(0))
                || Character.isWhitespace(sent.charAt(0))) {
            return DEFAULT_COMPONENT;
        }
        return sent.charAt(0);
    }

    /** StAEDI's own X12 envelope schema, so that the envelope written is checked as the one read is. */
    private static Schema controlSchema(String isaVersion) {
        try {
            return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12,
                    new String[] {isaVersion});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("StAEDI has no X12 envelope schema for version " + isaVersion, e);
        }
    }

    private static void segment(EDIStreamWriter writer, String tag, String... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        for (String element : elements) {
            writer.writeElement(element);
        }
        writer.writeEndSegment();
    }

    private static String pad(String value, int width) {
        return value.length() >= width ? value : value + " ".repeat(width - value.length());
    }
}
