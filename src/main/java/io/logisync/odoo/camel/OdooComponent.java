package io.logisync.odoo.camel;

import io.logisync.odoo.OdooClient;
import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.support.DefaultComponent;

/** Camel component {@code odoo:<model>?method=...}: calls Odoo model methods through an {@link OdooClient}. */
public class OdooComponent extends DefaultComponent {

    @Metadata(label = "advanced", autowired = false, description = "The OdooClient endpoints use unless they set "
            + "their own url; when unset, the registry bean named odooClient is used.")
    private OdooClient client;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        OdooEndpoint endpoint = new OdooEndpoint(uri, this);
        endpoint.setModel(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public OdooClient getClient() {
        return client;
    }

    public void setClient(OdooClient client) {
        this.client = client;
    }
}
