package io.logisync.odoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Makes one Odoo call on a whole batch and, when Odoo refuses it with a final error, splits the batch in halves until
 * each refusal is pinned to one record, while the others still go through. {@link BatchCreator} and
 * {@link BatchCaller} are built on it.
 *
 * <p>Odoo runs each call in one transaction, so a refused call changed nothing. A retryable error before any call
 * went through propagates, so that the whole batch can be retried. After some went through it is recorded against
 * every record not yet settled instead, so that the records done are kept.
 */
final class Bisection<T> {

    /** One Odoo call on a range of the batch; returns the id of each record in the range, in order. */
    @FunctionalInterface
    interface RangeCall<T> {
        List<Long> call(List<T> range);
    }

    private final RangeCall<T> call;
    private BatchResult[] results;
    private boolean doneAny;
    private OdooException abort;

    private Bisection(RangeCall<T> call) {
        this.call = call;
    }

    /** The outcome per index of {@code items}; empty for none. */
    static <T> List<BatchResult> each(List<T> items, RangeCall<T> call) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        Bisection<T> bisection = new Bisection<>(call);
        bisection.results = new BatchResult[items.size()];
        bisection.callRange(items, 0, items.size());
        return List.copyOf(Arrays.asList(bisection.results));
    }

    private void callRange(List<T> items, int from, int to) {
        if (abort != null) {
            fail(from, to, abort);
            return;
        }
        try {
            List<Long> ids = call.call(new ArrayList<>(items.subList(from, to)));
            for (int i = from; i < to; i++) {
                results[i] = BatchResult.created(i, ids.get(i - from));
            }
            doneAny = true;
        } catch (OdooException e) {
            if (e.isRetryable()) {
                if (!doneAny) {
                    throw e;
                }
                abort = e;
                fail(from, to, e);
            } else if (to - from == 1) {
                results[from] = BatchResult.failed(from, e);
            } else {
                int middle = from + (to - from) / 2;
                callRange(items, from, middle);
                callRange(items, middle, to);
            }
        }
    }

    private void fail(int from, int to, OdooException error) {
        for (int i = from; i < to; i++) {
            results[i] = BatchResult.failed(i, error);
        }
    }
}
