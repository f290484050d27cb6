package io.logisync.ops;

import io.logisync.ingress.IngressCounters;
import io.logisync.shipment.InvoiceLedger;
import io.logisync.store.ParkingStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs what logisync did since start: events taken, duplicates, rejections, parked by reason, invoices. */
public class RunSummary {

    private static final Logger LOG = LoggerFactory.getLogger(RunSummary.class);
    private static final int SHOWN_INVOICES = 20;

    private final IngressCounters counters;
    private final InvoiceLedger ledger;
    private final ParkingStore parking;
    private String lastLogged;
    private volatile boolean showAmounts;

    /** Shows invoice totals in the summary; off by default, as amounts are kept out of logs like every price. */
    public void setShowAmounts(boolean showAmounts) {
        this.showAmounts = showAmounts;
    }

    public RunSummary(IngressCounters counters, InvoiceLedger ledger, ParkingStore parking) {
        this.counters = counters;
        this.ledger = ledger;
        this.parking = parking;
    }

    /** Logs the summary when something happened since it was last logged, e.g. when the inbox falls idle. */
    public synchronized void logIfChanged() {
        if (lastLogged == null && counters.getAccepted() + counters.getDuplicates() + counters.getRejected() == 0) {
            return;
        }
        String summary = text();
        if (!Objects.equals(summary, lastLogged)) {
            lastLogged = summary;
            LOG.info("{}", summary);
        }
    }

    private String describe(InvoiceLedger.Entry entry) {
        return "invoice " + (entry.number() == null ? "(draft)" : entry.number()) + " load " + entry.loadRef() + " "
                + entry.state() + (showAmounts ? " total " + money(entry.total()) + " " + entry.currency() : "")
                + " (account.move " + entry.odooId() + ")";
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "unknown" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The summary as text: one headline, then one line per invoice. */
    public String text() {
        Map<String, Integer> parked = parking.countByReason();
        StringBuilder answer = new StringBuilder("Summary: events accepted ").append(counters.getAccepted())
                .append(", duplicates ").append(counters.getDuplicates())
                .append(", rejected ").append(counters.getRejected())
                .append("; parked ").append(parked.values().stream().mapToInt(Integer::intValue).sum())
                .append(parked.isEmpty() ? "" : parked.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ", " (", ")")))
                .append("; invoices created ").append(ledger.getCreated())
                .append(", posted ").append(ledger.getPosted());
        Map<String, BigDecimal> byCurrency = new java.util.TreeMap<>();
        List<InvoiceLedger.Entry> entries = ledger.entries();
        entries.stream().limit(SHOWN_INVOICES).forEach(entry -> answer.append(System.lineSeparator())
                .append("  ").append(describe(entry)));
        if (entries.size() > SHOWN_INVOICES) {
            answer.append(System.lineSeparator()).append("  ... and ").append(entries.size() - SHOWN_INVOICES)
                    .append(" more invoice(s)");
        }
        entries.stream().filter(entry -> entry.total() != null)
                .forEach(entry -> byCurrency.merge(entry.currency(), entry.total(), BigDecimal::add));
        if (showAmounts && !byCurrency.isEmpty()) {
            answer.append(System.lineSeparator()).append("  invoiced in all: ").append(byCurrency.entrySet().stream()
                    .map(e -> money(e.getValue()) + " " + e.getKey())
                    .collect(Collectors.joining(", ")));
        }
        return answer.toString();
    }
}
