package io.logisync;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.odoo.sim.OdooSimulator;
import io.logisync.support.LogisyncHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the unit and route tests (failsafe, in {@code verify}) and reads what they logged, as an operator's log
 * collector would: no key, secret or password of the test run, and no price, may appear in it.
 */
class LogScanIT {

    private static final Path LOGS = Path.of("target", "surefire-reports");

    /** Every secret the tests hand to logisync. */
    private static final List<String> SECRETS = List.of(LogisyncHarness.TMS_KEY, LogisyncHarness.CARRIER_KEY,
            LogisyncHarness.OPERATOR_KEY, LogisyncHarness.ADMIN_KEY, LogisyncHarness.APPROVER_KEY,
            OdooSimulator.DEFAULT_API_KEY, "acme-webhook-secret-0001", "tms-old-key-000000001",
            "tms-new-key-000000002", "keystore-pass-000001", "dispatch-webhook-secret-0001");

    /** Prices as they would leak: a money field of an event or an Odoo record, or an amount with its currency. */
    private static final List<Pattern> PRICES = List.of(
            Pattern.compile("\"(rate|amount|price|price_unit|priceUnit|unitPrice|total|amount_total|amount_untaxed"
                    + "|amount_residual|cost)\"\\s*:\\s*\"?-?\\d"),
            Pattern.compile("(?i)(?<![\\w.])(total|amount|rate|price_unit|price)\\b[ =:]+-?\\d+\\.\\d{2}\\b"),
            Pattern.compile("\\b\\d+\\.\\d{2} (USD|CAD|EUR|MXN)\\b"));

    /** Credentials as they would leak: an Authorization header's value, or a key or password given as a setting. */
    private static final List<Pattern> CREDENTIALS = List.of(
            Pattern.compile("(?i)authorization[\"']?\\s*[:=]\\s*[\"']?(bearer|basic) [A-Za-z0-9+/=._-]{8,}"),
            Pattern.compile("(?i)(api-key|apikey|x-api-key|password|secret)\\s*[=:]\\s*(?!x{3,}|\\*{3,}|\\[redacted)"
                    + "[A-Za-z0-9+/._-]{12,}"));

    @Test
    void shouldLogNoSecretAndNoPriceInTheWholeTestRun() throws IOException {
        List<Path> logs = logFiles();
        String all = read(logs);
        // the scan must have read real logs of the run, or it proves nothing
        assertThat(logs).hasSizeGreaterThan(10);
        assertThat(all).contains(" applied: res.partner ").contains("Parked event ").contains(" is posted in Odoo ");

        List<String> leaks = new ArrayList<>();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                if (text.contains(secret)) {
                    leaks.add(log.getFileName() + ": the secret " + secret.substring(0, 4) + "...");
                }
            }
            for (Pattern pattern : concat(PRICES, CREDENTIALS)) {
                Matcher found = pattern.matcher(text);
                while (found.find()) {
                    leaks.add(log.getFileName() + ": " + lineAround(text, found.start()));
                }
            }
        }

        assertThat(leaks).isEmpty();
    }

    private static List<Path> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(LOGS)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).sorted().toList();
        }
    }

    private static String read(List<Path> logs) throws IOException {
        StringBuilder answer = new StringBuilder();
        for (Path log : logs) {
            answer.append(Files.readString(log, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }

    private static List<Pattern> concat(List<Pattern> first, List<Pattern> second) {
        List<Pattern> answer = new ArrayList<>(first);
        answer.addAll(second);
        return answer;
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        String line = text.substring(start, end < 0 ? text.length() : end);
        return line.length() > 240 ? line.substring(0, 240) + "..." : line;
    }
}
