package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(Edi214Mapper.class);

    private final StatusSetMapper sets;

    /** Local times (AT7-07 {@code LT} or blank) are taken as UTC; the bundled AT7 table is used. */
    public Edi214Mapper() {
        this(ZoneOffset.UTC);
    }

    /** Local times (AT7-07 {@code LT} or blank) are taken in {@code defaultZone}; the bundled AT7 table is used. */
    public Edi214Mapper(ZoneId defaultZone) {
        this(defaultZone, At7StatusTable.bundled());
    }

    public Edi214Mapper(ZoneId defaultZone, At7StatusTable statusTable) {
        this.sets = new StatusSetMapper(Objects.requireNonNull(statusTable, "statusTable"),
                Objects.requireNonNull(defaultZone, "defaultZone"));
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
        List<TransactionSet> transactionSets = X12SetReader.read(readAll(x12), fileName);
        for (TransactionSet set : transactionSets) {
            if (!set.type().equals("214")) {
                throw new UnsupportedTransactionSetException(fileName, set.type(), set.controlNumber(),
                        "214 (transportation carrier shipment status)");
            }
        }
        List<ObjectNode> events = new ArrayList<>();
        List<SkippedStatus> skipped = new ArrayList<>();
        for (TransactionSet set : transactionSets) {
            sets.map(set, source != null ? source : sourceOf(set.envelope()), events, skipped);
        }
        LOG.info("{}: {} sets, {} milestone events, {} statuses skipped", fileName, transactionSets.size(),
                events.size(), skipped.size());
        return new Edi214Result(events, skipped);
    }

    /** {@code edi/} and the sender id, lowercased, with characters a URI-reference cannot carry turned into '-'. */
    static String sourceOf(TransactionSet.Envelope envelope) {
        String sender = envelope.interchangeSender().isEmpty() ? envelope.groupSender() : envelope.interchangeSender();
        String slug = sender.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._~-]+", "-").replaceAll("^-+|-+$", "");
        return "edi/" + (slug.isEmpty() ? "unknown" : slug);
    }

    private static byte[] readAll(InputStream x12) {
        try {
            return x12.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
