package io.logisync.odoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Odoo context sent with a call: language, time zone, and the companies the call acts in. */
public record OdooContext(String lang, String tz, Long companyId, List<Long> allowedCompanyIds) {

    public static final OdooContext DEFAULT = new OdooContext(null, null, null, List.of());

    public OdooContext {
        allowedCompanyIds = allowedCompanyIds == null ? List.of() : List.copyOf(allowedCompanyIds);
    }

    /** The context as Odoo expects it on the wire; empty entries are left out. */
    public Map<String, Object> toWire() {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (lang != null) {
            answer.put("lang", lang);
        }
        if (tz != null) {
            answer.put("tz", tz);
        }
        if (!allowedCompanyIds.isEmpty()) {
            answer.put("allowed_company_ids", allowedCompanyIds);
        } else if (companyId != null) {
            answer.put("allowed_company_ids", List.of(companyId));
        }
        return answer;
    }

    /** This context with a single company (or back to the allowed companies when {@code company} is null). */
    public OdooContext withCompany(Long company) {
        return new OdooContext(lang, tz, company, company == null ? allowedCompanyIds : List.of(company));
    }

    /** This context, with each entry it leaves empty taken from {@code fallback}; the per-call context wins. */
    public OdooContext orElse(OdooContext fallback) {
        if (fallback == null) {
            return this;
        }
        boolean ownCompanies = companyId != null || !allowedCompanyIds.isEmpty();
        return new OdooContext(lang != null ? lang : fallback.lang(), tz != null ? tz : fallback.tz(),
                ownCompanies ? companyId : fallback.companyId(),
                ownCompanies ? allowedCompanyIds : fallback.allowedCompanyIds());
    }
}
