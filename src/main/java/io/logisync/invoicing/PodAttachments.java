package io.logisync.invoicing;

import io.logisync.flow.EventHeaders;
import io.logisync.invoicing.BillingDocument.Kind;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooException;
import io.logisync.odoo.OdooRecord;
import io.logisync.parking.ParkingDesk;
import io.logisync.shipment.InvoiceTerms;
import io.logisync.store.ParkingStore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attaches a load's proof-of-delivery documents to its customer invoice in Odoo, as {@code ir.attachment} records
 * ({@code res_model} account.move): a link for a document given by URL, the file itself for one given inline. Each
 * is looked for on the invoice before it is created when one was sent for that invoice before (its reply may have
 * been lost); one never sent is created at once. An attachment that fails is parked on its own, with the
 * proof-of-delivery event, and the invoice goes on without it.
 */
public class PodAttachments {

    /** One proof-of-delivery document of a load, and the attachment it became, once attached. */
    public record PodDocument(String loadRef, String fileName, String mimeType, String url, String contentBase64,
            Long odooMoveId, Long attachmentId) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PodAttachments.class);
    private static final String MODEL = "ir.attachment";
    private static final String POD_TYPE = "logistics.pod.received.v1";

    private final JdbcTemplate jdbc;
    private final OdooClient odoo;
    private final BillingStore billing;
    private final InvoiceTerms terms;
    private final ParkingStore parking;
    private volatile CreateGatherer gatherer;

    public PodAttachments(DataSource dataSource, OdooClient odoo, BillingStore billing, InvoiceTerms terms,
            ParkingStore parking) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.odoo = odoo;
        this.billing = billing;
        this.terms = terms;
        this.parking = parking;
    }

    /**
     * Creates the attachments that events make at about the same time (the PODs of one batch of invoices) in one
     * {@code ir.attachment} create; a record Odoo refuses is isolated and parked alone, as one made on its own.
     */
    public void gatherCreates(CreateGatherer gathering) {
        this.gatherer = gathering;
    }

    /** Keeps a document of a pod.received event; the same file name sent again is kept once. */
    public void record(String loadRef, String fileName, String mimeType, String url, String contentBase64) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM pod_document WHERE load_ref = ? AND file_name = ?",
                Integer.class, loadRef, fileName);
        if (known != null && known == 0) {
            jdbc.update("INSERT INTO pod_document (load_ref, file_name, mime_type, url, content_base64, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", loadRef, fileName, mimeType, url,
                    contentBase64 == null ? null : contentBase64.replaceAll("\\s", ""), Timestamp.from(Instant.now()));
        }
    }

    public List<PodDocument> documents(String loadRef) {
        return jdbc.query("SELECT load_ref, file_name, mime_type, url, content_base64, odoo_move_id, attachment_id"
                + " FROM pod_document WHERE load_ref = ? ORDER BY received_at, file_name", (rs, i) -> new PodDocument(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class)), loadRef);
    }

    // Known gap: a POD whose sent mark was lost with a killed process is attached again (no search): a duplicate file.
    /** True when an attachment of the document was sent to Odoo for that invoice before (its outcome unknown). */
    private boolean sentBefore(PodDocument document, long moveId) {
        Long sentTo = jdbc.queryForObject("SELECT sent_to_move_id FROM pod_document WHERE load_ref = ? AND"
                + " file_name = ?", Long.class, document.loadRef(), document.fileName());
        return sentTo != null && sentTo == moveId;
    }

    /**
     * Attaches the load's documents not yet on its invoice. A failure parks the proof-of-delivery event with the
     * reason (replayed by the sweep when Odoo was unavailable); when this is that parked event's own replay, the
     * failure is thrown instead, so the replay parks it again.
     */
    public void attach(String loadRef, Exchange exchange) {
        Optional<BillingDocument> invoice = billing.originalOf(loadRef).filter(BillingDocument::isInOdoo);
        if (invoice.isEmpty()) {
            return;
        }
        long moveId = invoice.get().odooId();
        for (PodDocument document : documents(loadRef)) {
            if (document.attachmentId() != null && Long.valueOf(moveId).equals(document.odooMoveId())) {
                continue;
            }
            try {
                long attachment = ensureAttached(invoice.get(), document);
                jdbc.update("UPDATE pod_document SET odoo_move_id = ?, attachment_id = ? WHERE load_ref = ? AND"
                        + " file_name = ?", moveId, attachment, loadRef, document.fileName());
                LOG.info("Proof of delivery {} of load {} attached to {} (ir.attachment {})", document.fileName(),
                        loadRef, invoice.get().displayName(), attachment);
            } catch (RuntimeException e) {
                parkAttachment(loadRef, invoice.get(), document, e, exchange);
            }
        }
    }

    private long ensureAttached(BillingDocument invoice, PodDocument document) {
        OdooContext context = terms.of(loadOf(invoice, document)).context();
        String name = invoice.kind() == Kind.CONSOLIDATED ? document.loadRef() + " " + document.fileName()
                : document.fileName();
        // looked for on the invoice only when an attempt for it was sent before: its reply may have been lost
        if (sentBefore(document, invoice.odooId())) {
            List<OdooRecord> found = odoo.searchRead(MODEL, List.of(List.of("res_model", "=",
                    InvoiceDocuments.MODEL), List.of("res_id", "=", invoice.odooId()), List.of("name", "=", name)),
                    List.of("id"), 1, "id", context);
            if (!found.isEmpty()) {
                return found.get(0).id();
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("res_model", InvoiceDocuments.MODEL);
        values.put("res_id", invoice.odooId());
        values.put("mimetype", document.mimeType());
        values.put("description", "Proof of delivery of load " + document.loadRef());
        if (document.url() != null) {
            // Known gap: a document given by URL is attached as a link; its file is not fetched into Odoo.
            values.put("type", "url");
            values.put("url", document.url());
        } else {
            values.put("type", "binary");
            values.put("datas", document.contentBase64());
        }
        jdbc.update("UPDATE pod_document SET sent_to_move_id = ? WHERE load_ref = ? AND file_name = ?",
                invoice.odooId(), document.loadRef(), document.fileName());
        CreateGatherer gathering = gatherer;
        return gathering != null ? gathering.create(values, context) : odoo.create(MODEL, List.of(values), context)
                .get(0);
    }

    private void parkAttachment(String loadRef, BillingDocument invoice, PodDocument document, RuntimeException e,
            Exchange exchange) {
        String podEvent = billing.shipment(loadRef).map(BillingStore.ShipmentBilling::podEvent).orElse(null);
        if (podEvent == null) {
            throw e;
        }
        Map<String, String> event = eventIds(podEvent);
        Long replayed = exchange == null ? null : exchange.getMessage().getHeader(EventHeaders.PARKED_ID, Long.class);
        Optional<Long> parkedRow = parking.parkedIdOf(event.get("source"), event.get("id"));
        if (replayed != null && parkedRow.isPresent() && replayed.equals(parkedRow.get())) {
            throw e;
        }
        if (parkedRow.isPresent()) {
            return;
        }
        String reason = ParkingDesk.reasonOf(e);
        boolean retryable = e instanceof OdooException odooError && odooError.isRetryable();
        long id = parking.park(event.get("id"), event.get("source"), POD_TYPE, loadRef, reason,
                retryable ? ParkingDesk.WAITING_FOR_ODOO : null, "attaching proof of delivery " + document.fileName()
                        + " of load " + loadRef + " to " + invoice.displayName() + " (account.move " + invoice.odooId()
                        + ") failed; the invoice went without it: " + ParkingDesk.detailOf(e), podEvent);
        LOG.warn("Proof of delivery {} of load {} not attached to account.move {}; parked as {} (parked id {})",
                document.fileName(), loadRef, invoice.odooId(), reason, id);
    }

    private static String loadOf(BillingDocument invoice, PodDocument document) {
        return invoice.loadRef() != null ? invoice.loadRef() : document.loadRef();
    }

    private static Map<String, String> eventIds(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json);
            return Map.of("id", node.path("id").asText(), "source", node.path("source").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the stored proof-of-delivery event cannot be read", e);
        }
    }
}
