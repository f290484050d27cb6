package io.logisync.odoo;

import java.util.List;

/**
 * Calls a record method (such as {@code action_post}) on many records in one call and, when Odoo refuses it with a
 * final error, bisects to isolate the refused records, as {@link BatchCreator} does for {@code create}.
 *
 * <p>Odoo runs each call in one transaction, so a refused call changed nothing. A retryable error before any call
 * went through propagates, so the whole batch can be retried; after some went through it is recorded against every
 * record not yet settled, so that the records done are kept. The splitting is {@link Bisection}'s.
 */
final class BatchCaller {

    private final OdooClient client;
    private final String model;
    private final String method;
    private final OdooContext context;

    BatchCaller(OdooClient client, String model, String method, OdooContext context) {
        this.client = client;
        this.model = model;
        this.method = method;
        this.context = context;
    }

    List<BatchResult> callEach(List<Long> ids) {
        return Bisection.each(ids, range -> {
            client.callOnRecords(model, method, range, context);
            return range;
        });
    }
}
