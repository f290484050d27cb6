package io.logisync.ingress;

import io.logisync.edi.Edi214Mapper;
import io.logisync.edi.Edi214Result;
import io.logisync.edi.SkippedStatus;
import java.util.ArrayList;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an X12 214 file from the inbox into milestone events, checked like any other event. */
public class EdiIntake {

    /** Header listing the statuses of the file that could not be read, for its report. */
    public static final String UNUSABLE_STATUSES = "LogisyncUnusableStatuses";

    private static final Logger LOG = LoggerFactory.getLogger(EdiIntake.class);
    /** StAEDI reports unused elements through java.util.logging at INFO; held here so the level sticks. */
    private static final java.util.logging.Logger STAEDI_LOG = java.util.logging.Logger.getLogger("io.xlate");

    static {
        STAEDI_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final EventIntake intake;
    private final Edi214Mapper mapper;

    public EdiIntake(EventIntake intake, String defaultTimeZone) {
        this.intake = intake;
        this.mapper = new Edi214Mapper(ZoneId.of(defaultTimeZone));
    }

    /**
     * Maps the file; an envelope or syntax error fails the file, which then goes to the error folder. A status that
     * could not be read (unknown code, bad date or time) fails the file too, once its readable statuses are applied,
     * so that a delivery is never dropped without a person seeing it.
     */
    public List<IncomingEvent> read(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Edi214Result result = mapper.map(exchange.getMessage().getBody(InputStream.class), fileName);
        List<String> unusable = new ArrayList<>();
        for (SkippedStatus skipped : result.skipped()) {
            if (skipped.unusable()) {
                unusable.add("set " + skipped.setControlNumber() + " LX " + skipped.lxNumber() + " load "
                        + skipped.loadRef() + " status '" + skipped.statusCode() + "': " + skipped.reason());
            } else {
                LOG.info("{}: set {} status {} of load {} is not a milestone: {}", fileName,
                        skipped.setControlNumber(), skipped.statusCode(), skipped.loadRef(), skipped.reason());
            }
        }
        exchange.getMessage().setHeader(UNUSABLE_STATUSES, unusable);
        return intake.check(result.events());
    }
}
