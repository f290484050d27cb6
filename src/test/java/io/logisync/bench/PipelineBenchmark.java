package io.logisync.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.logisync.Application;
import io.logisync.odoo.MeteredOdooClient;
import io.logisync.odoo.sim.Latency;
import io.logisync.odoo.sim.OdooSimulator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.net.URI;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Drives shipments through their whole life (master data, created, assigned, milestones, accessorial, POD, carrier
 * bill) through logisync's standalone pipeline (its HTTP door, the real routes, H2, the Odoo simulator on loopback)
 * under two latency models, and the same workload the naive way, and prints a table with the targets.
 *
 * <p>Run with {@code mvn -B -Pbench} (see the README); settings are system properties:
 * {@code bench.shipments} (10000), {@code bench.customers} (20), {@code bench.carriers} (100), {@code bench.senders}
 * (256), {@code bench.batch-size} (30), {@code bench.batch-timeout-ms} (200), {@code bench.batch-concurrency}
 * (the model's Odoo workers; {@code bench.flat-batch-concurrency}, 8, when the flat model has no worker limit),
 * {@code bench.flat-workers} (0: under the flat model the simulated Odoo works on any number of calls at once),
 * {@code bench.calibrated-workers} (2: under the calibrated model it works on two at once, as the 2-core Odoo the
 * model was measured on), {@code bench.rate} (shipments begun a second; 0, the default: as fast as the senders
 * go), {@code bench.models} ({@code flat,calibrated}), {@code bench.runs}
 * ({@code batched,unbatched,naive}); against a real Odoo: {@code bench.odoo.url}, {@code bench.odoo.db},
 * {@code bench.odoo.user} and {@code bench.odoo.api-key} (or the environment's {@code BENCH_ODOO_*}).
 */
public final class PipelineBenchmark {

    static final String TMS_KEY = "bench-tms-key-0001";
    /** Shipments under way at once: each sender waits for its answers, as a dispatch system's workers would. */
    static final int SENDERS = 256;

    private PipelineBenchmark() {
    }

    /** What one run measured. */
    record Result(String name, int shipments, long eventsSent, long accepted, long parked, long rejected,
            long invoicesPosted, long billsPosted, double seconds, double invoiceSeconds, double moveSeconds,
            double[] podToPosted, long invoiceCalls,
            long moveCalls, long allCalls, long createCalls, long peakHeapBytes, long peakLiveBytes, long cpuNanos,
            Map<String, Long> statuses) {

        /** The JVM's CPU time an accepted event (logisync, the simulator and the senders together), in ms. */
        double cpuMillisPerEvent() {
            return accepted == 0 ? Double.NaN : cpuNanos / 1e6 / accepted;
        }

        double eventsPerSecond() {
            return accepted / seconds;
        }

        double invoicesPerSecond() {
            return invoicesPosted / invoiceSeconds;
        }

        /** Customer invoices and vendor bills: the moves made in Odoo. */
        long movesPosted() {
            return invoicesPosted + billsPosted;
        }

        double movesPerSecond() {
            return movesPosted() / moveSeconds;
        }

        /** Moves per {@code account.move} create call: customer invoices and vendor bills share the batcher. */
        double meanBatch() {
            return createCalls == 0 ? 0 : (double) movesPosted() / createCalls;
        }
    }

    public static void main(String[] args) {
        // logisync's and the simulator's threads would keep the JVM (and Maven) waiting after the table, or a failure
        int status = 0;
        try {
            benchmark();
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }

    private static void benchmark() throws Exception {
        // the JDK HTTP server the simulator runs on closes idle connections beyond 200 (its default), which 256
        // senders' clients then find closed under them; read once, before the server's classes load
        System.setProperty("sun.net.httpserver.maxIdleConnections", System.getProperty(
                "sun.net.httpserver.maxIdleConnections", "4096"));
        // HttpURLConnection keeps 5 idle connections a host by default: each of the senders keeps one of its own
        System.setProperty("http.maxConnections", System.getProperty("http.maxConnections", "4096"));
        Configurator.setLevel("io.logisync", Level.ERROR);
        Configurator.setLevel("org.apache.camel", Level.WARN);
        Configurator.setLevel("com.zaxxer", Level.WARN);
        Configurator.setLevel("org.flywaydb", Level.WARN);
        Configurator.setLevel("org.quartz", Level.WARN);
        int shipments = Integer.getInteger("bench.shipments", 10_000);
        int flatWorkers = Integer.getInteger("bench.flat-workers", 0);
        int calibratedWorkers = Integer.getInteger("bench.calibrated-workers", 2);
        int batch = Integer.getInteger("bench.batch-size", 30);
        List<String> models = List.of(System.getProperty("bench.models", "flat,calibrated").split(","));
        List<String> runs = List.of(System.getProperty("bench.runs", "batched,unbatched,naive").split(","));
        String realUrl = setting("bench.odoo.url", "BENCH_ODOO_URL");

        double rate = offeredRate();
        System.out.printf(Locale.ROOT, "%nlogisync benchmark: %d shipments (%d events a shipment), %d senders, %s,"
                + " batch size %d, %d cores, max heap %d MB%n", shipments, Workload.EVENTS_PER_SHIPMENT,
                Integer.getInteger("bench.senders", SENDERS), rate > 0 ? String.format(Locale.ROOT,
                        "%.2f shipments begun a second", rate) : "each sender beginning its next shipment at once",
                batch, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        if (realUrl != null) {
            Target real = new Target(realUrl, setting("bench.odoo.db", "BENCH_ODOO_DB"),
                    setting("bench.odoo.user", "BENCH_ODOO_USER"), setting("bench.odoo.api-key", "BENCH_ODOO_API_KEY"),
                    null);
            List<Result> results = new ArrayList<>();
            for (String run : runs) {
                results.add(run(run, "real", real, shipments, batch, Integer.getInteger("bench.batch-concurrency", 2)));
            }
            Report.print("a real Odoo at " + realUrl, null, 0, batch, results);
            return;
        }
        for (String model : models) {
            int workers = model.trim().equals("flat") ? flatWorkers : calibratedWorkers;
            Latency latency = switch (model.trim()) {
                case "flat" -> Latency.flat(Long.getLong("bench.flat-ms", 20)).withWorkers(workers);
                case "calibrated" -> Latency.calibrated(Long.getLong("bench.other-call-ms", 20)).withWorkers(workers);
                default -> throw new IllegalArgumentException("bench.models: flat or calibrated, not " + model);
            };
            // as many batches in Odoo at once as it has workers; with no limit (flat), bench.flat-batch-concurrency
            int concurrency = Integer.getInteger("bench.batch-concurrency", workers > 0 ? workers
                    : Integer.getInteger("bench.flat-batch-concurrency", 8));
            List<Result> results = new ArrayList<>();
            for (String run : runs) {
                try (OdooSimulator odoo = OdooSimulator.builder().port(0).latency(latency).start()) {
                    Result result = run(run.trim(), model.trim(), new Target(odoo.url(), odoo.database(), odoo.login(),
                            odoo.apiKey(), odoo), shipments, batch, concurrency);
                    results.add(result);
                    System.out.printf(Locale.ROOT, "  %s: %.1f events/s (%.3f ms of CPU an event), %d invoices and"
                            + " %d vendor bills posted in %.0f s%n", result.name(), result.eventsPerSecond(),
                            result.cpuMillisPerEvent(), result.invoicesPosted(), result.billsPosted(),
                            result.seconds());
                } catch (Exception e) {
                    // one run that fails leaves the others' figures standing; it is named, with why
                    System.out.printf(Locale.ROOT, "  run %s under %s failed: %s%n", run.trim(), model, e);
                }
            }
            String description = model.equals("flat") ? "flat " + latency.fixedMillis() + " ms a call"
                    : "calibrated: account.move create 211 ms + 119 ms a move, its action_post 141 ms + 79 ms a"
                            + " move, every other call " + latency.fixedMillis() + " ms";
            // Odoo's workers set the ceiling (customer invoice and vendor bill batches share them); with no limit,
            // the batches logisync sends at once
            int slots = workers > 0 ? workers : concurrency;
            Report.print(description + (workers > 0 ? ", " + workers + " Odoo workers" : ", Odoo works on any number"
                    + " of calls at once") + "; logisync runs " + concurrency + " customer invoice batches and as many"
                    + " vendor bill batches at once", latency, slots,
                    batch, results);
        }
    }

    /**
     * Shipments begun a second ({@code bench.rate}; 0: each sender begins its next as soon as its last is done): an
     * offered load below what Odoo can take shows the latency of the pipeline rather than of a queue of senders.
     */
    static double offeredRate() {
        return Double.parseDouble(System.getProperty("bench.rate", "0"));
    }

    /** Where Odoo is. */
    record Target(String url, String database, String login, String apiKey, OdooSimulator simulator) {
    }

    static Result run(String kind, String latencyModel, Target odoo, int shipments, int batch, int concurrency)
            throws Exception {
        System.out.printf(Locale.ROOT, "  running %s ...%n", kind);
        Workload workload = new Workload(Long.toString(System.currentTimeMillis() % 100_000, 36), Integer.getInteger(
                "bench.customers", 20), Integer.getInteger("bench.carriers", 100));
        if (kind.equals("naive")) {
            try (NaiveConnector naive = new NaiveConnector(odoo)) {
                return drive(kind, latencyModel, workload, shipments, naive, naive::calls, naive::moveCalls,
                        naive::moveCalls, naive::createCalls, naive::postedInvoices, () -> 0);
            }
        }
        // bench.db-statistics=true: H2 counts each statement, printed after the run (where the database time goes)
        boolean dbStatistics = Boolean.getBoolean("bench.db-statistics");
        String db = "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                + (dbStatistics ? ";QUERY_STATISTICS=TRUE;QUERY_STATISTICS_MAX_ENTRIES=1000" : "");
        Path work = Files.createTempDirectory("logisync-bench");
        int port = freePort();
        int senders = Integer.getInteger("bench.senders", SENDERS);
        List<String> args = new ArrayList<>(List.of(
                "--logisync.odoo.url=" + odoo.url(), "--logisync.odoo.database=" + odoo.database(),
                "--logisync.odoo.user=" + odoo.login(), "--logisync.odoo.api-key=" + odoo.apiKey(),
                "--logisync.db.url=" + db, "--logisync.db.pool-size=" + (senders + 4),
                "--logisync.ordering.lock-pool-size=" + (senders + 4),
                "--logisync.inbox.dir=" + work.resolve("inbox"), "--logisync.carriers.dir=" + work.resolve("carriers"),
                "--logisync.ingress.api-keys=tms/main=" + TMS_KEY, "--logisync.ingress.rate-limit=0",
                "--logisync.invoicing.batch.size=" + (kind.equals("unbatched") ? 1 : batch),
                "--logisync.invoicing.batch.timeout-ms=" + Integer.getInteger("bench.batch-timeout-ms", 200),
                "--logisync.invoicing.batch.concurrency=" + concurrency,
                "--logisync.settlement.batch.concurrency=" + concurrency,
                // vendor bills batch like invoices; the one-by-one run makes them one by one too
                "--logisync.settlement.batch.size=" + (kind.equals("unbatched") ? 1 : batch),
                "--logisync.parking.sweep-delay-ms=3600000", "--logisync.metrics.refresh-ms=3600000",
                "--logisync.http.worker-threads=" + (senders + 8),
                "--camel.server.port=" + port, "--camel.management.port=" + freePort()));
        // more of logisync's settings, e.g. -Dbench.logisync-args=--logisync.analytic.batch.max-wait-ms=50
        for (String extra : System.getProperty("bench.logisync-args", "").split("\\s+")) {
            if (!extra.isBlank()) {
                args.add(extra);
            }
        }
        Main main = Application.create(args.toArray(String[]::new));
        main.start();
        try {
            MeterRegistry meters = main.getCamelContext().getRegistry().lookupByNameAndType(
                    MicrometerConstants.METRICS_REGISTRY_NAME, MeterRegistry.class);
            Sender sender = new HttpSender("http://127.0.0.1:" + port + "/api/v1/events");
            io.logisync.invoicing.MoveBatches batches = main.getCamelContext().getRegistry().lookupByNameAndType(
                    "customerInvoiceBatches", io.logisync.invoicing.MoveBatches.class);
            Result result = drive(kind, latencyModel, workload, shipments, sender, () -> calls(meters, null),
                    () -> calls(meters, "account.move"), () -> calls(meters, "account.move") + calls(meters,
                    "ir.attachment"), () -> createCalls(meters), () -> posted(db, "shipment", "invoice_state"),
                    () -> posted(db, "vendor_bill", "state"));
            if (!kind.equals("unbatched")) {
                // predicate: closed as an invoice joined it; force: closed by a slot freeing, the window, one leaving
                batches.batchesClosedBy().forEach((how, count) -> result.statuses().put(
                        "whole run: customer invoice batches closed by " + how, count));
                result.statuses().put("whole run: customer invoices through batches", batches.moves());
            }
            // every Odoo call of the run by model and method (master data included), to see where the calls go
            meters.find(MeteredOdooClient.CALLS).counters().forEach(c -> result.statuses().merge("whole run: calls "
                    + c.getId().getTag("model") + "." + c.getId().getTag("method"), (long) c.count(), Long::sum));
            if (dbStatistics) {
                printStatementStatistics(db, result.eventsSent());
            }
            return result;
        } finally {
            main.stop();
        }
    }

    interface Sender {
        /** Sends events in one request; returns each event's status ({@code accepted/applied} ...). */
        List<String> send(ArrayNode events) throws Exception;
    }

    interface Count {
        long get() throws Exception;
    }

    /**
     * Shipments sent before the measured ones ({@code bench.warmup}): by default 2,000 where the CPU sets the pace
     * (the flat model, a real Odoo), none under the calibrated model, where Odoo's time does and a warm-up would take
     * minutes.
     */
    static int warmupShipments(String latencyModel) {
        String set = System.getProperty("bench.warmup", "");
        return !set.isBlank() ? Integer.parseInt(set.trim()) : "calibrated".equals(latencyModel) ? 0 : 2000;
    }

    static Result drive(String kind, String latencyModel, Workload workload, int shipments, Sender sender,
            Count allCalls,
            Count moveCalls, Count invoiceCalls, Count createCalls, Count posted, Count bills) throws Exception {
        Map<String, Long> statuses = new ConcurrentHashMap<>();
        // in requests of at most 100 events: a thousand carriers in one would pass the door's body limit
        ArrayNode masterData = workload.masterData();
        for (int from = 0; from < masterData.size(); from += 100) {
            ArrayNode chunk = masterData.arrayNode();
            for (int i = from; i < Math.min(from + 100, masterData.size()); i++) {
                chunk.add(masterData.get(i));
            }
            for (String status : sender.send(chunk)) {
                statuses.merge("master data " + status, 1L, Long::sum);
            }
        }
        // the warm-up: shipments of their own (other load references), through the same logisync, not measured, so
        // that the figures are of a JVM whose code is compiled rather than of the JIT compiler's first minute
        int warmup = warmupShipments(latencyModel);
        if (warmup > 0) {
            Phase warm = new Phase(new ConcurrentHashMap<>());
            warm.send(workload.forWarmup(), Math.min(warmup, shipments), sender);
            System.out.printf(Locale.ROOT, "  warm-up: %d shipments in %.0f s, not measured%n",
                    Math.min(warmup, shipments), warm.seconds());
            statuses.put("warm-up shipments (not measured)", (long) Math.min(warmup, shipments));
        }
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long callsBefore = allCalls.get();
        long moveBefore = moveCalls.get();
        long invoiceBefore = invoiceCalls.get();
        long createBefore = createCalls.get();
        long postedBefore = posted.get();
        long billsBefore = bills.get();
        // the heap in use just after each collection (what is live), sampled: the raw peak is mostly garbage
        long[] live = {0};
        java.util.concurrent.ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> live[0] = Math.max(live[0], liveHeap()), 0, 200, TimeUnit.MILLISECONDS);
        Phase measured = new Phase(statuses);
        Profile profile = Profile.start(kind);
        long cpuBefore = processCpuNanos();
        measured.send(workload, shipments, sender);
        long cpu = processCpuNanos() - cpuBefore;
        profile.stop();
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        long peak = 0;
        for (MemoryPoolMXBean heapPool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (heapPool.getType() == MemoryType.HEAP) {
                peak += heapPool.getPeakUsage().getUsed();
            }
        }
        double[] pct = percentiles(measured.latencies, 50, 95, 99);
        return new Result(kind, shipments, measured.sent.sum(), measured.accepted.sum(), measured.parked.sum(),
                measured.rejected.sum(), posted.get() - postedBefore, bills.get() - billsBefore, measured.seconds(),
                (measured.lastPod - measured.firstPod) / 1e9,
                (Math.max(measured.lastPod, measured.lastMove) - measured.firstPod) / 1e9, pct,
                invoiceCalls.get() - invoiceBefore, moveCalls.get() - moveBefore, allCalls.get() - callsBefore,
                createCalls.get() - createBefore, peak, live[0], cpu, new LinkedHashMap<>(statuses));
    }

    /**
     * {@code bench.profile=<file>}: the measured phase's CPU samples (async-profiler, every 5 ms of CPU a thread, by
     * interval timer, so no perf events are needed), written as collapsed stacks, one file a run
     * ({@code <file>-<run>.txt}), for a flame graph or a grep of where the time goes.
     */
    private record Profile(one.profiler.AsyncProfiler profiler, Path file) {

        static Profile start(String run) throws IOException {
            String file = System.getProperty("bench.profile", "");
            if (file.isBlank()) {
                return new Profile(null, null);
            }
            one.profiler.AsyncProfiler profiler = one.profiler.AsyncProfiler.getInstance();
            profiler.execute("start,event=itimer,interval=5ms");
            return new Profile(profiler, Path.of(file + "-" + run + ".txt"));
        }

        void stop() throws IOException {
            if (profiler != null) {
                profiler.execute("stop");
                Files.writeString(file, profiler.dumpCollapsed(one.profiler.Counter.SAMPLES));
                System.out.printf(Locale.ROOT, "  CPU profile of the measured phase: %s%n", file);
            }
        }
    }

    /** Shipments sent by the senders, and what their answers said. */
    private static final class Phase {
        final Map<String, Long> statuses;
        final LongAdder sent = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder parked = new LongAdder();
        final LongAdder rejected = new LongAdder();
        final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long firstPod = Long.MAX_VALUE;
        long lastPod;
        long lastMove;
        long started;
        long ended;

        Phase(Map<String, Long> statuses) {
            this.statuses = statuses;
        }

        double seconds() {
            return (ended - started) / 1e9;
        }

        /** Each sender takes the next shipment and sends its life in three requests, waiting for each answer. */
        void send(Workload workload, int shipments, Sender sender) throws Exception {
            int senders = Integer.getInteger("bench.senders", SENDERS);
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            double rate = offeredRate();
            started = System.nanoTime();
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                futures.add(pool.submit(() -> {
                    for (int s = next.getAndIncrement(); s < shipments; s = next.getAndIncrement()) {
                        if (rate > 0) {
                            long due = started + (long) (s * 1e9 / rate) - System.nanoTime();
                            if (due > 0) {
                                TimeUnit.NANOSECONDS.sleep(due);
                            }
                        }
                        count(sender.send(workload.beforePod(s)));
                        long podSent = System.nanoTime();
                        count(sender.send(workload.pod(s)));
                        long podDone = System.nanoTime();
                        latencies.add(podDone - podSent);
                        count(sender.send(workload.carrierBill(s)));
                        long billDone = System.nanoTime();
                        synchronized (this) {
                            firstPod = Math.min(firstPod, podSent);
                            lastPod = Math.max(lastPod, podDone);
                            lastMove = Math.max(lastMove, billDone);
                        }
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            ended = System.nanoTime();
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }

        private void count(List<String> outcomes) {
            for (String outcome : outcomes) {
                sent.increment();
                statuses.merge(outcome, 1L, Long::sum);
                if (outcome.startsWith("rejected")) {
                    rejected.increment();
                } else {
                    accepted.increment();
                    if (outcome.contains("parked")) {
                        parked.increment();
                    }
                }
            }
        }
    }

    /** CPU time of the whole JVM so far: every thread of logisync, the simulator and the senders. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long liveHeap() {
        long used = 0;
        for (MemoryPoolMXBean heapPool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (heapPool.getType() == MemoryType.HEAP && heapPool.getCollectionUsage() != null) {
                used += heapPool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }

    static double[] percentiles(List<Long> nanos, int... ps) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double[] answer = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            if (sorted.isEmpty()) {
                continue;
            }
            int index = (int) Math.ceil(ps[i] / 100.0 * sorted.size()) - 1;
            answer[i] = sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
        }
        return answer;
    }

    private static long calls(MeterRegistry meters, String model) {
        var search = meters.find(MeteredOdooClient.CALLS);
        if (model != null) {
            search = search.tag("model", model);
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private static long createCalls(MeterRegistry meters) {
        return (long) meters.find(MeteredOdooClient.CALLS).tag("model", "account.move").tag("method", "create")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The statements of the run by their total time, with how often each ran an event sent. */
    private static void printStatementStatistics(String db, long events) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "sa", "");
                ResultSet r = c.createStatement().executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT,"
                        + " CUMULATIVE_EXECUTION_TIME FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                        + " ORDER BY CUMULATIVE_EXECUTION_TIME DESC")) {
            System.out.printf(Locale.ROOT, "  statements (per event sent, total ms):%n");
            long all = 0;
            double allMs = 0;
            while (r.next()) {
                all += r.getLong(2);
                allMs += r.getDouble(3);
                System.out.printf(Locale.ROOT, "  %8.3f %9.0f  %s%n", r.getLong(2) / (double) events, r.getDouble(3),
                        r.getString(1).replaceAll("\\s+", " "));
            }
            System.out.printf(Locale.ROOT, "  %8.3f %9.0f  all statements%n", all / (double) events, allMs);
        }
    }

    /** Rows of a table of logisync's whose Odoo state is posted (shipments invoiced, vendor bills made). */
    private static long posted(String db, String table, String column) throws Exception {
        try (Connection c = DriverManager.getConnection(db, "sa", "");
                ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table + " WHERE " + column
                        + " = 'posted'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Posts events to logisync's HTTP door and reads each event's status and outcome from the answer. Each sender
     * thread keeps its own keep-alive connection (HttpURLConnection's cache, sized by {@code http.maxConnections}): a
     * load generator that costs little CPU of its own leaves the two cores to what is measured (the JDK's HttpClient
     * took an eighth of them here, handing each request between its threads).
     */
    static final class HttpSender implements Sender {
        private final URL url;

        HttpSender(String url) throws IOException {
            this.url = URI.create(url).toURL();
        }

        @Override
        public List<String> send(ArrayNode events) throws Exception {
            byte[] body = Workload.MAPPER.writeValueAsBytes(events);
            HttpURLConnection http = (HttpURLConnection) url.openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setConnectTimeout(5_000);
            http.setReadTimeout((int) Duration.ofMinutes(10).toMillis());
            http.setFixedLengthStreamingMode(body.length);
            http.setRequestProperty("Content-Type", "application/json");
            http.setRequestProperty("Authorization", "Bearer " + TMS_KEY);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            List<String> answer = new ArrayList<>();
            // the body is read to its end either way, so that the connection goes back to the keep-alive cache
            try (InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream()) {
                byte[] read = in == null ? new byte[0] : in.readAllBytes();
                if (status != 200) {
                    for (int i = 0; i < events.size(); i++) {
                        answer.add("rejected (HTTP " + status + ")");
                    }
                    return answer;
                }
                collect(Workload.MAPPER.readTree(read), answer);
            }
            return answer;
        }

        private static void collect(JsonNode node, List<String> answer) {
            if (node.isObject() && node.has("status") && node.has("index")) {
                String status = node.path("status").asText();
                answer.add(status.equals("rejected") ? "rejected" : status + (node.has("outcome") ? "/"
                        + node.path("outcome").asText() : ""));
                return;
            }
            node.forEach(child -> collect(child, answer));
        }
    }

    static String setting(String property, String env) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
