package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns one X12 210 (motor carrier freight details and invoice) into a {@code logistics.carrier.invoice.received.v1}
 * event: B3-02 is the carrier's invoice number, B3-03 the load, each L1 a line, and L3-05 the total that the lines
 * must add up to.
 */
final class InvoiceSetMapper {

    static final String TYPE = "logistics.carrier.invoice.received.v1";
    /** An L1 with no special charge code (L1-08) is the freight charge itself. */
    static final String FREIGHT_CHARGE = "LINEHAUL";

    /** Element 58 (charge) is N2: digits with two implied decimals and an optional minus sign. */
    private static final Pattern IMPLIED_DECIMAL = Pattern.compile("-?\\d{1,15}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final ChargeCodeTable chargeCodes;
    private final ZoneId zone;
    private final String defaultCurrency;

    /** Why a 210 cannot be booked; thrown inside this package only, without a stack trace. */
    static final class Refusal extends Exception {
        private final transient Segment segment;
        private final int element;
        private final String reference;
        private final String code;

        Refusal(String reason) {
            this(reason, null, 0, "", "");
        }

        /** A refusal because element {@code element} (reference {@code reference}) of {@code segment} breaks its type. */
        Refusal(String reason, Segment segment, int element, String reference, String code) {
            super(reason, null, false, false);
            this.segment = segment;
            this.element = element;
            this.reference = reference;
            this.code = code;
        }

        /** The element error a 997 reports, positioned in {@code set}; null for a business refusal. */
        ElementError elementError(TransactionSet set) {
            if (segment == null) {
                return null;
            }
            // the set's segments begin with its ST, position 1 in the 997's count
            int stPosition = set.segments().get(0).position();
            return new ElementError(segment.tag(), segment.position() - stPosition + 1, element, reference, code,
                    segment.trimmed(element));
        }
    }

    InvoiceSetMapper(ChargeCodeTable chargeCodes, ZoneId zone, String defaultCurrency) {
        this.chargeCodes = chargeCodes;
        this.zone = zone;
        this.defaultCurrency = defaultCurrency;
    }

    ObjectNode map(TransactionSet set, String source, String carrierCode) throws Refusal {
        Segment b3 = first(set, "B3");
        if (b3 == null) {
            throw new Refusal("the 210 has no B3 segment, so it has no invoice number");
        }
        String invoiceNumber = b3.trimmed(2);
        String loadRef = b3.trimmed(3);
        if (invoiceNumber.isEmpty()) {
            throw new Refusal("B3-02 (the carrier's invoice number) is empty");
        }
        if (loadRef.isEmpty()) {
            throw new Refusal("B3-03 (the shipment identification number) is empty, so no line has a load");
        }
        LocalDate invoiceDate = date(b3, 6);
        String currency = currencyOf(set);
        List<Line> lines = lines(set, loadRef);
        if (lines.isEmpty()) {
            throw new Refusal("the 210 has no L1 charge");
        }
        BigDecimal total = total(set, lines);
        return event(set, source, carrierCode, invoiceNumber, invoiceDate, currency, lines, total);
    }

    private record Line(String loadRef, String chargeCode, String description, BigDecimal amount) {
    }

    /** Every L1 of the set, described by its own L1-12 or by the L5 of its LX loop. */
    // Known gap: a consolidated 210 (several shipments in one invoice) books every line to the B3-03 load.
    private List<Line> lines(TransactionSet set, String loadRef) throws Refusal {
        List<Line> lines = new ArrayList<>();
        String description = "";
        for (Segment segment : set.segments()) {
            switch (segment.tag()) {
                case "LX" -> description = "";
                case "L5" -> description = segment.trimmed(2);
                case "L1" -> lines.add(line(segment, loadRef, description));
                default -> {
                    // other segments carry nothing the invoice needs
                }
            }
        }
        return lines;
    }

    private Line line(Segment l1, String loadRef, String loopDescription) throws Refusal {
        String where = "L1 " + (l1.trimmed(1).isEmpty() ? "at segment " + l1.position() : "line " + l1.trimmed(1));
        BigDecimal amount = impliedDecimal(l1, 4, where + " L1-04 (charge)");
        String specialCode = l1.trimmed(8);
        String chargeCode = specialCode.isEmpty() ? FREIGHT_CHARGE : chargeCodes.chargeCodeFor(specialCode)
                .orElseThrow(() -> new Refusal(where + ": special charge code L1-08 '" + specialCode + "' has no"
                        + " entry in the charge code table; add it (with its meaning) to the carrier's chargeCodes"));
        String description = l1.trimmed(12).isEmpty() ? loopDescription.replaceAll("\\s+", " ") : l1.trimmed(12);
        return new Line(loadRef, chargeCode, description, amount);
    }

    /** L3-05 is the invoice total; the L1 charges must add up to it exactly, cent for cent. */
    private BigDecimal total(TransactionSet set, List<Line> lines) throws Refusal {
        Segment l3 = first(set, "L3");
        if (l3 == null || l3.trimmed(5).isEmpty()) {
            throw new Refusal("the 210 has no L3-05 total charge, so its lines cannot be reconciled");
        }
        BigDecimal total = impliedDecimal(l3, 5, "L3-05 (total charge)");
        BigDecimal sum = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            StringBuilder terms = new StringBuilder();
            for (Line line : lines) {
                terms.append(terms.length() == 0 ? "" : line.amount().signum() < 0 ? " - " : " + ")
                        .append(terms.length() == 0 ? line.amount().toPlainString()
                                : line.amount().abs().toPlainString());
            }
            throw new Refusal("the L1 charges add up to " + sum.toPlainString() + " (" + terms + ") but L3-05 says "
                    + total.toPlainString() + "; a carrier invoice whose lines do not reconcile to its L3 total is"
                    + " not booked");
        }
        return total;
    }

