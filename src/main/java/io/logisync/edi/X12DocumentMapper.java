package io.logisync.edi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps X12 files from carriers to canonical CloudEvents: each AT7 status of a 214 to
 * {@code logistics.milestone.recorded.v1}, each 210 to {@code logistics.carrier.invoice.received.v1}. The inbox and
 * the carrier-edi-source Kamelet both read files through this one mapper.
 *
 * <p>A broken envelope or syntax raises {@link EdiSyntaxException} and nothing of the file is returned. A set of
 * another kind, or a 210 that cannot be booked, is refused on its own; the file's other sets still give events.
 * Thread-safe.
 */
public class X12DocumentMapper {

    /** The transaction sets this mapper reads: 214 shipment status and 210 freight invoice. */
    public static final Set<String> SUPPORTED = Set.of("214", "210");

    private static final Logger LOG = LoggerFactory.getLogger(X12DocumentMapper.class);

    private final StatusSetMapper statuses;
    private final InvoiceSetMapper invoices;
    private final Set<String> supported;

    /** Settings a carrier may change: the tables, the zone of local times and the currency of bills without C3. */
    public record Settings(ZoneId defaultZone, At7StatusTable statusTable, ChargeCodeTable chargeCodes,
            String defaultCurrency) {

        public Settings {
            Objects.requireNonNull(defaultZone, "defaultZone");
            Objects.requireNonNull(statusTable, "statusTable");
            Objects.requireNonNull(chargeCodes, "chargeCodes");
            Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        }

        /** The bundled tables, local times in {@code defaultZone}, bills in US dollars unless a C3 says otherwise. */
        public static Settings of(ZoneId defaultZone) {
            return new Settings(defaultZone, At7StatusTable.bundled(), ChargeCodeTable.bundled(), "USD");
        }

        /** These settings with charge codes added from properties text ({@code CODE=CHARGE_CODE} lines). */
        public Settings withChargeCodes(String properties) {
            try {
                ChargeCodeTable added = ChargeCodeTable.load(new java.io.ByteArrayInputStream(
                        properties.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return new Settings(defaultZone, statusTable, chargeCodes.with(added), defaultCurrency);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public X12DocumentMapper(Settings settings) {
        this(settings, SUPPORTED);
    }

    X12DocumentMapper(Settings settings, Set<String> supported) {
        this.statuses = new StatusSetMapper(settings.statusTable(), settings.defaultZone());
        this.invoices = new InvoiceSetMapper(settings.chargeCodes(), settings.defaultZone(),
                settings.defaultCurrency());
        this.supported = Set.copyOf(supported);
    }

    /**
     * Maps a file. {@code source} is the CloudEvents source, e.g. {@code edi/maple-express}, or null for
     * {@code edi/<ISA06>}; {@code carrierCode} names the carrier on its invoices, or null for the source's last part.
     */
    public X12Document map(InputStream x12, String fileName, String source, String carrierCode) {
        X12SetReader.X12File file = X12SetReader.readFile(readAll(x12), fileName);
        List<ObjectNode> events = new ArrayList<>();
        List<SkippedStatus> skipped = new ArrayList<>();
        List<RefusedSet> refused = new ArrayList<>();
        for (TransactionSet set : file.sets()) {
            String setSource = source != null ? source : sourceOf(set.envelope());
            if (!supported.contains(set.type())) {
                refused.add(new RefusedSet(set.controlNumber(), set.type(), "a " + set.type() + " (ST01) is not a"
                        + " transaction set logisync reads; it reads " + String.join(" and ", sorted()), true));
            } else if (set.type().equals("214")) {
                statuses.map(set, setSource, events, skipped);
            } else {
                String carrier = carrierCode != null ? carrierCode : setSource.substring(setSource.indexOf('/') + 1);
                try {
                    events.add(invoices.map(set, setSource, carrier));
                } catch (InvoiceSetMapper.Refusal refusal) {
                    refused.add(new RefusedSet(set.controlNumber(), set.type(), refusal.getMessage(), false,
                            refusal.elementError(set)));
                }
            }
        }
        LOG.info("{}: {} sets, {} events, {} statuses skipped, {} sets refused", fileName, file.sets().size(),
                events.size(), skipped.size(), refused.size());
        return new X12Document(events, skipped, refused, file.envelopes());
    }

    private List<String> sorted() {
        return supported.stream().sorted().toList();
    }

    /** {@code edi/} and the sender id, lowercased, with characters a URI-reference cannot carry turned into '-'. */
    static String sourceOf(TransactionSet.Envelope envelope) {
        String sender = envelope.interchangeSender().isEmpty() ? envelope.groupSender() : envelope.interchangeSender();
        String slug = sender.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._~-]+", "-").replaceAll("^-+|-+$", "");
        return "edi/" + (slug.isEmpty() ? "unknown" : slug);
    }

    private static byte[] readAll(InputStream x12) {
        try {
            return x12.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
