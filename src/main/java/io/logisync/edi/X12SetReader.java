package io.logisync.edi;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the transaction sets of an X12 file with StAEDI, which validates the control structure (envelope order,
 * header/trailer control numbers, element widths of ISA/GS/ST/SE/GE/IEA); any error it reports fails the file.
 *
 * <p>One instance reads one file.
 */
final class X12SetReader {

    private final String fileName;
    private final List<TransactionSet> sets = new ArrayList<>();
    private final List<String> elements = new ArrayList<>();
    private char componentSeparator;
    private String tag = "";
    private int position;
    private Segment last;

    private String interchangeControl = "";
    private String interchangeSender = "";
    private String groupControl = "";
    private String groupSender = "";
    private boolean inInterchange;
    private boolean inGroup;
    private int groupsInInterchange;
    private int setsInGroup;
    private SetInProgress set;

    private record SetInProgress(TransactionSet.Envelope envelope, String type, String control,
            List<Segment> segments) {
    }

    private X12SetReader(String fileName) {
        this.fileName = fileName;
    }

    /** The sets of the file in file order; throws {@link EdiSyntaxException} when its envelope or syntax is broken. */
    static List<TransactionSet> read(byte[] content, String fileName) {
        return new X12SetReader(fileName).readAll(X12Text.of(content, fileName));
    }

