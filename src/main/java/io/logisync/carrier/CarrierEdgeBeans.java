package io.logisync.carrier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.logisync.ingress.EventIntake;
import io.logisync.kamelet.IngressSink;
import io.logisync.kamelet.OdooSinkBody;
import javax.sql.DataSource;
import org.apache.camel.spi.Registry;

/** Binds the beans the carrier Kamelets use, by the names their YAML refers to. */
public final class CarrierEdgeBeans {

    private CarrierEdgeBeans() {
    }

    public static void bind(Registry registry, EventIntake intake, ObjectMapper mapper, DataSource dataSource,
            int maxEvents) {
        registry.bind("logisyncIngressSink", new IngressSink(intake, mapper, maxEvents));
        registry.bind("ediControlNumbers", new EdiControlNumbers(dataSource));
        registry.bind("odooSinkBody", new OdooSinkBody(mapper));
    }
}
