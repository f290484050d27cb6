package io.logisync.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.dispatch.DispatchStatus;
import io.logisync.dispatch.DispatchWebhook;
import io.logisync.dispatch.MoveLoads;
import io.logisync.dispatch.OutboundEvents;
import io.logisync.dispatch.ShipmentExceptions;
import io.logisync.store.ParkingStore;
import java.time.Clock;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/** Wires the status back to dispatch: invoice and payment status from Odoo, shipment exceptions, their delivery. */
final class StatusBackWiring {

    private StatusBackWiring() {
    }

    static void wire(CamelContext camelContext, Settings settings, DataSource dataSource, ObjectMapper mapper,
            ParkingStore parking) {
        Registry registry = camelContext.getRegistry();
        String delivery = settings.get("logisync.dispatch.delivery", "topic").strip().toLowerCase(Locale.ROOT);
        if (!delivery.equals("webhook") && !delivery.equals("topic")) {
            throw new IllegalStateException("logisync.dispatch.delivery must be webhook or topic, but was '"
                    + delivery + "'");
        }
        String url = settings.get("logisync.dispatch.webhook.url", "");
        String secret = settings.get("logisync.dispatch.webhook.secret", null);
        if (delivery.equals("webhook") && (url.isBlank() || secret == null)) {
            throw new IllegalStateException("logisync.dispatch.delivery = webhook needs logisync.dispatch.webhook.url"
                    + " and logisync.dispatch.webhook.secret (LOGISYNC_DISPATCH_WEBHOOK_SECRET)");
        }
        Clock clock = Clock.systemUTC();
        OutboundEvents events = new OutboundEvents(mapper, clock);
        registry.bind("dispatchStatus", new DispatchStatus(dataSource, new MoveLoads(dataSource), events));
        registry.bind("dispatchWebhook", new DispatchWebhook(mapper, parking, url, secret, clock, camelContext));
        if (settings.getBoolean("logisync.dispatch.shipment-exceptions", true)) {
            parking.setListener(new ShipmentExceptions(events, camelContext));
        }
    }
}
