package io.logisync.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers the moves that events release at about the same time into batches for {@link MoveBatcher}, through a
 * Camel Aggregator (the route that sends to {@code uri}): this is its aggregation strategy, its completion predicate
 * and the step its completed batches run. Customer invoices use one instance; vendor bills can use another on their
 * own route.
 *
 * <p>The event's own thread {@link #submit}s its move and waits for its outcome, so that the event is acknowledged
 * only once its move is applied (or its error parks the event, through the route's error handling, as an unbatched
 * call's would). The thread holds its subject's lock while it waits; batches take no subject lock, so nothing waits
 * in a circle. At most {@code concurrency} batches are in Odoo at once; while they are, the next batch gathers. It
 * closes, once a slot is free, when it holds {@code size} moves, when {@code windowMillis} have passed since its
 * first move, or (eager) at once when every move under way has joined it; a batch that ends closes the next. So
 * under load batches fill while the ones before are in Odoo, and a lone event is not held back. A batch that gathered
 * more than {@code size} moves while it waited is sent to Odoo {@code size} at a time.
 */
public class MoveBatches implements AggregationStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MoveBatches.class);
    private static final long WAIT_LIMIT_MINUTES = 15;

    /** One move waiting for its batch. */
    public record Item(MoveBatcher.Request request, CompletableFuture<MoveBatcher.Outcome> outcome) {
    }

    private final MoveBatcher batcher;
    private final String uri;
    private final int size;
    private final int concurrency;
    private final boolean eager;
    private final long windowMillis;
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, LongAdder> closedBy = new ConcurrentHashMap<>();
    private final LongAdder moves = new LongAdder();
    private volatile long gatheringSince;
    private volatile ProducerTemplate producer;

    public MoveBatches(MoveBatcher batcher, String uri, int size, int concurrency, long windowMillis,
            boolean eager) {
        if (size < 1 || concurrency < 1 || windowMillis < 1) {
            throw new IllegalArgumentException("a batch holds at least one move, at least one batch runs, and a"
                    + " batch gathers for at least a millisecond");
        }
        this.batcher = batcher;
        this.uri = uri;
        this.size = size;
        this.concurrency = concurrency;
        this.windowMillis = windowMillis;
        this.eager = eager;
    }

    /**
     * The template that reaches the aggregator, and the scheduler that closes a batch whose window has passed; set
     * once the Camel context exists.
     */
    public void start(ProducerTemplate template, ScheduledExecutorService scheduler) {
        this.producer = template;
        long tick = Math.max(5, Math.min(windowMillis / 4, 50));
        scheduler.scheduleWithFixedDelay(this::closeIfDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    public int size() {
        return size;
    }

    /** How many batches were closed, by what: {@code predicate} (full, all joined, window passed) or {@code force}. */
    public Map<String, Long> batchesClosedBy() {
        Map<String, Long> answer = new TreeMap<>();
        closedBy.forEach((k, v) -> answer.put(k, v.sum()));
        return answer;
    }

    /** How many moves went through batches. */
    public long moves() {
        return moves.sum();
    }

    /**
     * Prepares a move (counted as under way from now, so a batch waits for it), hands it to the aggregator and waits
     * for its outcome. Returns null when {@code prepare} finds nothing to do; throws what {@code prepare} throws.
     */
    public MoveBatcher.Outcome submit(Supplier<MoveBatcher.Request> prepare) {
        pending.incrementAndGet();
        MoveBatcher.Request request;
        try {
            request = prepare.get();
        } catch (RuntimeException e) {
            leave();
            throw e;
        }
        if (request == null) {
            leave();
            return null;
        }
        Item item = new Item(request, new CompletableFuture<>());
        try {
            producer.sendBody(uri, item);
        } catch (RuntimeException e) {
            if (!item.outcome().isDone()) {
                leave();
            }
            throw e;
        }
        try {
            return item.outcome().get(WAIT_LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while move " + request.key() + " waited for its batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("move " + request.key() + " waited " + WAIT_LIMIT_MINUTES + " minutes"
                    + " for its batch; it may have been made in Odoo, and is looked for by its reference on replay");
        }
    }

    /** One that was counted as under way will not join: the batch that waited for it may go. */
    private void leave() {
        if (pending.decrementAndGet() > 0 && eager && running.get() < concurrency) {
            flush();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Item item = newExchange.getMessage().getBody(Item.class);
        if (oldExchange == null) {
            gatheringSince = System.nanoTime();
            List<Item> items = new ArrayList<>();
            items.add(item);
            newExchange.getMessage().setBody(items);
            return newExchange;
        }
        oldExchange.getMessage().getBody(List.class).add(item);
        return oldExchange;
    }

    /** Completion predicate: a slot is free, and the batch is full, all under way joined it, or its window passed. */
    public boolean isReady(Exchange aggregated) {
        if (running.get() >= concurrency) {
            return false;
        }
        int joined = aggregated.getMessage().getBody(List.class).size();
        return joined >= size || eager && joined >= pending.get() || windowPassed();
    }

    private boolean windowPassed() {
        return System.nanoTime() - gatheringSince >= TimeUnit.MILLISECONDS.toNanos(windowMillis);
    }

    /** The scheduler's check: a batch gathering longer than its window goes once a slot is free. */
    private void closeIfDue() {
        if (pending.get() > 0 && running.get() < concurrency && windowPassed()) {
            flush();
        }
    }

    /** Runs a completed batch and hands each waiting event its outcome; never throws. */
    public void run(List<Item> items) {
        run(items, null);
    }

    /** Like {@link #run(List)}, counting what closed the batch (Camel's {@code CamelAggregatedCompletedBy}). */
    public void run(List<Item> items, String completedBy) {
        closedBy.computeIfAbsent(completedBy == null ? "unknown" : completedBy, k -> new LongAdder()).increment();
        moves.add(items.size());
        pending.addAndGet(-items.size());
        running.incrementAndGet();
        long started = System.nanoTime();
        try {
            for (int from = 0; from < items.size(); from += size) {
                runChunk(items.subList(from, Math.min(from + size, items.size())));
            }
            LOG.debug("Batch of {} move(s), closed by {}, done in {} ms", items.size(), completedBy,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            running.decrementAndGet();
            if (pending.get() > 0 && (eager || windowPassed())) {
                flush();
            }
        }
    }

    private void runChunk(List<Item> items) {
        try {
            List<MoveBatcher.Outcome> outcomes = batcher.run(items.stream().map(Item::request).toList());
            for (int i = 0; i < items.size(); i++) {
                items.get(i).outcome().complete(outcomes.get(i));
            }
        } catch (RuntimeException | Error e) {
            items.forEach(item -> item.outcome().completeExceptionally(e));
        }
    }

    /** Closes the batch that is gathering, if any. */
    private void flush() {
        ProducerTemplate template = producer;
        if (template == null) {
            return;
        }
        try {
            template.sendBodyAndHeader(uri, null, Exchange.AGGREGATION_COMPLETE_ALL_GROUPS, true);
        } catch (RuntimeException e) {
            // the scheduler's next check closes it instead
            LOG.debug("Could not close the gathering batch at once: {}", e.toString());
        }
    }
}