    private List<TransactionSet> readAll(X12Text x12) {
        componentSeparator = x12.delimiters().component();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        // On by default in StAEDI; set here so the envelope checks cannot be lost to a changed default.
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        // Known gap: no 214 transaction schema is loaded: segment order and element rules inside a set go unchecked.
        byte[] bytes = x12.text().getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes), "UTF-8")) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_SEGMENT -> startSegment(reader.getText(), reader.getLocation());
                    case ELEMENT_DATA -> addElement(reader.getText(), reader.getLocation());
                    case END_SEGMENT -> endSegment();
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> reportError(reader);
                    default -> {
                        // envelope and loop events: the envelope is followed from its segments
                    }
                }
            }
        } catch (EDIStreamException e) {
            throw unreadable(e, x12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sets;
    }

    private void startSegment(String segmentTag, Location location) {
        tag = segmentTag;
        position = location.getSegmentPosition();
        elements.clear();
    }

    private void addElement(String text, Location location) {
        if (location.getElementOccurrence() > 1) {
            return; // repeated elements carry nothing the mappers read
        }
        int index = location.getElementPosition() - 1;
        while (elements.size() <= index) {
            elements.add("");
        }
        boolean laterComponent = location.getComponentPosition() > 1;
        elements.set(index, laterComponent ? elements.get(index) + componentSeparator + text : text);
    }

    private void endSegment() {
        Segment segment = new Segment(tag, List.copyOf(elements), position);
        last = segment;
        switch (tag) {
            case "ISA" -> startInterchange(segment);
            case "GS" -> startGroup(segment);
            case "ST" -> startSet(segment);
            case "SE" -> endSet(segment);
            case "GE" -> endGroup(segment);
            case "IEA" -> endInterchange(segment);
            default -> {
                if (set != null) {
                    set.segments().add(segment);
                }
            }
        }
    }

    private void startInterchange(Segment isa) {
        inInterchange = true;
        interchangeControl = isa.trimmed(13);
        interchangeSender = isa.trimmed(6);
        groupsInInterchange = 0;
    }

    private void startGroup(Segment gs) {
        inGroup = true;
        groupControl = gs.trimmed(6);
        groupSender = gs.trimmed(2);
        groupsInInterchange++;
        setsInGroup = 0;
    }

    private void startSet(Segment st) {
        var envelope = new TransactionSet.Envelope(interchangeControl, interchangeSender, groupControl, groupSender);
        set = new SetInProgress(envelope, st.trimmed(1), st.trimmed(2), new ArrayList<>(List.of(st)));
        setsInGroup++;
    }

    private void endSet(Segment se) {
        set.segments().add(se);
        checkCount(se, set.segments().size(), "segments", "set " + set.control());
        sets.add(new TransactionSet(set.envelope(), set.type(), set.control(), List.copyOf(set.segments())));
        set = null;
    }

    private void endGroup(Segment ge) {
        checkCount(ge, setsInGroup, "sets", "group " + groupControl);
        inGroup = false;
    }

    private void endInterchange(Segment iea) {
        checkCount(iea, groupsInInterchange, "groups", "interchange " + interchangeControl);
        inInterchange = false;
    }

    /**
     * StAEDI 1.25.2 flags zero-padded counts (SE01 {@code 0000000013}) as wrong because it compares them as text
     * (xlate/staedi#526, fixed after 1.25.2), so trailer counts are compared here as numbers instead.
     */
    private void checkCount(Segment trailer, int actual, String what, String owner) {
        String declared = trailer.trimmed(1);
        String element = trailer.tag() + "01";
        if (!declared.matches("\\d{1,18}")) {
            throw syntax(trailer.tag(), trailer.position(), element + " '" + declared + "' is not a count");
        }
        if (Long.parseLong(declared) != actual) {
            throw syntax(trailer.tag(), trailer.position(), element + " says " + Long.parseLong(declared) + " " + what
                    + " but " + owner + " has " + actual);
        }
    }

    private void reportError(EDIStreamReader reader) {
        EDIStreamValidationError error = reader.getErrorType();
        if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return; // see checkCount
        }
        Location location = reader.getLocation();
        throw syntax(location.getSegmentTag(), location.getSegmentPosition(), describe(error, reader, location));
    }

    private String describe(EDIStreamValidationError error, EDIStreamReader reader, Location location) {
        String segmentTag = location.getSegmentTag();
        String reference = reader.getReferenceCode();
        String element = String.format("%s%02d '%s'", segmentTag, location.getElementPosition(), reader.getText());
        boolean setOpen = set != null;
        switch (error) {
            case CONTROL_REFERENCE_MISMATCH:
                return element + " does not match " + headerReference(segmentTag)
                        + ": a trailer repeats its header's control number";
            case MANDATORY_SEGMENT_MISSING:
                return ("SE".equals(reference) && setOpen ? "set " + set.control() + " has no SE trailer"
                        : "segment " + reference + " is missing") + " before " + segmentTag;
            case SEGMENT_EXCEEDS_MAXIMUM_USE:
                if ("ST".equals(segmentTag) && setOpen) {
                    return "set " + set.control() + " has no SE trailer before the next ST";
                }
                break;
            default:
                break;
        }
        String rule = error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return (location.getElementPosition() > 0 ? element : segmentTag) + ": " + rule;
    }

    private String headerReference(String trailerTag) {
        return switch (trailerTag) {
            case "SE" -> "ST02 '" + (set == null ? "" : set.control()) + "'";
            case "GE" -> "GS06 '" + groupControl + "'";
            case "IEA" -> "ISA13 '" + interchangeControl + "'";
            default -> "its header";
        };
    }

    /** Names the missing trailer when the file simply stops; otherwise passes StAEDI's reason on. */
    private EdiSyntaxException unreadable(EDIStreamException e, X12Text x12) {
        if (last == null) {
            return syntax("ISA", 1, "cannot read the interchange header: " + e.getMessage(), e);
        }
        String end = ": the file ends after segment " + last.tag() + " at position " + last.position();
        int missingAt = last.position() + 1;
        if (last.tag().equals(x12.lastSegmentTag())) {
            if (set != null) {
                return syntax("SE", missingAt, "set " + set.control() + " has no SE trailer" + end, e);
            }
            if (inGroup) {
                return syntax("GE", missingAt, "group " + groupControl + " has no GE trailer" + end, e);
            }
            if (inInterchange) {
                return syntax("IEA", missingAt, "interchange " + interchangeControl + " has no IEA trailer" + end, e);
            }
        }
        return syntax(last.tag(), last.position(), "cannot read the X12 after segment " + last.tag() + " at position "
                + last.position() + ": " + e.getMessage(), e);
    }

    private EdiSyntaxException syntax(String segmentTag, int segmentPosition, String rule) {
        return syntax(segmentTag, segmentPosition, rule, null);
    }

    private EdiSyntaxException syntax(String segmentTag, int segmentPosition, String rule, Throwable cause) {
        return new EdiSyntaxException(fileName, segmentTag, segmentPosition, rule, cause);
    }
}