    private String currencyOf(TransactionSet set) throws Refusal {
        Segment c3 = first(set, "C3");
        String currency = c3 == null ? defaultCurrency : c3.trimmed(1).toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(currency).matches()) {
            throw new Refusal("C3-01 currency '" + currency + "' is not an ISO 4217 code");
        }
        return currency;
    }

    // Known gap: no StAEDI 210 transaction schema is loaded; only the N2 charges (L1-04, L3-05) are type-checked here.
    /** An N2 element (element 58, charge: digits with two implied decimals, at most 12 digits). */
    private static BigDecimal impliedDecimal(Segment segment, int number, String element) throws Refusal {
        String value = segment.trimmed(number);
        if (!IMPLIED_DECIMAL.matcher(value).matches()) {
            // a '.' or other character an N2 element cannot hold: the 997 rejects the set, naming the element
            throw new Refusal(element + " '" + value + "' is not an amount with two implied decimals (e.g. 65940"
                    + " for 659.40): X12 element 58 is type N2", segment, number, "58",
                    ElementError.INVALID_CHARACTER);
        }
        if (value.replace("-", "").length() > 12) {
            throw new Refusal(element + " '" + value + "' has more than the 12 digits X12 element 58 allows", segment,
                    number, "58", ElementError.TOO_LONG);
        }
        return new BigDecimal(value).movePointLeft(2);
    }

    private static LocalDate date(Segment segment, int element) throws Refusal {
        String value = segment.trimmed(element);
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeException e) {
            throw new Refusal(String.format("%s-%02d '%s' is not a date (CCYYMMDD)", segment.tag(), element, value));
        }
    }

    private ObjectNode event(TransactionSet set, String source, String carrierCode, String invoiceNumber,
            LocalDate invoiceDate, String currency, List<Line> lines, BigDecimal total) {
        TransactionSet.Envelope envelope = set.envelope();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("specversion", "1.0");
        // control numbers and a digest of the set: a different invoice under reused control numbers is a new event
        event.put("id", set.controlKey() + "-" + set.contentDigest());
        event.put("source", source);
        event.put("type", TYPE);
        event.put("subject", carrierCode);
        // the invoice date is when the bill was issued; X12 gives no time of day, so its start in the carrier's zone
        event.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(invoiceDate.atStartOfDay(zone)
                .toOffsetDateTime()));
        event.put("datacontenttype", "application/json");
        ObjectNode data = event.putObject("data");
        data.put("carrierCode", carrierCode);
        data.put("carrierInvoiceNumber", invoiceNumber);
        data.put("invoiceDate", invoiceDate.toString());
        data.put("currency", currency);
        ArrayNode lineNodes = data.putArray("lines");
        for (Line line : lines) {
            ObjectNode node = lineNodes.addObject();
            node.put("loadRef", line.loadRef());
            node.put("chargeCode", line.chargeCode());
            if (!line.description().isEmpty()) {
                node.put("description", line.description());
            }
            node.put("amount", line.amount().toPlainString());
        }
        data.put("total", total.toPlainString());
        return event;
    }

    private static Segment first(TransactionSet set, String tag) {
        return set.segments().stream().filter(segment -> segment.tag().equals(tag)).findFirst().orElse(null);
    }
}
