package io.logisync.carrier;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.support.LogCapture;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarrierWebhookTest {

    @TempDir
    Path parked;

    private CarrierWebhook webhook(String apiKey) {
        CarrierWebhook webhook = new CarrierWebhook();
        webhook.setCarrier("prairie-haulers");
        webhook.setCarrierCode("PRAIRIE-HAULERS");
        webhook.setMapping("file:routes/carriers/ridgeline-trucking.jsonata");
        webhook.setApiKey(apiKey);
        webhook.setParkedDirectory(parked.toString());
        return webhook;
    }

    @Test
    void shouldSayAtStartThatAWebhookWithoutASecretRefusesEveryCall() {
        try (LogCapture log = LogCapture.of(CarrierWebhook.class.getName(), Level.INFO)) {
            webhook(null).init();

            assertThat(log.messages()).anySatisfy(line -> assertThat(line).contains("prairie-haulers")
                    .contains("every call to it is refused"));
            assertThat(log.messages()).filteredOn(line -> line.contains("webhook ready")).singleElement()
                    .satisfies(line -> assertThat(line).contains("refused with 401").doesNotContain("no verification"));
        }
    }

    @Test
    void shouldSayAtStartHowAWebhookWithAKeyIsVerified() {
        try (LogCapture log = LogCapture.of(CarrierWebhook.class.getName(), Level.INFO)) {
            webhook("a-key").init();

            assertThat(log.messages()).filteredOn(line -> line.contains("webhook ready")).singleElement()
                    .satisfies(line -> assertThat(line).contains("API key verified").contains("PRAIRIE-HAULERS"));
        }
    }
}
