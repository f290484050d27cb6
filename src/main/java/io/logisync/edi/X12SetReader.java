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
    private final List<X12Envelope> envelopes = new ArrayList<>();
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

    /** A file's sets in file order, and the envelope of each of its interchanges. */
    record X12File(List<X12Envelope> envelopes, List<TransactionSet> sets) {
    }

    /** The sets of the file in file order; throws {@link EdiSyntaxException} when its envelope or syntax is broken. */
    static List<TransactionSet> read(byte[] content, String fileName) {
        return readFile(content, fileName).sets();
    }

    /** The sets and envelopes of the file; throws {@link EdiSyntaxException} when its envelope or syntax is broken. */
    static X12File readFile(byte[] content, String fileName) {
        X12SetReader reader = new X12SetReader(fileName);
        List<TransactionSet> sets = reader.readAll(X12Text.of(content, fileName));
        return new X12File(List.copyOf(reader.envelopes), List.copyOf(sets));
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
        envelopes.add(new X12Envelope(isa));
    }

    private void startGroup(Segment gs) {
        inGroup = true;
        groupControl = gs.trimmed(6);
        groupSender = gs.trimmed(2);
        groupsInInterchange++;
        setsInGroup = 0;
        if (!envelopes.isEmpty()) {
            envelopes.get(envelopes.size() - 1).startGroup(gs);
        }
    }

    private void startSet(Segment st) {
        var envelope = new TransactionSet.Envelope(interchangeControl, interchangeSender, groupControl, groupSender);
        set = new SetInProgress(envelope, st.trimmed(1), st.trimmed(2), new ArrayList<>(List.of(st)));
        setsInGroup++;
        if (!envelopes.isEmpty()) {
            envelopes.get(envelopes.size() - 1).startSet(st.trimmed(1), st.trimmed(2));
        }
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
            throw syntax(trailer.tag(), trailer.position(), element + " '" + declared + "' is not a count",
                    countFault(trailer.tag()));
        }
        if (Long.parseLong(declared) != actual) {
            throw syntax(trailer.tag(), trailer.position(), element + " says " + Long.parseLong(declared) + " " + what
                    + " but " + owner + " has " + actual, countFault(trailer.tag()));
        }
    }

    private void reportError(EDIStreamReader reader) {
        EDIStreamValidationError error = reader.getErrorType();
        if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            return; // see checkCount
        }
        Location location = reader.getLocation();
        throw syntax(location.getSegmentTag(), location.getSegmentPosition(), describe(error, reader, location),
                faultOf(error, reader.getReferenceCode(), location));
    }

    /** The acknowledgement code of a StAEDI error, at the level (set, group, interchange) it rejects. */
    private X12Fault faultOf(EDIStreamValidationError error, String reference, Location location) {
        String tag = location.getSegmentTag();
        int position = location.getSegmentPosition();
        switch (error) {
            case CONTROL_REFERENCE_MISMATCH:
                return switch (tag) {
                    case "SE" -> setFault(X12Fault.SET_CONTROL_NUMBER_MISMATCH, tag, position);
                    case "GE" -> groupFault(X12Fault.GROUP_CONTROL_NUMBER_MISMATCH, tag);
                    default -> interchangeFault(X12Fault.INTERCHANGE_CONTROL_NUMBER_MISMATCH, tag);
                };
            case MANDATORY_SEGMENT_MISSING:
                if ("SE".equals(reference) && set != null) {
                    return setFault(X12Fault.SET_TRAILER_MISSING, tag, position);
                }
                if ("GE".equals(reference) && inGroup) {
                    return groupFault(X12Fault.GROUP_TRAILER_MISSING, tag);
                }
                break;
            case SEGMENT_EXCEEDS_MAXIMUM_USE:
                if ("ST".equals(tag) && set != null) {
                    return setFault(X12Fault.SET_TRAILER_MISSING, tag, position);
                }
                break;
            default:
                break;
        }
        return anyFault(tag, position);
    }

    private X12Fault countFault(String trailerTag) {
        return switch (trailerTag) {
            case "SE" -> setFault(X12Fault.SEGMENT_COUNT_MISMATCH, trailerTag, last.position());
            case "GE" -> groupFault(X12Fault.SET_COUNT_MISMATCH, trailerTag);
            default -> interchangeFault(X12Fault.GROUP_COUNT_MISMATCH, trailerTag);
        };
    }

    /** A fault with no more specific code: inside a set it is the set's, else the group's, else the interchange's. */
    private X12Fault anyFault(String tag, int position) {
        if (set != null) {
            return setFault(X12Fault.SEGMENTS_IN_ERROR, tag, position);
        }
        return inGroup ? groupFault("", tag) : interchangeFault("", tag);
    }

    private X12Fault setFault(String code, String tag, int position) {
        int stPosition = set.segments().get(0).position();
        return new X12Fault(X12Fault.Level.SET, groupControl, set.control(), code, tag, position - stPosition + 1);
    }

    private X12Fault groupFault(String code, String tag) {
        return new X12Fault(X12Fault.Level.GROUP, groupControl, "", code, tag, 0);
    }

    private X12Fault interchangeFault(String code, String tag) {
        return new X12Fault(X12Fault.Level.INTERCHANGE, "", "", code, tag, 0);
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
            return syntax("ISA", 1, "cannot read the interchange header: " + e.getMessage(), e, null);
        }
        String end = ": the file ends after segment " + last.tag() + " at position " + last.position();
        int missingAt = last.position() + 1;
        if (last.tag().equals(x12.lastSegmentTag())) {
            if (set != null) {
                return syntax("SE", missingAt, "set " + set.control() + " has no SE trailer" + end, e,
                        setFault(X12Fault.SET_TRAILER_MISSING, "SE", missingAt));
            }
            if (inGroup) {
                return syntax("GE", missingAt, "group " + groupControl + " has no GE trailer" + end, e,
                        groupFault(X12Fault.GROUP_TRAILER_MISSING, "GE"));
            }
            if (inInterchange) {
                return syntax("IEA", missingAt, "interchange " + interchangeControl + " has no IEA trailer" + end, e,
                        interchangeFault(X12Fault.PREMATURE_END_OF_FILE, "IEA"));
            }
        }
        return syntax(last.tag(), last.position(), "cannot read the X12 after segment " + last.tag() + " at position "
                + last.position() + ": " + e.getMessage(), e, anyFault(last.tag(), last.position()));
    }

    private EdiSyntaxException syntax(String segmentTag, int segmentPosition, String rule, X12Fault fault) {
        return syntax(segmentTag, segmentPosition, rule, null, fault);
    }

    private EdiSyntaxException syntax(String segmentTag, int segmentPosition, String rule, Throwable cause,
            X12Fault fault) {
        return new EdiSyntaxException(fileName, segmentTag, segmentPosition, rule, cause, envelopes, fault);
    }
}
