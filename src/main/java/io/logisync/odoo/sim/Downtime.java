package io.logisync.odoo.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A period when the simulator is down, ending by itself: refused connections or a proxy's 503 on every request. */
final class Downtime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Downtime.class);

    /** Opens and closes the listening socket. */
    interface Listener {
        void stopListening();

        void startListening() throws IOException;
    }

    private final Listener listener;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> ending;
    private Outage outage;
    private volatile long unavailableUntil;

    Downtime(Listener listener) {
        this.listener = listener;
    }

    /** Goes down now for {@code duration}; a new period replaces one still running. */
    synchronized void begin(Duration duration, Outage kind) {
        if (duration == null || duration.isNegative() || duration.isZero() || kind == null) {
            throw new IllegalArgumentException("a downtime needs an outage kind and a positive duration");
        }
        cancelEnding();
        if (kind == Outage.REFUSE_CONNECTIONS) {
            unavailableUntil = 0;
            listener.stopListening();
        } else {
            restartListening();
            unavailableUntil = System.nanoTime() + duration.toNanos();
        }
        outage = kind;
        ending = timer().schedule(this::endQuietly, duration.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Goes down {@code after} from now, for {@code duration}; a planned or running period is ended first. */
    synchronized void beginLater(Duration after, Duration duration, Outage kind) {
        if (after == null || after.isNegative()) {
            throw new IllegalArgumentException("a planned downtime needs a start that is not in the past");
        }
        if (duration == null || duration.isNegative() || duration.isZero() || kind == null) {
            throw new IllegalArgumentException("a downtime needs an outage kind and a positive duration");
        }
        end();
        ending = timer().schedule(() -> {
            try {
                begin(duration, kind);
            } catch (RuntimeException e) {
                LOG.error("odoo simulator could not begin its planned downtime", e);
            }
        }, after.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Comes back now. */
    synchronized void end() {
        cancelEnding();
        unavailableUntil = 0;
        if (outage == Outage.REFUSE_CONNECTIONS) {
            restartListening();
        }
        outage = null;
    }

    private void endQuietly() {
        try {
            end();
        } catch (RuntimeException e) {
            // nobody waits on the timer's future, so say it here
            LOG.error("odoo simulator could not come back after its downtime", e);
        }
    }

    synchronized boolean isDown() {
        return outage != null;
    }

    /** True while requests are to be answered 503; checked on each request, so the period ends to the moment. */
    boolean answers503() {
        long until = unavailableUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    /** The proxy's 503, logged as a call on no known model: the request is not read any further. */
    static SimulatorCall answer(HttpExchange exchange) throws IOException {
        CallTrace trace = new CallTrace("http");
        trace.fault("down");
        ProxyPages.send(exchange, 503, -1);
        return trace.finish(503, null);
    }

    @Override
    public synchronized void close() {
        cancelEnding();
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void restartListening() {
        try {
            listener.startListening();
        } catch (IOException e) {
            throw new IllegalStateException("the simulator cannot listen on its port again", e);
        }
    }

    private void cancelEnding() {
        if (ending != null) {
            ending.cancel(false);
            ending = null;
        }
    }

    private ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "odoo-sim-downtime");
                thread.setDaemon(true);
                return thread;
            });
        }
        return timer;
    }
}
