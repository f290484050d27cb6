package io.logisync.bench;

import io.logisync.odoo.sim.Latency;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Prints the benchmark's table: one column per run, the target beside each figure, and pass or fail. */
final class Report {

    private Report() {
    }

    /**
     * @param slots how many batches Odoo works on at once: its workers, or with no limit logisync's batch concurrency
     * @param batchSize the configured batch size, at which the ceiling is worked out
     */
    static void print(String model, Latency latency, int slots, int batchSize, List<PipelineBenchmark.Result> results) {
        PipelineBenchmark.Result batched = find(results, "batched");
        PipelineBenchmark.Result unbatched = find(results, "unbatched");
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nLatency model: %s%n", model));
        List<String> names = results.stream().map(r -> r.name().equals("naive") ? "naive (generic connector)"
                : "logisync " + r.name()).toList();
        String header = String.format(Locale.ROOT, "%-52s", "figure") + names.stream()
                .map(n -> String.format(Locale.ROOT, "%-27s", n)).reduce("", String::concat) + "target";
        out.append(header).append('\n').append("-".repeat(header.length() + 30)).append('\n');
        row(out, results, "shipments", r -> Long.toString(r.shipments()), "");
        row(out, results, "events sent", r -> Long.toString(r.eventsSent()), "");
        row(out, results, "  accepted (applied or parked)", r -> Long.toString(r.accepted()), "");
        row(out, results, "  of which parked", r -> Long.toString(r.parked()), "");
        row(out, results, "  rejected", r -> Long.toString(r.rejected()), "");
        String eventsTarget = batched == null ? ">= 2000" : ">= 2000: " + pass(batched.eventsPerSecond() >= 2000);
        row(out, results, "events/s (accepted, over the whole run)", r -> f1(r.eventsPerSecond()), eventsTarget);
        row(out, results, "  CPU an event, all threads of the JVM (ms) (4)", r -> f3(r.cpuMillisPerEvent()), "");
        row(out, results, "invoices posted", r -> Long.toString(r.invoicesPosted()), "one per shipment: "
                + (batched == null ? "" : pass(batched.invoicesPosted() == batched.shipments())));
        row(out, results, "vendor bills posted", r -> Long.toString(r.billsPosted()), "one per carrier bill: "
                + (batched == null ? "" : pass(batched.billsPosted() == batched.shipments())));
        row(out, results, "invoices/s (first POD sent to last posted)", r -> f2(r.invoicesPerSecond()), "");
        row(out, results, "moves/s (invoices + bills, to last bill answered)", r -> f2(r.movesPerSecond()), "");
        row(out, results, "  moves per account.move create (mean batch)", r -> f1(r.meanBatch()), "");
        if (latency != null && batched != null) {
            double batchMillis = latency.millisFor("account.move", "create", batchSize)
                    + latency.millisFor("account.move", "action_post", batchSize);
            double ceiling = slots * batchSize / (batchMillis / 1000.0);
            row(out, results, "  ceiling: " + slots + " x " + batchSize + " / (create + action_post of " + batchSize
                    + ")", r -> r == batched ? f2(ceiling) : "", "");
            // invoices and vendor bills take the same Odoo time a record: the ceiling holds for both together
            double ratio = batched.movesPerSecond() / ceiling;
            row(out, results, "  moves/s / ceiling", r -> r == batched ? f2(ratio) : "", ">= 0.9: "
                    + pass(ratio >= 0.9));
            row(out, results, "  invoices/s / ceiling (bills left out)", r -> r == batched
                    ? f2(batched.invoicesPerSecond() / ceiling) : "", "");
        }
        row(out, results, "POD -> posted p50 (ms)", r -> f0(r.podToPosted()[0]), "");
        row(out, results, "POD -> posted p95 (ms)", r -> f0(r.podToPosted()[1]), "");
        String p99Target = "";
        if (latency != null && batched != null && batched.meanBatch() > 0) {
            int b = (int) Math.round(batched.meanBatch());
            // one batch's Odoo time: the search, create and action_post of the batch, and the read back
            double odooMillis = 2 * latency.millisFor("account.move", "search_read", 0)
                    + latency.millisFor("account.move", "create", b) + latency.millisFor("account.move", "action_post", b);
            p99Target = String.format(Locale.ROOT, "< 2000 + %.0f Odoo: %s", odooMillis,
                    pass(batched.podToPosted()[2] < 2000 + odooMillis));
        }
        row(out, results, "POD -> posted p99 (ms)", r -> f0(r.podToPosted()[2]), p99Target);
        String callsTarget = (unbatched == null ? "" : "<= 2 unbatched: " + pass(perMove(unbatched,
                unbatched.moveCalls()) <= 2) + ", ") + (batched == null ? "" : "<= 0.1 batched: "
                + pass(perMove(batched, batched.moveCalls()) <= 0.1));
        row(out, results, "account.move calls per move made (2)", r -> f3(perMove(r, r.moveCalls())), callsTarget);
        row(out, results, "all Odoo calls per invoiced shipment (1)", r -> f3(perInvoice(r, r.allCalls())), "");
        row(out, results, "peak heap live after a collection (MB) (3)", r -> f0(r.peakLiveBytes() / 1048576.0),
                "< 512: " + (batched == null ? "" : pass(batched.peakLiveBytes() < 512L * 1024 * 1024)));
        row(out, results, "peak heap in use, garbage included (MB)", r -> f0(r.peakHeapBytes() / 1048576.0), "");
        out.append("(1) every call after the master data: the invoice, its POD attachment (one create an invoice one by one,")
                .append(" one a batch batched), the load's analytic account, the carrier bill's vendor bill, lookups;")
                .append(" and the naive connector's lookups for every event\n")
                .append("(2) every account.move call (search, create, action_post, read back) over the moves made:")
                .append(" customer invoices and vendor bills go through the same batcher, call for call; the")
                .append(" Statuses line breaks the calls down by model and method\n")
                .append("(3) the heap in use just after a collection, sampled every 200 ms: an upper bound (G1 updates")
                .append(" its old generation's figure only at its mixed collections); logisync, the Odoo simulator")
                .append(" (every record of the run) and the senders share the JVM\n")
                .append("(4) the CPU time of every thread of the JVM over the measured phase (logisync, the")
                .append(" simulator, the senders, the JIT compiler, the garbage collector) over the events accepted\n")
                .append("Statuses count the measured shipments' events, except those marked 'whole run', which")
                .append(" count the master data and the warm-up too\n");
        out.append("Statuses: ");
        for (PipelineBenchmark.Result r : results) {
            out.append(r.name()).append(' ').append(r.statuses()).append("; ");
        }
        out.append('\n');
        System.out.print(out);
        System.out.flush();
    }

    private static double perMove(PipelineBenchmark.Result r, long calls) {
        return r.movesPosted() == 0 ? Double.NaN : (double) calls / r.movesPosted();
    }

    private static double perInvoice(PipelineBenchmark.Result r, long calls) {
        return r.invoicesPosted() == 0 ? Double.NaN : (double) calls / r.invoicesPosted();
    }

    private static void row(StringBuilder out, List<PipelineBenchmark.Result> results, String label,
            Function<PipelineBenchmark.Result, String> value, String target) {
        List<String> cells = new ArrayList<>();
        results.forEach(r -> cells.add(String.format(Locale.ROOT, "%-27s", value.apply(r))));
        out.append(String.format(Locale.ROOT, "%-52s", label)).append(String.join("", cells)).append(target)
                .append('\n');
    }

    private static PipelineBenchmark.Result find(List<PipelineBenchmark.Result> results, String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static String pass(boolean ok) {
        return ok ? "pass" : "FAIL";
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
