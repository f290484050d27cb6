/**
 * An Odoo 19 API simulator: {@link io.logisync.odoo.sim.OdooSimulator} serves JSON-2, JSON-RPC and XML-RPC on
 * loopback over an in-memory {@link io.logisync.odoo.sim.SimulatorStore}, answering with the shapes, statuses and
 * errors recorded from a real server.
 */
package io.logisync.odoo.sim;
