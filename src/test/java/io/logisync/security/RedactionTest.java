package io.logisync.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldHidePricesAndPersonalDataButKeepWhatAnOperatorNeedsToFindTheMessage() throws Exception {
        JsonNode event = mapper.readTree("{\"id\":\"s-1\",\"specversion\":\"1.0\",\"subject\":\"L-1\","
                + "\"data\":{\"loadRef\":\"L-1\",\"customerCode\":\"ACME\",\"email\":\"ap@example.com\","
                + "\"phone\":\"+1 313 555 0100\",\"taxId\":\"US123\",\"address\":{\"street\":\"1 Main St\","
                + "\"city\":\"Detroit\"},\"charges\":[{\"chargeCode\":\"FUEL\",\"quantity\":283,\"rate\":\"0.42\","
                + "\"amount\":118.86,\"fuelRate\":0.3}],\"signedBy\":\"J. Doe\",\"stopSequence\":2}}");

        JsonNode redacted = Redaction.redact(event);

        assertThat(redacted.at("/data/charges/0/rate").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/charges/0/amount").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/charges/0/fuelRate").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/email").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/phone").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/taxId").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/address/street").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/signedBy").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/data/charges/0/chargeCode").asText()).isEqualTo("FUEL");
        assertThat(redacted.at("/data/charges/0/quantity").asInt()).isEqualTo(283);
        assertThat(redacted.at("/data/address/city").asText()).isEqualTo("Detroit");
        assertThat(redacted.at("/data/stopSequence").asInt()).isEqualTo(2);
        assertThat(redacted.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.at("/data/charges/0/rate").asText()).as("the original is left alone").isEqualTo("0.42");
    }

    @Test
    void shouldHideAmountsAndAddressesInFreeTextButNotIdsTimesOrVersions() {
        String message = "charge amount 150.00 of load L-303 disagrees with 2 x 100.00; write to ap@example.com"
                + " (account.move 12, at 2026-11-02T14:05:00.000Z, specversion 1.0, total 1,150.47)";

        String redacted = Redaction.redactText(message);

        assertThat(redacted).doesNotContain("150.00", "100.00", "ap@example.com", "1,150.47")
                .contains("load L-303", "account.move 12", "2026-11-02T14:05:00.000Z", "2 x");
    }
}
