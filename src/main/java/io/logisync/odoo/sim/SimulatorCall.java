package io.logisync.odoo.sim;

import java.time.Instant;

/**
 * One call the simulator answered.
 *
 * @param protocol {@code json2}, {@code jsonrpc}, {@code xmlrpc}, or {@code http} for other routes
 * @param model the model called, or null for calls on no model (version, login)
 * @param method the model method or service method, e.g. {@code create}, {@code authenticate}
 * @param records how many records the call named: values for {@code create}, ids for record methods, else 0
 * @param status the HTTP status answered (JSON-RPC answers its errors with 200), or 0 when no reply was delivered
 *     (a lost-reply fault, or a client that had left)
 * @param error Odoo's exception name when the call failed, e.g. {@code odoo.exceptions.UserError}, else null
 * @param time when the call arrived
 * @param fault the injected fault, e.g. {@code http-502}, {@code lost-reply} or {@code down}, else null
 */
public record SimulatorCall(String protocol, String model, String method, int records, int status, String error,
        Instant time, String fault) {
}
