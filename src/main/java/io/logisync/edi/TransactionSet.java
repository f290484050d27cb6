package io.logisync.edi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** One ST..SE transaction set (segments from ST to SE) with the control numbers and senders of the envelope around it. */
record TransactionSet(Envelope envelope, String type, String controlNumber, List<Segment> segments) {

    /**
     * The first 12 hex digits of the SHA-256 of the set's content: its segments from ST to SE, each as its tag and
     * elements joined by '*' and ended by '~', elements stripped of padding. The file's delimiters and line breaks do
     * not count, so the same document resent gives the same digest and another document sent under reused control
     * numbers another one.
     */
    String contentDigest() {
        StringBuilder text = new StringBuilder("ST*").append(type).append('~');
        for (Segment segment : segments) {
            text.append(segment.tag());
            for (String element : segment.elements()) {
                text.append('*').append(element.strip());
            }
            text.append('~');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** ISA13-GS06-ST02: the control numbers, which senders may reuse; event ids add {@link #contentDigest()}. */
    String controlKey() {
        return String.join("-", envelope.interchangeControlNumber(), envelope.groupControlNumber(), controlNumber);
    }

    /** ISA13/ISA06 and GS06/GS02, trimmed. */
    record Envelope(String interchangeControlNumber, String interchangeSender, String groupControlNumber,
            String groupSender) {
    }
}
