package io.logisync.ingress;

import io.logisync.edi.SkippedStatus;
import io.logisync.edi.X12Document;
import io.logisync.edi.X12DocumentMapper;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an X12 file from the inbox (214 statuses, 210 invoices) into events, checked like any other event, through
 * the same mapper as the carrier-edi-source Kamelet.
 */
public class EdiIntake {

    /** Header listing what of the file could not be taken (unreadable statuses, refused sets), for its report. */
    public static final String UNUSABLE_STATUSES = "LogisyncUnusableStatuses";

    private static final Logger LOG = LoggerFactory.getLogger(EdiIntake.class);
    /** StAEDI reports unused elements through java.util.logging at INFO; held here so the level sticks. */
    private static final java.util.logging.Logger STAEDI_LOG = java.util.logging.Logger.getLogger("io.xlate");

    static {
        STAEDI_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final EventIntake intake;
    private final X12DocumentMapper mapper;

    public EdiIntake(EventIntake intake, ZoneId defaultTimeZone) {
        this.intake = intake;
        this.mapper = new X12DocumentMapper(X12DocumentMapper.Settings.of(defaultTimeZone));
    }

    /**
     * Maps the file; an envelope or syntax error fails the file, which then goes to the error folder. A status that
     * could not be read (unknown code, bad date or time) or a set that was refused (a 210 that does not add up) fails
     * the file too, once its readable parts are applied, so that nothing is dropped without a person seeing it.
     */
    public List<IncomingEvent> read(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        X12Document document = mapper.map(exchange.getMessage().getBody(InputStream.class), fileName, null, null);
        for (SkippedStatus skipped : document.skipped()) {
            if (!skipped.unusable()) {
                LOG.info("{}: set {} status {} of load {} is not a milestone: {}", fileName,
                        skipped.setControlNumber(), skipped.statusCode(), skipped.loadRef(), skipped.reason());
            }
        }
        exchange.getMessage().setHeader(UNUSABLE_STATUSES, document.problems());
        return intake.check(document.events());
    }
}
