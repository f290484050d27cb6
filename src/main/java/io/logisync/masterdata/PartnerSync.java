package io.logisync.masterdata;

import io.logisync.odoo.BatchResult;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooException;
import io.logisync.parking.ParkException;
import io.logisync.parking.ParkReasons;
import io.logisync.store.BindingStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Odoo's company partners in step with a batch of customers or carriers, with as few calls as it can: a
 * record whose hash matches its binding makes no call; records without a binding are looked up in Odoo together,
 * bound when a partner has their code or tax id, and created in batches otherwise; a changed record is written
 * the fields that changed, less those Odoo owns. Events and scheduled exports both come through here, one batch
 * at a time, so the two never create the same partner twice.
 */
public class PartnerSync {

    /** What became of one record. */
    public enum Action { CREATED, BOUND, WRITTEN, UNCHANGED, FAILED }

    /** The outcome of one record: its partner, or the error that stopped it (nothing of it was written then). */
    public record Outcome(MasterRecord record, Action action, Long partnerId, RuntimeException error) {

        public boolean failed() {
            return action == Action.FAILED;
        }
    }

    /** Meter counting changes from dispatch to fields Odoo owns, which are not written. */
    public static final String NOT_WRITTEN_METER = "masterdata.owned.changes.skipped";

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSync.class);
    private static final String MODEL = PartnerMatcher.MODEL;
    private static final List<String> BINDING_KINDS = java.util.Arrays.stream(PartnerKind.values())
            .map(PartnerKind::bindingKind).toList();
    /** What a carrier writes on a partner that is a customer's too: its vendor payment term (and its rank). */
    private static final List<String> VENDOR_ONLY_FIELDS = List.of("paymentTermCode");

    private final OdooClient odoo;
    private final BindingStore bindings;
    private final MasterSnapshots snapshots;
    private final PartnerValues values;
    private final FieldOwnership ownership;
    private final PartnerMatcher matcher;
    private final MeterRegistry meters;
    private final int batchSize;

    public PartnerSync(OdooClient odoo, BindingStore bindings, MasterSnapshots snapshots, PartnerValues values,
            FieldOwnership ownership, MeterRegistry meters, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("logisync.master-data.sync.batch-size must be at least 1, but was "
                    + batchSize);
        }
        this.odoo = odoo;
        this.bindings = bindings;
        this.snapshots = snapshots;
        this.values = values;
        this.ownership = ownership;
        this.matcher = new PartnerMatcher(odoo);
        this.meters = meters;
        this.batchSize = batchSize;
    }

    /**
     * Applies the records, in order; a code given twice keeps its last record. Odoo failures that may pass
     * (unavailable, rate limited) are thrown, so that the caller retries; records applied before stay applied.
     */
    public synchronized List<Outcome> apply(PartnerKind kind, List<MasterRecord> records) {
        Map<String, MasterRecord> byCode = new LinkedHashMap<>();
        records.forEach(record -> byCode.put(record.code(), record));
        Map<String, Outcome> outcomes = new HashMap<>();
        List<MasterRecord> unbound = new ArrayList<>();
        for (MasterRecord record : byCode.values()) {
            Optional<BindingStore.Binding> binding = bindings.find(kind.bindingKind(), record.code());
            if (binding.isEmpty()) {
                unbound.add(record);
            } else if (record.hash().equals(binding.get().contentHash())) {
                outcomes.put(record.code(), new Outcome(record, Action.UNCHANGED, binding.get().odooId(), null));
            } else {
                outcomes.put(record.code(), guarded(record, () -> {
                    values.check(record);
                    return update(record, binding.get().odooId(), null);
                }));
            }
        }
        for (int from = 0; from < unbound.size(); from += batchSize) {
            List<MasterRecord> chunk = unbound.subList(from, Math.min(unbound.size(), from + batchSize));
            bindOrCreate(kind, chunk, outcomes);
        }
        return byCode.keySet().stream().map(outcomes::get).toList();
    }

    private void bindOrCreate(PartnerKind kind, List<MasterRecord> chunk, Map<String, Outcome> outcomes) {
        List<MasterRecord> toCreate = new ArrayList<>();
        List<Map<String, Object>> createValues = new ArrayList<>();
        List<MasterRecord> sameTaxIdAsNew = new ArrayList<>();
        Map<String, MasterRecord> newByTaxId = new HashMap<>();
        List<MasterRecord> checked = new ArrayList<>();
        for (MasterRecord record : chunk) {
            try {
                values.check(record);
                checked.add(record);
            } catch (IllegalArgumentException e) {
                outcomes.put(record.code(), new Outcome(record, Action.FAILED, null, e));
            }
        }
        Map<String, PartnerMatcher.Match> matches = matcher.match(kind, checked);
        for (MasterRecord record : checked) {
            PartnerMatcher.Match match = matches.get(record.code());
            String taxId = record.text("taxId");
            if (match != null) {
                RuntimeException conflict = conflict(kind, record, match);
                outcomes.put(record.code(), conflict != null ? new Outcome(record, Action.FAILED, null, conflict)
                        : guarded(record, () -> update(record, match.partnerId(), match)));
            } else if (taxId != null && newByTaxId.containsKey(taxId)) {
                // a second code with the tax id of a partner this batch creates: it belongs to the first code
                sameTaxIdAsNew.add(record);
            } else {
                try {
                    createValues.add(values.forCreate(record));
                    toCreate.add(record);
                    if (taxId != null) {
                        newByTaxId.put(taxId, record);
                    }
                } catch (RuntimeException e) {
                    outcomes.put(record.code(), new Outcome(record, Action.FAILED, null, e));
                }
            }
        }
        List<BatchResult> created = odoo.createEach(MODEL, createValues, OdooContext.DEFAULT);
        for (BatchResult result : created) {
            MasterRecord record = toCreate.get(result.index());
            if (result.isCreated()) {
                remember(record, result.id());
                outcomes.put(record.code(), new Outcome(record, Action.CREATED, result.id(), null));
            } else {
                outcomes.put(record.code(), new Outcome(record, Action.FAILED, null, result.error()));
            }
        }
        if (!toCreate.isEmpty()) {
            long made = created.stream().filter(BatchResult::isCreated).count();
            LOG.info("{} new {} partner(s) created in Odoo, {} refused", made, kind.bindingKind(),
                    created.size() - made);
        }
        for (MasterRecord record : sameTaxIdAsNew) {
            Outcome first = outcomes.get(newByTaxId.get(record.text("taxId")).code());
            if (first.failed()) {
                outcomes.put(record.code(), new Outcome(record, Action.FAILED, null, first.error()));
            } else {
                outcomes.put(record.code(), new Outcome(record, Action.FAILED, null, taxIdConflict(record,
                        first.partnerId(), "was just created for " + kind.bindingKind() + " "
                        + first.record().code())));
            }
        }
    }

    /**
     * Why a partner found in Odoo must not be bound to the record, or null when it may: it belongs to another code,
     * by its own reference or by a binding of logisync's (as a customer or a carrier). Binding it would hand one
     * company's invoices, name and e-mail to another.
     */
    private RuntimeException conflict(PartnerKind kind, MasterRecord record, PartnerMatcher.Match match) {
        String owner = null;
        if (match.partnerRef() != null && !match.partnerRef().equals(record.code())) {
            owner = "whose reference is " + match.partnerRef();
        } else {
            for (BindingStore.Binding binding : bindings.boundTo(MODEL, match.partnerId(), BINDING_KINDS)) {
                if (!binding.externalRef().equals(record.code())) {
                    owner = "bound to " + binding.kind() + " " + binding.externalRef();
                    break;
                }
            }
        }
        if (owner == null) {
            return null;
        }
        if ("tax id".equals(match.by())) {
            return taxIdConflict(record, match.partnerId(), owner);
        }
        return new ParkException(ParkReasons.INVALID_DATA, null, kind.bindingKind() + " " + record.code()
                + " has the reference of res.partner " + match.partnerId() + ", " + owner + "; not bound and nothing"
                + " written: correct the partner in Odoo, then replay");
    }

    private static ParkException taxIdConflict(MasterRecord record, long partnerId, String owner) {
        String kind = record.kind().bindingKind();
        return new ParkException(ParkReasons.TAX_ID_CONFLICT, null, kind + " " + record.code() + " has tax id "
                + record.text("taxId") + ", the tax id of res.partner " + partnerId + ", " + owner + "; not bound"
                + " and nothing written: correct the tax id in dispatch, or the partner in Odoo, then replay");
    }

    /**
     * Writes what changed since the last record applied, less the fields Odoo owns; {@code match} is set when the
     * partner was just found in Odoo, and the binding is new.
     */
    private Outcome update(MasterRecord record, long partnerId, PartnerMatcher.Match match) {
        PartnerKind kind = record.kind();
        Optional<Map<String, Object>> previous = match == null ? snapshots.find(kind, record.code())
                : Optional.empty();
        List<String> writable = new ArrayList<>();
        for (String field : kind.fields()) {
            boolean changed = previous.isEmpty() || !Objects.equals(previous.get().get(field), record.get(field));
            if (!changed) {
                continue;
            }
            if (!ownership.odooOwns(kind, field)) {
                writable.add(field);
            } else if (previous.isPresent()) {
                notWritten(record, field, partnerId);
            }
        }
        if (kind == PartnerKind.CARRIER && customerToo(partnerId, match)) {
            // one partner, a customer and a vendor: the customer's record keeps what they share
            writable.retainAll(VENDOR_ONLY_FIELDS);
        }
        Map<String, Object> write = values.forFields(record, writable);
        if (match != null) {
            if (match.partnerRef() == null) {
                write.put("ref", record.code());
            }
            if (match.rank() == 0) {
                write.put(kind.rankField(), 1);
            }
        }
        if (!write.isEmpty()) {
            // Known gap: a bound partner deleted in Odoo is not created again; the record parks with Odoo's error.
            odoo.write(MODEL, List.of(partnerId), write, OdooContext.DEFAULT);
        }
        remember(record, partnerId);
        if (match != null) {
            LOG.info("{} {} bound by {} to res.partner {} that Odoo already had", kind.bindingKind(), record.code(),
                    match.by(), partnerId);
            return new Outcome(record, Action.BOUND, partnerId, null);
        }
        LOG.info("{} {} updated in Odoo res.partner {} ({})", kind.bindingKind(), record.code(), partnerId,
                write.isEmpty() ? "no field it owns changed" : String.join(", ", writable));
        return new Outcome(record, write.isEmpty() ? Action.UNCHANGED : Action.WRITTEN, partnerId, null);
    }

    /** True when the carrier's partner is a customer's too: a customer rank in Odoo, or bound to a customer. */
    // Known gap: later changes of a carrier on a customer partner that logisync never bound rewrite shared fields.
    private boolean customerToo(long partnerId, PartnerMatcher.Match match) {
        return match != null && match.otherRank() > 0 || !bindings.boundTo(MODEL, partnerId,
                List.of(PartnerKind.CUSTOMER.bindingKind())).isEmpty();
    }

    /** A change Odoo owns is counted each time and logged once: the snapshot then holds the new value. */
    private void notWritten(MasterRecord record, String field, long partnerId) {
        String kind = record.kind().bindingKind();
        Counter.builder(NOT_WRITTEN_METER).description("changes from dispatch to fields Odoo owns, not written")
                .tag("kind", kind).tag("field", field).register(meters).increment();
        LOG.info("{} {} changed {} in dispatch, but Odoo owns that field: res.partner {} keeps its own value", kind,
                record.code(), field, partnerId);
    }

    private void remember(MasterRecord record, long partnerId) {
        bindings.bind(record.kind().bindingKind(), record.code(), MODEL, partnerId, record.hash());
        snapshots.save(record);
    }

    private static Outcome guarded(MasterRecord record, java.util.function.Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (OdooException e) {
            if (e.isRetryable()) {
                throw e;
            }
            return new Outcome(record, Action.FAILED, null, e);
        } catch (RuntimeException e) {
            return new Outcome(record, Action.FAILED, null, e);
        }
    }
}
