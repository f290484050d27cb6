package io.logisync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the data of {@code contract.upserted} into a {@link ContractVersion}, refusing what the schema cannot:
 * an end before the start, a charge or accessorial code priced twice, fuel bands that are empty or overlap.
 * Every refusal is an {@link IllegalArgumentException} naming the field.
 */
final class ContractReader {

    private ContractReader() {
    }

    static ContractVersion read(JsonNode data) {
        LocalDate from = LocalDate.parse(data.get("effectiveFrom").asText());
        LocalDate to = data.hasNonNull("effectiveTo") ? LocalDate.parse(data.get("effectiveTo").asText()) : null;
        if (to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("data.effectiveTo: " + to + " is before effectiveFrom " + from);
        }
        return new ContractVersion(data.get("code").asText(), data.get("version").asInt(),
                data.get("customerCode").asText(), from, to, data.get("currency").asText(),
                text(data, "billingCompany"), text(data, "paymentTermCode"),
                InvoiceGrouping.valueOf(data.get("invoiceGrouping").asText()), rates(data.get("rates")),
                rules(data.path("accessorialRules")), fuel(data.get("fuel")));
    }

    private static List<RateLine> rates(JsonNode rates) {
        List<RateLine> answer = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            JsonNode rate = rates.get(i);
            String code = rate.get("chargeCode").asText();
            if (!seen.add(code)) {
                throw new IllegalArgumentException("data.rates[" + i + "].chargeCode: " + code
                        + " has a rate already; a contract prices each charge code once");
            }
            answer.add(new RateLine(code, RateUnit.valueOf(rate.get("unit").asText()), decimal(rate, "rate")));
        }
        return answer;
    }

    private static List<AccessorialRule> rules(JsonNode rules) {
        List<AccessorialRule> answer = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String code = rule.get("code").asText();
            if (!seen.add(code)) {
                throw new IllegalArgumentException("data.accessorialRules[" + i + "].code: " + code
                        + " has a rule already; a contract has one rule per accessorial code");
            }
            answer.add(new AccessorialRule(code, integer(rule, "freeMinutes"), decimal(rule, "ratePerHour"),
                    decimal(rule, "flatAmount"), integer(rule, "roundUpToMinutes"), decimal(rule, "capAmount"),
                    decimal(rule, "autoApproveUpTo")));
        }
        return answer;
    }

    private static FuelTable fuel(JsonNode fuel) {
        if (fuel == null || fuel.isNull()) {
            return null;
        }
        List<FuelBand> bands = new ArrayList<>();
        JsonNode list = fuel.get("bands");
        for (int i = 0; i < list.size(); i++) {
            FuelBand band = new FuelBand(decimal(list.get(i), "fromPrice"), decimal(list.get(i), "toPrice"),
                    decimal(list.get(i), "percent"));
            if (band.fromPrice().compareTo(band.toPrice()) >= 0) {
                throw new IllegalArgumentException("data.fuel.bands[" + i + "]: fromPrice " + band.fromPrice()
                        + " must be below toPrice " + band.toPrice());
            }
            bands.add(band);
        }
        bands.sort((a, b) -> a.fromPrice().compareTo(b.fromPrice()));
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).fromPrice().compareTo(bands.get(i - 1).toPrice()) < 0) {
                throw new IllegalArgumentException("data.fuel.bands: the band from " + bands.get(i).fromPrice()
                        + " overlaps the band up to " + bands.get(i - 1).toPrice());
            }
        }
        return new FuelTable(fuel.get("index").asText(), bands);
    }

    /** Money and rates come as JSON numbers or strings; trailing zeros are dropped so that 2.850 equals 2.85. */
    static BigDecimal decimal(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        JsonNode value = node.get(field);
        BigDecimal answer = (value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText()))
                .stripTrailingZeros();
        return answer.scale() < 0 ? answer.setScale(0) : answer;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
