package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the AT7 statuses of one 214 set into milestone events, or into skipped entries that say why not. */
final class StatusSetMapper {

    private static final Logger LOG = LoggerFactory.getLogger(StatusSetMapper.class);

    private final At7StatusTable statuses;
    private final ZoneId defaultZone;

    /** One AT7 with the MS1 that follows it; {@code ordinal} counts AT7s within the LX loop from 1. */
    private record StatusLine(String lx, int ordinal, Segment at7, Segment ms1) {
    }

    /** Why a status gives no event; thrown inside this class only, without a stack trace. */
    private static final class Skip extends Exception {
        private final boolean unusable;

        Skip(String reason) {
            this(reason, true);
        }

        private Skip(String reason, boolean unusable) {
            super(reason, null, false, false);
            this.unusable = unusable;
        }

        static Skip notAMilestone(String reason) {
            return new Skip(reason, false);
        }
    }

    StatusSetMapper(At7StatusTable statuses, ZoneId defaultZone) {
        this.statuses = statuses;
        this.defaultZone = defaultZone;
    }

    void map(TransactionSet set, String source, List<ObjectNode> events, List<SkippedStatus> skipped) {
        String loadRef = loadRefOf(set);
        for (StatusLine line : statusLines(set.segments())) {
            try {
                events.add(MilestoneEvents.toCloudEvent(milestone(set, line, loadRef, source)));
            } catch (Skip skip) {
                LOG.debug("Set {} LX {}: {}", set.controlNumber(), line.lx(), skip.getMessage());
                skipped.add(new SkippedStatus(set.controlNumber(), line.lx(), loadRef, line.at7().trimmed(1),
                        skip.getMessage(), skip.unusable));
            }
        }
    }

    /** B10-02 (shipment identification number), else B10-01; senders pad them with spaces to 30. */
    private static String loadRefOf(TransactionSet set) {
        return set.segments().stream()
                .filter(segment -> segment.tag().equals("B10"))
                .findFirst()
                .map(b10 -> b10.trimmed(2).isEmpty() ? b10.trimmed(1) : b10.trimmed(2))
                .orElse("");
    }

    /** Pairs each AT7 with the MS1 that follows it in the same LX loop (loop 0205: AT7, MS1, MS2). */
    private static List<StatusLine> statusLines(List<Segment> segments) {
        List<StatusLine> lines = new ArrayList<>();
        String lx = "";
        int ordinal = 0;
        boolean awaitingMs1 = false;
        for (Segment segment : segments) {
            switch (segment.tag()) {
                case "LX" -> {
                    lx = segment.trimmed(1);
                    ordinal = 0;
                    awaitingMs1 = false;
                }
                case "AT7" -> {
                    lines.add(new StatusLine(lx, ++ordinal, segment, null));
                    awaitingMs1 = true;
                }
                case "MS1" -> {
                    if (awaitingMs1) {
                        StatusLine line = lines.remove(lines.size() - 1);
                        lines.add(new StatusLine(line.lx(), line.ordinal(), line.at7(), segment));
                        awaitingMs1 = false;
                    }
                }
                default -> {
                    // other segments carry nothing the milestone needs
                }
            }
        }
        return lines;
    }

    private MilestoneEvents.Milestone milestone(TransactionSet set, StatusLine line, String loadRef, String source)
            throws Skip {
        String status = line.at7().trimmed(1);
        if (status.isEmpty()) {
            String appointment = line.at7().trimmed(3);
            if (appointment.isEmpty()) {
                throw new Skip("AT7 carries no shipment status (AT7-01)");
            }
            throw Skip.notAMilestone("AT7-03 '" + appointment + "' is an appointment, not a shipment status");
        }
        if (!statuses.knows(status)) {
            throw new Skip("AT7 status " + status + " has no mapping in the AT7 status table");
        }
        String code = statuses.milestoneFor(status)
                .orElseThrow(() -> Skip.notAMilestone("AT7 status " + status + " is listed as not a milestone"));
        if (loadRef.isEmpty()) {
            throw new Skip("B10 has neither a shipment identification number (B10-02) nor an invoice number (B10-01)");
        }
        return new MilestoneEvents.Milestone(idOf(set, line), source, loadRef, code, occurredAt(set, line),
                line.at7(), line.ms1());
    }

    /**
     * ISA13-GS06-ST02-digest-LX01, plus "-n" for the n-th AT7 of a loop: the same file always yields the same ids,
     * and another set sent under reused control numbers other ids (the digest is of the set's content).
     */
    private static String idOf(TransactionSet set, StatusLine line) {
        String id = String.join("-", set.controlKey(), set.contentDigest(), line.lx().isEmpty() ? "0" : line.lx());
        return line.ordinal() > 1 ? id + "-" + line.ordinal() : id;
    }

    private OffsetDateTime occurredAt(TransactionSet set, StatusLine line) throws Skip {
        String date = line.at7().trimmed(5);
        String time = line.at7().trimmed(6);
        String timeCode = line.at7().trimmed(7);
        if (date.isEmpty() || time.isEmpty()) {
            throw new Skip("AT7 has no status date (AT7-05) and time (AT7-06)");
        }
        ZoneId zone;
        if (X12Time.isLocal(timeCode)) {
            // Known gap: a local time could take its zone from MS1's state or province; the caller's default is used.
            zone = defaultZone;
            LOG.debug("Set {} LX {}: time code '{}' is local time; assuming {}", set.controlNumber(), line.lx(),
                    timeCode, defaultZone);
        } else {
            zone = X12Time.zoneOf(timeCode)
                    .orElseThrow(() -> new Skip("AT7-07 time code '" + timeCode + "' is not one this mapper knows"));
        }
        try {
            return X12Time.at(date, time, zone);
        } catch (DateTimeException e) {
            throw new Skip("AT7-05/06 '" + date + " " + time + "' is not a usable date and time: " + e.getMessage());
        }
    }
}
