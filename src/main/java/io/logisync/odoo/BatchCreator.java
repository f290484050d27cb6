package io.logisync.odoo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Creates a batch in one call and, when Odoo refuses it with a final error, bisects to isolate the refused records.
 *
 * <p>Odoo runs each call in one transaction, so a refused call created nothing; halves are tried until each refusal
 * is pinned to one record. A retryable error before anything was created propagates, so that the whole batch can be
 * retried. After some records were created it is recorded against every record not yet settled instead: thrown, it
 * would lose the ids already created and invite duplicates on retry.
 */
final class BatchCreator {

    private final OdooClient client;
    private final String model;
    private final OdooContext context;
    private BatchResult[] results;
    private boolean createdAny;
    private OdooException abort;

    BatchCreator(OdooClient client, String model, OdooContext context) {
        this.client = client;
        this.model = model;
        this.context = context;
    }

    List<BatchResult> createEach(List<Map<String, Object>> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        results = new BatchResult[values.size()];
        createRange(values, 0, values.size());
        return List.copyOf(Arrays.asList(results));
    }

    private void createRange(List<Map<String, Object>> values, int from, int to) {
        if (abort != null) {
            fail(from, to, abort);
            return;
        }
        try {
            List<Long> ids = client.create(model, new ArrayList<>(values.subList(from, to)), context);
            for (int i = from; i < to; i++) {
                results[i] = BatchResult.created(i, ids.get(i - from));
            }
            createdAny = true;
        } catch (OdooException e) {
            if (e.isRetryable()) {
                if (!createdAny) {
                    throw e;
                }
                abort = e;
                fail(from, to, e);
            } else if (to - from == 1) {
                results[from] = BatchResult.failed(from, e);
            } else {
                // Known gap: records refused only together (one unique key twice) pass alone; input order decides.
                int middle = from + (to - from) / 2;
                createRange(values, from, middle);
                createRange(values, middle, to);
            }
        }
    }

    private void fail(int from, int to, OdooException error) {
        for (int i = from; i < to; i++) {
            results[i] = BatchResult.failed(i, error);
        }
    }
}
