package io.logisync.invoicing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * in a circle: a batch closes when it is full ({@code size}), when the aggregator's timeout passes, or at once when
 * every move under way has joined and fewer than {@code concurrency} batches are running. A batch that ends closes
 * the next one, so under load batches fill while the one before is in Odoo, and a lone event is not held back.
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
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private volatile ProducerTemplate producer;
    private final Map<String, LongAdder> closedBy = new ConcurrentHashMap<>();
    private final LongAdder moves = new LongAdder();

    public MoveBatches(MoveBatcher batcher, String uri, int size, int concurrency) {
        this(batcher, uri, size, concurrency, true);
    }

    /** With {@code eager} false, a batch closes only when full or at the aggregator's timeout. */
    public MoveBatches(MoveBatcher batcher, String uri, int size, int concurrency, boolean eager) {
        if (size < 1 || concurrency < 1) {
            throw new IllegalArgumentException("a batch holds at least one move, and at least one batch runs");
        }
        this.batcher = batcher;
        this.uri = uri;
        this.size = size;
        this.concurrency = concurrency;
        this.eager = eager;
    }

    /** The template that reaches the aggregator; set once the Camel context exists. */
    public void setProducer(ProducerTemplate producer) {
        this.producer = producer;
    }

    public int size() {
        return size;
    }

    /** How many batches were closed, by what: {@code size}, {@code timeout}, {@code predicate}, {@code force}. */
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

    private void leave() {
        if (pending.decrementAndGet() == 0 || !eager) {
            return;
        }
        // the one others waited for will not come: let the waiting batch go if a slot is free
        if (running.get() < concurrency) {
            flush();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Item item = newExchange.getMessage().getBody(Item.class);
        if (oldExchange == null) {
            List<Item> items = new ArrayList<>();
            items.add(item);
            newExchange.getMessage().setBody(items);
            return newExchange;
        }
        oldExchange.getMessage().getBody(List.class).add(item);
        return oldExchange;
    }

    /** Completion predicate: full, or every move under way has joined and a batch may start now. */
    public boolean isReady(Exchange aggregated) {
        int joined = aggregated.getMessage().getBody(List.class).size();
        return joined >= size || eager && running.get() < concurrency && joined >= pending.get();
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
        try {
            List<MoveBatcher.Outcome> outcomes = batcher.run(items.stream().map(Item::request).toList());
            for (int i = 0; i < items.size(); i++) {
                items.get(i).outcome().complete(outcomes.get(i));
            }
            LOG.debug("Batch of {} move(s) done", items.size());
        } catch (RuntimeException | Error e) {
            items.forEach(item -> item.outcome().completeExceptionally(e));
        } finally {
            running.decrementAndGet();
            if (eager && pending.get() > 0) {
                flush();
            }
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
            // the aggregator's timeout closes it instead
            LOG.debug("Could not close the gathering batch at once: {}", e.toString());
        }
    }
}
