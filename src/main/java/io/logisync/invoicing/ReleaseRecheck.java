package io.logisync.invoicing;

import io.logisync.flow.EventHeaders;
import io.logisync.odoo.OdooException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a load's release check again ({@code direct:invoice-when-ready}, under the load's subject lock, as the domain
 * routes do) when what held it back went away without an event of its own: a parked message discarded by an admin,
 * or settled by a replay. The periodic sweep runs it too, for loads that changed since they were last checked and
 * whose billed lines differ from what is billable now, so a change is billed even when nothing else arrives.
 */
public class ReleaseRecheck {

    /** Exchange property: the subject of a parked message just settled (discarded), whose load is checked again. */
    public static final String SETTLED_SUBJECT = "LogisyncSettledSubject";
    /** Exchange property: the event type of that message. */
    public static final String SETTLED_TYPE = "LogisyncSettledType";

    private static final Logger LOG = LoggerFactory.getLogger(ReleaseRecheck.class);
    /** The event types whose subject is a load. */
    private static final Set<String> LOAD_DOMAINS = Set.of("shipment", "milestone", "pod", "accessorial");

    private final CamelContext camelContext;
    private final String recheckUri;
    private final ReleaseRules rules;
    private final BillingStore billing;
    private final BillableLines lines;
    private final InvoiceAdjustments adjustments;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int sweepLimit;

    public ReleaseRecheck(CamelContext camelContext, String recheckUri, ReleaseRules rules, BillingStore billing,
            BillableLines lines, InvoiceAdjustments adjustments, DataSource dataSource, Clock clock, int sweepLimit) {
        this.camelContext = camelContext;
        this.recheckUri = recheckUri;
        this.rules = rules;
        this.billing = billing;
        this.lines = lines;
        this.adjustments = adjustments;
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.sweepLimit = sweepLimit;
    }

    /** After a parked message was settled without being applied: its load's release is checked again. */
    public void afterSettled(Exchange exchange) {
        afterSettled(exchange.getProperty(SETTLED_SUBJECT, String.class),
                exchange.getProperty(SETTLED_TYPE, String.class));
    }

    /** Checks the release of the message's load again, when the message was about a load. */
    public void afterSettled(String subject, String eventType) {
        if (subject == null || subject.isBlank() || !isAboutALoad(eventType)
                || billing.shipment(subject).filter(s -> s.shipmentData() != null).isEmpty()) {
            return;
        }
        recheck(subject);
    }

    /**
     * Runs the load's release check under its subject lock; true when it ran to its end. What stops it (Odoo
     * unavailable, a load waiting for finance) parks nothing, as there is no event to park: the sweep checks the
     * load again.
     */
    public boolean recheck(String loadRef) {
        Exchange exchange = new DefaultExchange(camelContext);
        exchange.getMessage().setHeader(EventHeaders.SUBJECT, loadRef);
        ProducerTemplate producer = camelContext.createProducerTemplate();
        try {
            producer.send(recheckUri, exchange);
        } finally {
            try {
                producer.close();
            } catch (java.io.IOException ignored) {
                // a producer template holds nothing worth reporting
            }
        }
        String stopped = exchange.getProperty(EventHeaders.PARKED_REASON, String.class);
        if (exchange.getException() != null || stopped != null) {
            LOG.debug("Release check of load {} run again did not complete ({}); the sweep checks it again", loadRef,
                    stopped != null ? stopped : exchange.getException().getMessage());
            return false;
        }
        LOG.debug("Release check of load {} run again", loadRef);
        return true;
    }

    /**
     * The sweep's part: the loads changed since they were last checked (their billing, shipment, accessorials or
     * parked messages), at most {@code sweepLimit} a run, are checked again when they are billed and their billed
     * lines differ from what is billable now, or not billed yet and released. Returns how many were run again.
     */
    public int sweep() {
        Instant started = clock.instant();
        int answer = 0;
        for (String loadRef : changedSinceChecked()) {
            boolean done = true;
            try {
                if (differsFromBilled(loadRef)) {
                    done = recheck(loadRef);
                    answer++;
                }
            } catch (RuntimeException e) {
                // Odoo or the database may answer next time; the load stays a candidate until then
                done = !(e instanceof OdooException odoo && odoo.isRetryable());
                LOG.warn("Release check of load {} not run again this sweep: {}", loadRef, e.getMessage());
            }
            if (done) {
                jdbc.update("UPDATE shipment_billing SET release_checked_at = ? WHERE load_ref = ?",
                        Timestamp.from(started), loadRef);
            }
        }
        if (answer > 0) {
            LOG.info("Sweep ran the release check again for {} load(s) whose billing differed from what is billable",
                    answer);
        }
        return answer;
    }

    /** True when the load is billed and a line differs from what is billable, or unbilled and released to bill. */
    boolean differsFromBilled(String loadRef) {
        if (billing.originalOf(loadRef).isPresent()) {
            return !adjustments.deltas(loadRef).isEmpty() || !billing.unfinishedAdjustments(loadRef).isEmpty();
        }
        ReleaseRules.Release release = rules.check(loadRef);
        return release.released() && !lines.of(loadRef).isEmpty();
    }

    // Known gap: a change written without touching any of these updated_at columns is not seen by the sweep.
    private List<String> changedSinceChecked() {
        return jdbc.queryForList("SELECT b.load_ref FROM shipment_billing b WHERE b.shipment_data IS NOT NULL AND"
                + " (b.release_checked_at IS NULL OR b.updated_at > b.release_checked_at"
                + " OR EXISTS (SELECT 1 FROM shipment s WHERE s.load_ref = b.load_ref"
                + " AND s.updated_at > b.release_checked_at)"
                + " OR EXISTS (SELECT 1 FROM accessorial a WHERE a.load_ref = b.load_ref"
                + " AND a.updated_at > b.release_checked_at)"
                + " OR EXISTS (SELECT 1 FROM parked_message p WHERE p.subject = b.load_ref"
                + " AND p.updated_at > b.release_checked_at))"
                + " ORDER BY b.load_ref LIMIT ?", String.class, sweepLimit);
    }

    private static boolean isAboutALoad(String eventType) {
        if (eventType == null || !eventType.startsWith("logistics.")) {
            return false;
        }
        return LOAD_DOMAINS.contains(eventType.substring("logistics.".length()).split("\\.")[0]);
    }
}
