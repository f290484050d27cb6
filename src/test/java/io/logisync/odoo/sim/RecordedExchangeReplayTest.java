package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Walks every recorded JSON-2, JSON-RPC and XML-RPC exchange of a real Odoo 19 (src/test/resources/odoo-wire, copied
 * from the shared recordings) in order against a fresh simulator, and expects the same answers.
 */
class RecordedExchangeReplayTest {

    /** Recorded cases the simulator deliberately answers differently; each needs a reason. */
    private static final Map<String, String> UNSUPPORTED = Map.of();

    /** Cases compared on shape only (status, content type, keys, value types, error name), with the reason. */
    private static final Map<String, String> SHAPE_ONLY = Map.of(
            "jsonrpc:c1_authenticate_bad_db", "the message names the recording host's PostgreSQL port",
            "xmlrpc:c1_authenticate_bad_db", "the traceback names the recording host's PostgreSQL port");

    @Test
    void shouldAnswerEveryRecordedJson2ExchangeLikeOdoo() {
        replay("json2");
    }

    @Test
    void shouldAnswerEveryRecordedJsonRpcExchangeLikeOdoo() {
        replay("jsonrpc");
    }

    @Test
    void shouldAnswerEveryRecordedXmlRpcExchangeLikeOdoo() {
        replay("xmlrpc");
    }

    private static void replay(String protocol) {
        List<JsonNode> exchanges = load("/odoo-wire/" + protocol + ".jsonl");
        assertThat(exchanges).isNotEmpty();
        List<String> failures = new ArrayList<>();
        int replayed = 0;
        int skipped = 0;
        try (OdooSimulator odoo = OdooSimulator.start(0)) {
            ExchangeReplayer replayer = new ExchangeReplayer(odoo);
            for (JsonNode exchange : exchanges) {
                String key = protocol + ":" + exchange.get("case").asText();
                if (UNSUPPORTED.containsKey(key)) {
                    skipped++;
                    continue;
                }
                try {
                    replayer.replay(exchange, SHAPE_ONLY.containsKey(key));
                    replayed++;
                } catch (AssertionError e) {
                    failures.add(exchange.get("case").asText() + ": " + e.getMessage());
                }
            }
        }
        assertThat(failures).as("recorded %s exchanges answered differently", protocol).isEmpty();
        assertThat(replayed + skipped).isEqualTo(exchanges.size());
    }

    private static List<JsonNode> load(String resource) {
        List<JsonNode> exchanges = new ArrayList<>();
        try (InputStream in = RecordedExchangeReplayTest.class.getResourceAsStream(resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    exchanges.add(WireClient.MAPPER.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        return exchanges;
    }
}
