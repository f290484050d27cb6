package io.logisync.edi;

import java.util.List;

/** One ST..SE transaction set with the control numbers and senders of the envelope around it. */
record TransactionSet(Envelope envelope, String type, String controlNumber, List<Segment> segments) {

    /** ISA13/ISA06 and GS06/GS02, trimmed. */
    record Envelope(String interchangeControlNumber, String interchangeSender, String groupControlNumber,
            String groupSender) {
    }
}
