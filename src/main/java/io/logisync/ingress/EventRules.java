package io.logisync.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import io.logisync.flow.Times;
import io.logisync.shipment.Charge;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a JSON Schema cannot express, made at the door so the sender hears of them: real calendar times,
 * the subject matching the business key, and charges that agree with themselves.
 */
final class EventRules {

    private static final Pattern TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[Tt].*");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    /** The times that say when something happened, as opposed to appointments and other plans. */
    private static final Set<String> OCCURRENCES = Set.of("$.time", "$.data.occurredAt", "$.data.signedAt",
            "$.data.arrivedAt", "$.data.departedAt");
    /** How far ahead of this machine's clock a sender's clock may run. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(60);
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** The largest amount a charge may state (the schema's twelve digits): lines and totals are held to it too. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private EventRules() {
    }

    static List<String> check(JsonNode event) {
        List<String> problems = new ArrayList<>();
        checkTimes(event, "$", problems);
        checkSubject(event, problems);
        checkCodes(event.path("data"), "$.data", problems);
        checkMoneyDecimals(event.path("data"), problems);
        JsonNode charges = event.path("data").path("charges");
        if (charges.isArray()) {
            checkCharges(charges, problems);
        }
        JsonNode lines = event.path("data").path("lines");
        if (lines.isArray() && event.path("data").has("total")) {
            checkLinesAddUpToTotal(lines, event.path("data").get("total"), problems);
        }
        return problems;
    }

    /**
     * Money is paid in its currency's minor units: an amount with more decimals (500.005 US dollars) would be
     * rounded into a figure its sender never sent. Rates and quantities keep their precision.
     */
    private static void checkMoneyDecimals(JsonNode data, List<String> problems) {
        String currency = data.path("currency").asText(null);
        JsonNode lines = data.path("lines");
        for (int i = 0; lines.isArray() && i < lines.size(); i++) {
            checkMoney(lines.get(i).get("amount"), "$.data.lines[" + i + "].amount", currency, problems);
        }
        checkMoney(data.get("total"), "$.data.total", currency, problems);
        JsonNode charges = data.path("charges");
        for (int i = 0; charges.isArray() && i < charges.size(); i++) {
            checkMoney(charges.get(i).get("amount"), "$.data.charges[" + i + "].amount", currency, problems);
        }
        // an accessorial proposal's amount, in its currency
        checkMoney(data.get("amount"), "$.data.amount", currency, problems);
        JsonNode agreed = data.path("agreedCost");
        checkMoney(agreed.get("amount"), "$.data.agreedCost.amount", agreed.path("currency").asText(null), problems);
    }

