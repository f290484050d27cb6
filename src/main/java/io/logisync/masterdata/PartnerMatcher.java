package io.logisync.masterdata;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Odoo partners that records logisync has no binding for already stand for: a company partner whose
 * reference is the code, or whose tax id, normalised, is the record's. One search serves a whole batch. Archived
 * partners are found too, so that one is bound and reactivated rather than created a second time.
 */
class PartnerMatcher {

    /**
     * A partner found for a record, and by what; {@code rank} is the partner's rank in the record's role, and
     * {@code otherRank} its rank in the other role (a customer that is a vendor too, say).
     */
    record Match(long partnerId, String by, String partnerRef, long rank, long otherRank) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PartnerMatcher.class);
    static final String MODEL = "res.partner";

    private final OdooClient odoo;

    PartnerMatcher(OdooClient odoo) {
        this.odoo = odoo;
    }

    /**
     * The partner each record's code stands for, where Odoo has one; records without a match are left out. By code,
     * a record matches only a partner in its role (a customer one that is a customer or no vendor, a carrier one
     * that is a vendor or no customer), so a carrier never takes over a customer's partner by code alone. By tax id
     * it matches any company partner: one legal entity is one partner, a customer and a vendor at once; whether it
     * may be bound (it may belong to another code) is for the caller to decide.
     */
    Map<String, Match> match(PartnerKind kind, List<MasterRecord> records) {
        if (records.isEmpty()) {
            return Map.of();
        }
        Set<String> refs = new LinkedHashSet<>();
        Set<String> vats = new LinkedHashSet<>();
        for (MasterRecord record : records) {
            refs.add(record.code());
            if (record.text("taxId") != null) {
                vats.add(record.text("taxId"));
            }
        }
        // Known gap: a tax id typed in Odoo in another style than dispatch's (with spaces or dashes) is not matched.
        List<Object> domain = List.of(List.of("is_company", "=", true), List.of("active", "in", List.of(true, false)),
                "|", List.of("ref", "in", List.copyOf(refs)), List.of("vat", "in", List.copyOf(vats)));
        List<OdooRecord> found = odoo.searchReadAll(MODEL, domain, List.of("id", "ref", "vat", kind.rankField(),
                kind.otherRankField()), OdooContext.DEFAULT);
        Map<String, List<OdooRecord>> byRef = new HashMap<>();
        Map<String, List<OdooRecord>> byVat = new HashMap<>();
        for (OdooRecord partner : found) {
            String ref = partner.getString("ref");
            if (ref != null && (rank(partner, kind.rankField()) > 0 || rank(partner, kind.otherRankField()) == 0)) {
                byRef.computeIfAbsent(ref, r -> new ArrayList<>()).add(partner);
            }
            String vat = MasterRecordReader.normaliseTaxId(partner.getString("vat"));
            if (vat != null) {
                byVat.computeIfAbsent(vat, v -> new ArrayList<>()).add(partner);
            }
        }
        Map<String, Match> answer = new HashMap<>();
        for (MasterRecord record : records) {
            oldest(kind, record.code(), "reference", byRef.get(record.code()))
                    .or(() -> oldest(kind, record.code(), "tax id", byVat.get(record.text("taxId"))))
                    .ifPresent(match -> answer.put(record.code(), match));
        }
        return answer;
    }

    private static long rank(OdooRecord partner, String field) {
        Object rank = partner.raw().get(field);
        return rank instanceof Number n ? n.longValue() : 0L;
    }

    private static Optional<Match> oldest(PartnerKind kind, String code, String by, List<OdooRecord> partners) {
        if (partners == null || partners.isEmpty()) {
            return Optional.empty();
        }
        // the partner that already has the code (or none) comes first, then the oldest
        java.util.Comparator<OdooRecord> order = java.util.Comparator.comparingInt((OdooRecord p) ->
                p.getString("ref") == null || code.equals(p.getString("ref")) ? 0 : 1)
                .thenComparingLong(OdooRecord::id);
        OdooRecord first = partners.stream().min(order).orElseThrow();
        if (partners.size() > 1) {
            LOG.warn("Odoo has {} company partners with the {} of {} {}; it binds to the oldest, res.partner {}",
                    partners.size(), by, kind.bindingKind(), code, first.id());
        }
        return Optional.of(new Match(first.id(), by, first.getString("ref"), rank(first, kind.rankField()),
                rank(first, kind.otherRankField())));
    }
}
