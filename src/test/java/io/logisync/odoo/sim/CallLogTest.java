package io.logisync.odoo.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The call log answers what a client that was just replied to expects: its call is in it. */
class CallLogTest {

    private static SimulatorCall call(String method) {
        return new SimulatorCall("json2", "account.move", method, 1, 200, null, java.time.Instant.now(), null);
    }

    @Test
    void shouldWaitForACallWhoseReplyHadBegunBeforeTheSnapshot() throws Exception {
        CallLog log = new CallLog();
        log.add(call("create"));
        long ticket = log.replying();
        CompletableFuture<List<SimulatorCall>> snapshot = CompletableFuture.supplyAsync(log::snapshot);
        Thread.sleep(200);
        assertThat(snapshot).isNotDone();

        log.add(call("search_read"));
        log.replied(ticket);

        assertThat(snapshot.get(5, TimeUnit.SECONDS)).extracting(SimulatorCall::method)
                .containsExactly("create", "search_read");
    }

    @Test
    void shouldNotWaitForAReplyWhoseCallIsLoggedAlready() {
        CallLog log = new CallLog();
        long done = log.replying();
        log.add(call("create"));
        log.replied(done);

        // waiting would take the full 5 s
        long started = System.nanoTime();
        assertThat(log.snapshot()).extracting(SimulatorCall::method).containsExactly("create");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1000);
    }
}