    // Known gap: an amount whose event names no currency (accessorial.approved, a shipment without currency) is not
    // checked against minor units here; it is rounded in the currency it is booked in.
    private static void checkMoney(JsonNode value, String path, String currencyCode, List<String> problems) {
        if (value == null || value.isNull() || currencyCode == null || !(value.isNumber() || value.isTextual())) {
            return;
        }
        int digits;
        BigDecimal amount;
        try {
            digits = java.util.Currency.getInstance(currencyCode).getDefaultFractionDigits();
            amount = decimal(value);
        } catch (IllegalArgumentException e) {
            return; // not an ISO 4217 currency or not a number: the schema names those
        }
        if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
            problems.add(path + ": " + amount.toPlainString() + " has more decimals than " + currencyCode + " has ("
                    + digits + "); send money in the currency's minor units (rule: money has at most " + digits
                    + " decimals in " + currencyCode + ")");
        }
    }

    private static void checkTimes(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                checkTimes(field.getValue(), path + "." + field.getKey(), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTimes(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isTextual()) {
            String value = node.asText();
            try {
                if (TIME.matcher(value).matches()) {
                    Instant time = Times.parseInstant(path, value);
                    if (OCCURRENCES.contains(path)) {
                        checkOccurrence(path, value, time, problems);
                    }
                } else if (DATE.matcher(value).matches()) {
                    LocalDate.parse(value);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                problems.add(Echo.cut(path) + ": '" + Echo.cut(value) + "' is not a real date or time"
                        + " (rule: calendar)");
            }
        }
    }

    /** A time that says when something happened cannot lie ahead of the clock, or before any shipment was sent. */
    private static void checkOccurrence(String path, String value, Instant time, List<String> problems) {
        if (time.isAfter(Instant.now().plus(CLOCK_SKEW))) {
            problems.add(path + ": '" + value + "' lies in the future; it must say when the event happened"
                    + " (rule: not later than now plus " + CLOCK_SKEW.toMinutes() + " minutes)");
        } else if (time.isBefore(EARLIEST)) {
            problems.add(path + ": '" + value + "' is before " + EARLIEST + ", too early for a shipment event"
                    + " (rule: plausible time)");
        }
    }

    /**
     * Country and currency codes. The schema takes any two capitals; a country that is none ({@code ZZ}) would be parked for Odoo or, on a stop,
     * kept without a word. Every field named {@code country} is checked: an address's, a stop's, a location's; and
     * every field named {@code currency} (three capitals in the schema) against ISO 4217, as {@code ZZZ} would be
     * parked for Odoo.
     */
    private static void checkCodes(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = field.getValue();
                if ("country".equals(field.getKey()) && value.isTextual()) {
                    if (!Countries.isAlpha2(value.asText())) {
                        problems.add(path + ".country: '" + value.asText() + "' is not an ISO 3166-1 alpha-2"
                                + " country code (rule: country)");
                    }
                } else if ("currency".equals(field.getKey()) && value.isTextual()) {
                    if (!isIso4217(value.asText())) {
                        problems.add(path + ".currency: '" + Echo.cut(value.asText()) + "' is not an ISO 4217"
                                + " currency code (rule: currency)");
                    }
                } else if (value.isContainerNode()) {
                    checkCodes(value, path + "." + field.getKey(), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkCodes(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean isIso4217(String code) {
        try {
            return java.util.Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Events are ordered by subject; one whose subject is not its business key would be ordered wrongly. */
    private static void checkSubject(JsonNode event, List<String> problems) {
        JsonNode data = event.path("data");
        String key = data.hasNonNull("loadRef") ? "loadRef" : data.hasNonNull("code") ? "code"
                : data.hasNonNull("carrierCode") ? "carrierCode" : null;
        if (key != null && !data.get(key).asText().equals(event.path("subject").asText())) {
            problems.add("$.subject: must equal $.data." + key + " ('" + data.get(key).asText() + "'), but was '"
                    + event.path("subject").asText() + "' (rule: subject is the business key)");
        }
    }

    /** A bill's total is what is paid: it must be its lines' sum exactly, whoever sent it (a 210's L3, say). */
    private static void checkLinesAddUpToTotal(JsonNode lines, JsonNode totalNode, List<String> problems) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            sum = sum.add(decimal(line.get("amount")));
        }
        BigDecimal total = decimal(totalNode);
        if (sum.compareTo(total) != 0) {
            problems.add("$.data.total: " + total.toPlainString() + " is not the sum of the lines' amounts ("
                    + sum.toPlainString() + ") (rule: total = sum of lines)");
        }
    }

    private static BigDecimal decimal(JsonNode value) {
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }

    private static void checkCharges(JsonNode charges, List<String> problems) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = Charge.from(charges.get(i));
            // the schema holds a quantity given as a string to six decimals; one given as a number is held here
            for (String field : List.of("quantity", "rate")) {
                JsonNode value = charges.get(i).get(field);
                if (value != null && value.isNumber() && value.decimalValue().stripTrailingZeros().scale() > 6) {
                    problems.add("$.data.charges[" + i + "]." + field + ": " + value.decimalValue().toPlainString()
                            + " has more than six decimals (rule: at most 6 decimals)");
                }
            }
            if (charge.rate() != null && charge.amount() != null) {
                BigDecimal expected = charge.quantity().multiply(charge.rate()).setScale(2, RoundingMode.HALF_UP);
                if (expected.compareTo(charge.amount().setScale(2, RoundingMode.HALF_UP)) != 0) {
                    problems.add("$.data.charges[" + i + "].amount: " + charge.amount() + " is not quantity x rate ("
                            + expected + "); send one of them, or both in agreement (rule: amount = quantity x rate)");
                }
            }
            if (charge.isPriced()) {
                BigDecimal line = charge.rate() != null ? charge.quantity().multiply(charge.rate()) : charge.amount();
                if (line.abs().compareTo(MAX_AMOUNT) >= 0) {
                    problems.add("$.data.charges[" + i + "]: quantity x rate comes to " + line.setScale(2,
                            RoundingMode.HALF_UP).toPlainString() + ", beyond what a line can bill (rule: an amount"
                            + " under 1,000,000,000,000, as a charge's own amount)");
                }
                total = total.add(line);
            }
        }
        if (total.abs().compareTo(MAX_AMOUNT) >= 0) {
            problems.add("$.data.charges: add up to " + total.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + ", beyond what an invoice can bill (rule: a total under 1,000,000,000,000)");
        }
        if (total.signum() < 0) {
            problems.add("$.data.charges: add up to " + total.setScale(2, RoundingMode.HALF_UP)
                    + "; an invoice cannot be negative (rule: total >= 0)");
        }
    }
}
