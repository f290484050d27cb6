package io.logisync.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooRateLimitedException;
import io.logisync.odoo.OdooUnavailableException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait before each retry of an Odoo call: backoff, Retry-After, the read timeout after a lost change. */
class OdooRetryDelayTest {

    // first retry after 1 s, doubled each time, never more than 30 s; a read timeout of 10 s
    private final OdooRetryDelay delays = new OdooRetryDelay(1000, 30_000, 10_000);

    @Test
    void shouldDoubleTheDelayAtEachRetryUpToTheLongest() {
        OdooUnavailableException down = new OdooUnavailableException("account.move", "create", null, "down", null);

        // 1, 2, 4, 8, 16 s, then 32 s cut to 30 s
        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> delays.delayMillis(i, down)))
                .containsExactly(1000L, 2000L, 4000L, 8000L, 16_000L, 30_000L, 30_000L);
    }

    @Test
    void shouldWaitAtLeastTheRetryAfterOfA429() {
        OdooRateLimitedException limited = new OdooRateLimitedException("account.move", "create", null, "429",
                Duration.ofSeconds(7), null);

        assertThat(delays.delayMillis(1, limited)).isEqualTo(7000);
        // the fourth retry's backoff (8 s) is longer than the 7 s asked for, and wins
        assertThat(delays.delayMillis(4, limited)).isEqualTo(8000);
    }

    @Test
    void shouldCutARetryAfterLongerThanTheLongestDelay() {
        OdooRateLimitedException limited = new OdooRateLimitedException("account.move", "create", null, "429",
                Duration.ofMinutes(5), null);

        assertThat(delays.delayMillis(1, limited)).isEqualTo(30_000);
    }

    @Test
    void shouldWaitTheReadTimeoutBeforeReReadingAChangeThatTimedOut() {
        OdooOutcomeUnknownException timedOut = new OdooOutcomeUnknownException("account.move", "create", null,
                "no reply within the read timeout", new HttpTimeoutException("request timed out"));
        OdooOutcomeUnknownException dropped = new OdooOutcomeUnknownException("account.move", "action_post", null,
                "reply was lost", new java.io.IOException("connection reset"));

        assertThat(delays.delayMillis(1, timedOut)).isEqualTo(10_000);
        // a dropped connection means Odoo is done with the call: the usual backoff
        assertThat(delays.delayMillis(1, dropped)).isEqualTo(1000);
    }

    @Test
    void shouldFindTheOdooErrorBehindAWrappingException() {
        RuntimeException wrapped = new RuntimeException("bean failed", new OdooRateLimitedException("res.partner",
                "create", null, "429", Duration.ofSeconds(3), null));

        assertThat(delays.delayMillis(1, wrapped)).isEqualTo(3000);
    }
}
