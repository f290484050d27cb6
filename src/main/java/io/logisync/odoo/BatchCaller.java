package io.logisync.odoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Calls a record method (such as {@code action_post}) on many records in one call and, when Odoo refuses it with a
 * final error, bisects to isolate the refused records, as {@link BatchCreator} does for {@code create}.
 *
 * <p>Odoo runs each call in one transaction, so a refused call changed nothing. A retryable error before any call
 * went through propagates, so the whole batch can be retried; after some went through it is recorded against every
 * record not yet settled, so that the records done are kept.
 */
final class BatchCaller {

    private final OdooClient client;
    private final String model;
    private final String method;
    private final OdooContext context;
    private BatchResult[] results;
    private boolean doneAny;
    private OdooException abort;

    BatchCaller(OdooClient client, String model, String method, OdooContext context) {
        this.client = client;
        this.model = model;
        this.method = method;
        this.context = context;
    }

    List<BatchResult> callEach(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        results = new BatchResult[ids.size()];
        callRange(ids, 0, ids.size());
        return List.copyOf(Arrays.asList(results));
    }

    private void callRange(List<Long> ids, int from, int to) {
        if (abort != null) {
            fail(from, to, abort);
            return;
        }
        try {
            client.callOnRecords(model, method, new ArrayList<>(ids.subList(from, to)), context);
            for (int i = from; i < to; i++) {
                results[i] = BatchResult.created(i, ids.get(i));
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
                callRange(ids, from, middle);
                callRange(ids, middle, to);
            }
        }
    }

    private void fail(int from, int to, OdooException error) {
        for (int i = from; i < to; i++) {
            results[i] = BatchResult.failed(i, error);
        }
    }
}
