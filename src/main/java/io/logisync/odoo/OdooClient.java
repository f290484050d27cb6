package io.logisync.odoo;

import java.util.List;
import java.util.Map;

/**
 * Calls Odoo's external API over one transport, with Odoo's value formats and errors.
 *
 * <p>Arguments are always named, as JSON-2 wants them; a method that works on records takes its ids under
 * {@code "ids"}. Transports that need positional arguments (JSON-RPC, XML-RPC) translate. Every failure is an
 * {@link OdooException} subtype.
 */
public interface OdooClient extends AutoCloseable {

    /** Calls {@code model.method} with named arguments and returns the decoded JSON result (Map, List, Long, BigDecimal, String, Boolean, or null for JSON null). */
    Object execute(String model, String method, Map<String, Object> params, OdooContext context);

    /** Reads the records matching a domain, with an explicit field list. */
    List<OdooRecord> searchRead(String model, List<?> domain, List<String> fields, Integer limit, String order,
            OdooContext context);

    /** Reads records by id; ids that no longer exist are left out, as Odoo does. */
    List<OdooRecord> read(String model, List<Long> ids, List<String> fields, OdooContext context);

    /** Creates one record per value map, in one call, and returns their ids in order. */
    List<Long> create(String model, List<Map<String, Object>> values, OdooContext context);

    /** Writes the same values to the given records. */
    void write(String model, List<Long> ids, Map<String, Object> values, OdooContext context);

    /** Calls a method on records, such as {@code action_post}, and returns its raw result. */
    Object callOnRecords(String model, String method, List<Long> ids, OdooContext context);

    /** The server's version string, e.g. {@code 19.0}. */
    String serverVersion();

    @Override
    void close();
}
