package io.logisync.ingress;

import io.logisync.edi.Edi214Mapper;
import io.logisync.edi.Edi214Result;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads an X12 214 file from the inbox into milestone events, checked like any other event. */
public class EdiIntake {

    private static final Logger LOG = LoggerFactory.getLogger(EdiIntake.class);

    private final EventIntake intake;
    private final Edi214Mapper mapper;

    public EdiIntake(EventIntake intake, String defaultTimeZone) {
        this.intake = intake;
        this.mapper = new Edi214Mapper(ZoneId.of(defaultTimeZone));
    }

    /** Maps the file; an envelope or syntax error fails the file, which then goes to the error folder. */
    public List<IncomingEvent> read(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        Edi214Result result = mapper.map(exchange.getMessage().getBody(InputStream.class), fileName);
        result.skipped().forEach(skipped -> LOG.info("{}: {} was not turned into a milestone", fileName, skipped));
        LOG.info("{}: {} milestone event(s) from X12 214, {} status(es) without a milestone", fileName,
                result.events().size(), result.skipped().size());
        return intake.check(result.events());
    }
}
