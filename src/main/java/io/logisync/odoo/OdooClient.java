package io.logisync.odoo;

import java.util.List;
import java.util.Map;

/**
 * Calls Odoo's external API over one transport, with Odoo's value formats and errors.
 *
 * <p>Arguments are always named, as JSON-2 wants them; a method that works on records takes its ids under
 * {@code "ids"}. Transports that need positional arguments (JSON-RPC, XML-RPC) translate. Every failure is an
 * {@link OdooException} subtype. A transport implements {@link #execute}, {@link #serverVersion} and
 * {@link #close}; the other methods are built on {@code execute}. Implementations are thread-safe.
 */
public interface OdooClient extends AutoCloseable {

    /** The order used when none is given: by id, so that pages and retries see the same sequence. */
    String DEFAULT_ORDER = "id";

    /** Records per call in {@link #searchReadAll}. */
    int DEFAULT_PAGE_SIZE = 500;

    /**
     * Calls {@code model.method} with named arguments and returns the decoded JSON result (Map, List, Long,
     * BigDecimal, String, Boolean, or null for JSON null). A {@code null} argument value is sent as {@code false}.
     *
     * @param context merged over the client's default context; null means the default context alone
     */
    Object execute(String model, String method, Map<String, Object> params, OdooContext context);

    /** Reads the records matching a domain, with an explicit field list; {@code order} defaults to {@code id}. */
    default List<OdooRecord> searchRead(String model, List<?> domain, List<String> fields, Integer limit,
            String order, OdooContext context) {
        return searchRead(model, domain, fields, limit, null, order, context);
    }

    /** Like {@link #searchRead(String, List, List, Integer, String, OdooContext)}, skipping {@code offset} rows. */
    default List<OdooRecord> searchRead(String model, List<?> domain, List<String> fields, Integer limit,
            Integer offset, String order, OdooContext context) {
        Map<String, Object> params = OdooCalls.searchReadParams(domain, fields, limit, offset, order);
        return OdooCalls.records(model, "search_read", execute(model, "search_read", params, context));
    }

    /**
     * Reads every matching record, in pages of {@code pageSize} ordered by id; each page continues after the last
     * id seen, so records created or deleted meanwhile neither shift nor repeat a page.
     */
    default List<OdooRecord> searchReadAll(String model, List<?> domain, List<String> fields, int pageSize,
            OdooContext context) {
        return OdooCalls.searchReadAll(this, model, domain, fields, pageSize, context);
    }

    /** {@link #searchReadAll(String, List, List, int, OdooContext)} with {@link #DEFAULT_PAGE_SIZE}. */
    default List<OdooRecord> searchReadAll(String model, List<?> domain, List<String> fields, OdooContext context) {
        return searchReadAll(model, domain, fields, DEFAULT_PAGE_SIZE, context);
    }

    /** Reads records by id; ids that no longer exist are left out, as Odoo does. Null fields reads them all. */
    default List<OdooRecord> read(String model, List<Long> ids, List<String> fields, OdooContext context) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        return OdooCalls.records(model, "read", execute(model, "read", OdooCalls.readParams(ids, fields), context));
    }

    /** Creates one record per value map, in one call, and returns their ids in order. */
    default List<Long> create(String model, List<Map<String, Object>> values, OdooContext context) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        Object result = execute(model, "create", OdooCalls.params("vals_list", values), context);
        return OdooCalls.createdIds(model, result, values.size());
    }

    /**
     * Creates the records in one call if Odoo accepts them all; when it refuses with a final error, splits the
     * batch to find the refused records and creates the others. See {@link BatchResult} for the outcome per index.
     */
    default List<BatchResult> createEach(String model, List<Map<String, Object>> values, OdooContext context) {
        return new BatchCreator(this, model, context).createEach(values);
    }

    /**
     * Calls a record method such as {@code action_post} on all the records in one call if Odoo accepts it; when it
     * refuses with a final error, splits the ids to find the refused records and calls it on the others. Each
     * {@link BatchResult} carries the record's id when the method went through on it, else the error.
     */
    default List<BatchResult> callEach(String model, String method, List<Long> ids, OdooContext context) {
        return new BatchCaller(this, model, method, context).callEach(ids);
    }

    /** Writes the same values to the given records. */
    default void write(String model, List<Long> ids, Map<String, Object> values, OdooContext context) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Map<String, Object> params = OdooCalls.params("ids", ids);
        params.put("vals", values);
        execute(model, "write", params, context);
    }

    /** Calls a method on records, such as {@code action_post}, and returns its raw result. */
    default Object callOnRecords(String model, String method, List<Long> ids, OdooContext context) {
        return execute(model, method, OdooCalls.params("ids", ids == null ? List.of() : ids), context);
    }

    /** The server's version string, e.g. {@code 19.0}. */
    String serverVersion();

    @Override
    void close();
}
