package io.logisync.carrier;

import io.logisync.edi.At7StatusTable;
import io.logisync.edi.ChargeCodeTable;
import io.logisync.edi.EdiSyntaxException;
import io.logisync.edi.FunctionalAcknowledgement;
import io.logisync.edi.X12Document;
import io.logisync.edi.X12DocumentMapper;
import io.logisync.kamelet.IngestOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic of the carrier-edi-source Kamelet for one carrier: read an X12 file (214 statuses, 210 invoices) into
 * canonical events, write the 997 that acknowledges it, and decide where the file goes: the done folder, or the
 * parked folder beside a reason file when any part of it could not be taken. A file is never dropped.
 *
 * <p>Configured through its setters by the Kamelet; {@link #init()} loads the carrier's tables.
 */
public class CarrierEdiFiles {

    /** Header: where the consumer moves the file once it is handled, relative to the watched directory. */
    public static final String ARCHIVE_PATH = "LogisyncArchivePath";
    /** Header: the name of the file written next (the 997, or the reason file). */
    public static final String OUTPUT_NAME = "LogisyncOutputName";
    /** Exchange property: the 997 to send, when there is one. */
    public static final String ACKNOWLEDGEMENT = "LogisyncAcknowledgement";
    /** Exchange property: why the file is parked, when it is. */
    public static final String PARK_REASON = "LogisyncParkReason";
    static final String PROBLEMS = "LogisyncEdiProblems";
    static final String ARCHIVED = "LogisyncArchivedName";

    private static final Logger LOG = LoggerFactory.getLogger(CarrierEdiFiles.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");

    private String carrier;
    private String carrierCode;
    private String currency = "USD";
    private String timeZone = "UTC";
    private String statusCodes;
    private String chargeCodes;
    private String doneFolder = ".done";
    private String parkedFolder = ".parked";
    private EdiControlNumbers controlNumbers;
    private Clock clock = Clock.systemUTC();

    private X12DocumentMapper mapper;

    /** Loads the tables, the carrier's own entries over the bundled ones. */
    public void init() {
        if (carrier == null || !carrier.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("carrier-edi-source: carrier must be a lower-case code of letters,"
                    + " digits and '-', but was '" + carrier + "'");
        }
        At7StatusTable statuses = At7StatusTable.bundled();
        if (present(statusCodes)) {
            try (InputStream in = open(statusCodes)) {
                statuses = statuses.with(At7StatusTable.load(in));
            } catch (IOException e) {
                throw new UncheckedIOException("status code table " + statusCodes + " could not be read", e);
            }
        }
        ChargeCodeTable charges = ChargeCodeTable.bundled();
        if (present(chargeCodes)) {
            try (InputStream in = open(chargeCodes)) {
                charges = charges.with(ChargeCodeTable.load(in));
            } catch (IOException e) {
                throw new UncheckedIOException("charge code table " + chargeCodes + " could not be read", e);
            }
        }
        mapper = new X12DocumentMapper(new X12DocumentMapper.Settings(ZoneId.of(timeZone), statuses, charges,
                currency));
        LOG.info("Carrier {} EDI files ready: time zone {}, currency {}, status codes {}, charge codes {}", carrier,
                timeZone, currency, present(statusCodes) ? statusCodes : "bundled",
                present(chargeCodes) ? chargeCodes : "bundled");
    }

    /** The CloudEvents source of this carrier's EDI events. */
    public String source() {
        return "edi/" + carrier;
    }

    /**
     * Reads the file; the body becomes its events. A broken envelope or syntax gives no event: the file is answered
     * by a rejecting 997 and parked.
     */
    public List<?> read(Exchange exchange) {
        Message message = exchange.getMessage();
        String fileName = message.getHeader(Exchange.FILE_NAME_ONLY, message.getHeader(Exchange.FILE_NAME,
                "unnamed.edi", String.class), String.class);
        String archived = archivedName(fileName);
        message.setHeader(ARCHIVE_PATH, doneFolder + "/" + archived);
        exchange.setProperty(ARCHIVED, archived);
        List<String> problems = new ArrayList<>();
        exchange.setProperty(PROBLEMS, problems);
        ZonedDateTime now = ZonedDateTime.now(clock);
        try {
            X12Document document = mapper.map(message.getBody(InputStream.class), fileName, source(),
                    present(carrierCode) ? carrierCode.strip() : carrier);
            exchange.setProperty(ACKNOWLEDGEMENT, FunctionalAcknowledgement.of(document,
                    controlNumbers.forPartner(carrier), now));
            problems.addAll(document.problems());
            warnOfReusedControlNumbers(document, archived);
            return document.events();
        } catch (EdiSyntaxException broken) {
            problems.add(broken.getMessage());
            if (broken.isAcknowledgeable()) {
                exchange.setProperty(ACKNOWLEDGEMENT, FunctionalAcknowledgement.rejecting(broken,
                        controlNumbers.forPartner(carrier), now));
            } else {
                problems.add("no 997 was sent: the file broke before its ISA and first GS could be read");
            }
            return List.of();
        }
    }

    /**
     * One WARN per set whose control numbers (ISA13-GS06-ST02) were taken before for other content: the set's events
     * are new events (their ids carry the content digest), but the sender should not reuse control numbers.
     */
    private void warnOfReusedControlNumbers(X12Document document, String archived) {
        java.util.Set<String> checked = new java.util.HashSet<>();
        for (var event : document.events()) {
            String[] parts = event.path("id").asText().split("-");
            if (parts.length < 4) {
                continue;
            }
            String controlKey = parts[0] + "-" + parts[1] + "-" + parts[2];
            if (checked.add(controlKey) && controlNumbers.reusedForOtherContent(source(), controlKey, parts[3])) {
                LOG.warn("Carrier {} EDI file {}: control numbers {} (ISA13-GS06-ST02) were already used for a"
                        + " different transaction set; this one is taken as a new document (content digest {})",
                        carrier, archived, controlKey, parts[3]);
            }
        }
    }

    /**
     * Records what the ingress did with the events. When a set was refused, a status could not be read or an event
     * was rejected, the file is to be parked, with the reason in {@link #PARK_REASON}.
     */
    @SuppressWarnings("unchecked")
    public void taken(Exchange exchange) {
        List<String> problems = exchange.getProperty(PROBLEMS, List.class);
        IngestOutcome outcome = exchange.getMessage().getBody(IngestOutcome.class);
        String archived = exchange.getProperty(ARCHIVED, String.class);
        if (outcome != null) {
            problems.addAll(outcome.rejections());
            LOG.info("Carrier {} EDI file {}: {} event(s) accepted, {} duplicate(s), {} rejected", carrier, archived,
                    outcome.accepted(), outcome.duplicates(), outcome.rejected());
        }
        if (!problems.isEmpty()) {
            park(exchange, String.join("\n", problems));
        }
    }

    /** After an unexpected failure: no 997 (the sender may send the file again, safely), and the file is parked. */
    public void failed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        exchange.removeProperty(ACKNOWLEDGEMENT);
        park(exchange, "the file could not be processed, and no 997 was sent: " + (cause == null ? "unknown failure"
                : cause.getMessage()));
    }

    /** The body becomes the 997 and the output name its file name. */
    public void acknowledgementFile(Exchange exchange) {
        exchange.getMessage().setBody(exchange.getProperty(ACKNOWLEDGEMENT, String.class));
        exchange.getMessage().setHeader(OUTPUT_NAME, "997-" + exchange.getProperty(ARCHIVED, String.class));
    }

    /** The body becomes the reason the file was parked, and the output name the reason file's name. */
    public void reasonFile(Exchange exchange) {
        String archived = exchange.getProperty(ARCHIVED, String.class);
        exchange.getMessage().setBody(archived + " was parked; what is listed here was not taken:\n"
                + exchange.getProperty(PARK_REASON, String.class) + "\n");
        exchange.getMessage().setHeader(OUTPUT_NAME, archived + ".reason.txt");
    }

    // Known gap: a refused 210 is reported in the reason file only; no 824 application advice goes to the carrier.
    private void park(Exchange exchange, String reason) {
        String archived = exchange.getProperty(ARCHIVED, String.class);
        exchange.getMessage().setHeader(ARCHIVE_PATH, parkedFolder + "/" + archived);
        exchange.setProperty(PARK_REASON, reason);
        LOG.warn("Carrier {} EDI file parked as {}/{}: {}", carrier, parkedFolder, archived, reason);
    }

    private String archivedName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stamp = STAMP.format(ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC));
        return dot <= 0 ? fileName + "-" + stamp : fileName.substring(0, dot) + "-" + stamp + fileName.substring(dot);
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = CarrierEdiFiles.class.getClassLoader().getResourceAsStream(
                    location.substring("classpath:".length()).replaceFirst("^/", ""));
            if (in == null) {
                throw new IOException(location + " is not on the classpath");
            }
            return in;
        }
        return Files.newInputStream(Path.of(location.startsWith("file:") ? location.substring(5) : location));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }

    public void setCarrierCode(String carrierCode) {
        this.carrierCode = carrierCode;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public void setStatusCodes(String statusCodes) {
        this.statusCodes = statusCodes;
    }

    public void setChargeCodes(String chargeCodes) {
        this.chargeCodes = chargeCodes;
    }

    public void setDoneFolder(String doneFolder) {
        this.doneFolder = doneFolder;
    }

    public void setParkedFolder(String parkedFolder) {
        this.parkedFolder = parkedFolder;
    }

    public void setControlNumbers(EdiControlNumbers controlNumbers) {
        this.controlNumbers = controlNumbers;
    }
}
