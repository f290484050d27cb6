package io.logisync.shipment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** What invoicing did since start: invoices created and posted, and the latest known state of each, for summaries. */
public class InvoiceLedger {

    /** The latest known state of one customer invoice. */
    public record Entry(String loadRef, long odooId, String number, String state, BigDecimal total, String currency) {
    }

    private final AtomicLong created = new AtomicLong();
    private final AtomicLong posted = new AtomicLong();
    private final Map<String, Entry> byLoad = new ConcurrentHashMap<>();
    private volatile Consumer<Entry> onPosted = entry -> { };

    /** Tells the consumer of each invoice the first time it is recorded as posted, e.g. to measure invoice lag. */
    public void onPosted(Consumer<Entry> consumer) {
        this.onPosted = consumer;
    }

    public void created() {
        created.incrementAndGet();
    }

    public void posted() {
        posted.incrementAndGet();
    }

    public void record(String loadRef, long odooId, String number, String state, BigDecimal total, String currency) {
        Entry entry = new Entry(loadRef, odooId, number, state, total, currency);
        Entry before = byLoad.put(loadRef, entry);
        if ("posted".equals(state) && (before == null || !"posted".equals(before.state()))) {
            onPosted.accept(entry);
        }
    }

    public long getCreated() {
        return created.get();
    }

    public long getPosted() {
        return posted.get();
    }

    public List<Entry> entries() {
        return byLoad.values().stream().sorted(java.util.Comparator.comparing(Entry::loadRef)).toList();
    }
}
