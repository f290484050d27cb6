package io.logisync.odoo;

import java.util.List;
import java.util.Map;

/**
 * Creates a batch in one call and, when Odoo refuses it with a final error, bisects to isolate the refused records.
 *
 * <p>Odoo runs each call in one transaction, so a refused call created nothing; halves are tried until each refusal
 * is pinned to one record. A retryable error before anything was created propagates, so that the whole batch can be
 * retried. After some records were created it is recorded against every record not yet settled instead: thrown, it
 * would lose the ids already created and invite duplicates on retry. The splitting is {@link Bisection}'s.
 */
final class BatchCreator {

    private final OdooClient client;
    private final String model;
    private final OdooContext context;

    BatchCreator(OdooClient client, String model, OdooContext context) {
        this.client = client;
        this.model = model;
        this.context = context;
    }

    List<BatchResult> createEach(List<Map<String, Object>> values) {
        // Known gap: records refused only together (one unique key twice) pass alone; input order decides.
        return Bisection.each(values, range -> client.create(model, range, context));
    }
}
