package io.logisync.invoicing;

import io.logisync.odoo.BatchResult;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Gathers the records of one model that threads create at about the same time (the POD attachments of the
 * invoices one batch released at once) into one {@code create} call, through {@link OdooClient#createEach} and so
 * with its one-bad-record fallback. The first thread to come opens a group and sends it once no other has joined for
 * {@code quietMillis}, {@code maxWaitMillis} after it opened, or when it holds {@code size} records; each thread gets
 * its own record's id, or the error that refused its record (or the whole call), to handle as its own create's.
 *
 * <p>With a {@link Finder}, the group is first looked for in Odoo in one call (by the records' natural key), and
 * only those not found are created: a find-or-create of many records in two calls.
 */
public class CreateGatherer {

    private static final long ANSWER_LIMIT_MINUTES = 15;

    private final OdooClient odoo;
    private final String model;
    private final int size;
    private final long quietNanos;
    private final long maxWaitNanos;
    private final Map<OdooContext, Group> open = new HashMap<>();
    private final Finder finder;

    /** Looks for a group's records in Odoo before they are created. */
    @FunctionalInterface
    public interface Finder {
        /** The ids of the records Odoo has already, by their index in {@code values}; the others are created. */
        Map<Integer, Long> find(List<Map<String, Object>> values, OdooContext context);
    }

    public CreateGatherer(OdooClient odoo, String model, int size, long quietMillis, long maxWaitMillis) {
        this(odoo, model, size, quietMillis, maxWaitMillis, null);
    }

    /** As the plain gatherer, each group first looked for by {@code finder} (null: none). */
    public CreateGatherer(OdooClient odoo, String model, int size, long quietMillis, long maxWaitMillis,
            Finder finder) {
        if (size < 1 || quietMillis < 0 || maxWaitMillis < quietMillis) {
            throw new IllegalArgumentException("a group holds at least one record and waits at least as long as"
                    + " its quiet period");
        }
        this.odoo = odoo;
        this.model = model;
        this.size = size;
        this.quietNanos = TimeUnit.MILLISECONDS.toNanos(quietMillis);
        this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        this.finder = finder;
    }

    /** Creates the record with the others gathered meanwhile; returns its id or throws what refused it. */
    public long create(Map<String, Object> values, OdooContext context) {
        Group group;
        CompletableFuture<Long> answer = new CompletableFuture<>();
        boolean leader;
        synchronized (open) {
            group = open.get(context);
            leader = group == null;
            if (leader) {
                group = new Group();
                open.put(context, group);
            }
            group.values.add(values);
            group.answers.add(answer);
            group.lastJoined = System.nanoTime();
            if (group.values.size() >= size) {
                open.remove(context);
                open.notifyAll();
            }
        }
        if (leader) {
            send(context, group);
        }
        try {
            return answer.get(ANSWER_LIMIT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a " + model + " waited for its create", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("a " + model + " waited " + ANSWER_LIMIT_MINUTES + " minutes for its"
                    + " create; it may have been made in Odoo");
        }
    }

    private void send(OdooContext context, Group group) {
        List<Map<String, Object>> values;
        List<CompletableFuture<Long>> answers;
        try {
            synchronized (open) {
                long opened = group.lastJoined;
                while (open.get(context) == group) {
                    long now = System.nanoTime();
                    long quietEnds = group.lastJoined + quietNanos;
                    long waitEnds = opened + maxWaitNanos;
                    long until = Math.min(quietEnds, waitEnds);
                    if (now >= until) {
                        open.remove(context);
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(open, until - now);
                }
                values = List.copyOf(group.values);
                answers = List.copyOf(group.answers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            synchronized (open) {
                open.remove(context, group);
                group.answers.forEach(a -> a.completeExceptionally(e));
            }
            return;
        }
        try {
            List<Integer> missing = new ArrayList<>();
            Map<Integer, Long> found = finder == null ? Map.of() : finder.find(values, context);
            for (int i = 0; i < values.size(); i++) {
                Long id = found.get(i);
                if (id == null) {
                    missing.add(i);
                } else {
                    answers.get(i).complete(id);
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            for (BatchResult result : odoo.createEach(model, missing.stream().map(values::get).toList(), context)) {
                CompletableFuture<Long> answer = answers.get(missing.get(result.index()));
                if (result.isCreated()) {
                    answer.complete(result.id());
                } else {
                    answer.completeExceptionally(result.error());
                }
            }
        } catch (RuntimeException | Error e) {
            answers.forEach(a -> a.completeExceptionally(e));
        }
        answers.forEach(a -> a.completeExceptionally(new IllegalStateException("Odoo gave no answer for this "
                + model)));
    }

    /** The records gathering for one context. */
    private static final class Group {
        final List<Map<String, Object>> values = new ArrayList<>();
        final List<CompletableFuture<Long>> answers = new ArrayList<>();
        long lastJoined;
    }
}
