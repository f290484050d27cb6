package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Maps X12 214 shipment status files to canonical {@code logistics.milestone.recorded.v1} CloudEvents.
 *
 * <p>Every AT7 status of every ST 214 set is one event, or one {@link SkippedStatus} when it has no milestone. A file
 * whose envelope or syntax is broken raises {@link EdiSyntaxException}; one holding another transaction set raises
 * {@link UnsupportedTransactionSetException}; in both cases no event of the file is returned. Thread-safe.
 */
public class Edi214Mapper {

    /** The CloudEvents type of every event this mapper returns. */
    public static final String EVENT_TYPE = MilestoneEvents.TYPE;

    private final X12DocumentMapper documents;

    /** Local times (AT7-07 {@code LT} or blank) are taken as UTC; the bundled AT7 table is used. */
    public Edi214Mapper() {
        this(ZoneOffset.UTC);
    }

    /** Local times (AT7-07 {@code LT} or blank) are taken in {@code defaultZone}; the bundled AT7 table is used. */
    public Edi214Mapper(ZoneId defaultZone) {
        this(defaultZone, At7StatusTable.bundled());
    }

    public Edi214Mapper(ZoneId defaultZone, At7StatusTable statusTable) {
        this.documents = new X12DocumentMapper(new X12DocumentMapper.Settings(defaultZone, statusTable,
                ChargeCodeTable.bundled(), "USD"), Set.of("214"));
    }

    /** The events of a file, with source {@code edi/<ISA06>} (GS02 when ISA06 is blank). */
    public List<ObjectNode> toEvents(InputStream x12, String fileName) {
        return map(x12, fileName).events();
    }

    /** The events of a file, with the given CloudEvents source. */
    public List<ObjectNode> toEvents(InputStream x12, String fileName, String source) {
        return map(x12, fileName, source).events();
    }

    /** Events and skipped statuses of a file, with source {@code edi/<ISA06>} (GS02 when ISA06 is blank). */
    public Edi214Result map(InputStream x12, String fileName) {
        return mapWith(x12, fileName, null);
    }

    /** Events and skipped statuses of a file, with the given CloudEvents source, e.g. {@code edi/canada-post}. */
    public Edi214Result map(InputStream x12, String fileName, String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
        return mapWith(x12, fileName, source);
    }

    private Edi214Result mapWith(InputStream x12, String fileName, String source) {
        X12Document document = documents.map(x12, fileName, source, null);
        for (RefusedSet set : document.refused()) {
            throw new UnsupportedTransactionSetException(fileName, set.transactionSetId(), set.setControlNumber(),
                    "214 (transportation carrier shipment status)");
        }
        return new Edi214Result(document.events(), document.skipped());
    }
}
