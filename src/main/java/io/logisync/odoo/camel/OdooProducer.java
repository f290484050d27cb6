package io.logisync.odoo.camel;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Sends one message as one Odoo call; {@code create}, {@code write}, {@code read} and {@code search_read} have body
 * conventions, any other method takes a Map of named arguments plus the ids header. {@code upsert} is the exception:
 * a search and a write or create per record.
 */
public class OdooProducer extends DefaultProducer {

    public OdooProducer(OdooEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public OdooEndpoint getEndpoint() {
        return (OdooEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) {
        OdooEndpoint endpoint = getEndpoint();
        Message message = exchange.getMessage();
        OdooClient client = endpoint.client();
        String model = endpoint.getModel();
        String method = endpoint.getMethod();
        OdooContext context = contextOf(message);
        switch (method) {
            case "create" -> {
                List<Long> ids = client.create(model, OdooMessages.valuesList(message.getBody(), method), context);
                message.setHeader(OdooConstants.IDS, ids);
                message.setBody(ids);
            }
            case OdooEndpoint.UPSERT -> {
                List<Long> ids = endpoint.upsert().apply(OdooMessages.valuesList(message.getBody(), method), context);
                message.setHeader(OdooConstants.IDS, ids);
                message.setBody(ids);
            }
            case "write" -> {
                client.write(model, requireIds(message, method), OdooMessages.namedValues(message.getBody(), method),
                        context);
                message.setBody(Boolean.TRUE);
            }
            case "read" -> message.setBody(raw(client.read(model, requireIds(message, method), endpoint.fieldList(),
                    context)));
            case "search_read" -> {
                List<?> domain = OdooMessages.domain(message.getBody(), endpoint.parsedDomain());
                message.setBody(raw(endpoint.getPageSize() != null
                        ? client.searchReadAll(model, domain, endpoint.fieldList(), endpoint.getPageSize(), context)
                        : client.searchRead(model, domain, endpoint.fieldList(), endpoint.getLimit(),
                                endpoint.getOrder(), context)));
            }
            default -> {
                Map<String, Object> params = OdooMessages.namedValues(message.getBody(), method);
                List<Long> ids = OdooMessages.ids(message.getHeader(OdooConstants.IDS));
                if (ids != null) {
                    params.put("ids", ids);
                }
                message.setBody(client.execute(model, method, params, context));
            }
        }
    }

    /** The message's context header, else the endpoint's options; a company header overrides either. */
    private OdooContext contextOf(Message message) {
        OdooContext context = message.getHeader(OdooConstants.CONTEXT, OdooContext.class);
        if (context == null) {
            context = getEndpoint().endpointContext();
        }
        Long company = message.getHeader(OdooConstants.COMPANY_ID, Long.class);
        return company == null ? context : context.withCompany(company);
    }

    private static List<Long> requireIds(Message message, String method) {
        List<Long> ids = OdooMessages.ids(message.getHeader(OdooConstants.IDS));
        if (ids == null) {
            throw new IllegalArgumentException("odoo " + method + " needs the record ids in header "
                    + OdooConstants.IDS);
        }
        return ids;
    }

    private static List<Map<String, Object>> raw(List<OdooRecord> records) {
        return records.stream().map(record -> (Map<String, Object>) new LinkedHashMap<>(record.raw())).toList();
    }
}
