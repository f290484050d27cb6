package io.logisync.masterdata;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Looks up Odoo's reference records (countries, currencies, companies, payment terms) by their codes, once per run. */
public class OdooDirectory {

    private final OdooClient odoo;
    private final Map<String, Optional<Long>> countries = new ConcurrentHashMap<>();
    private final Map<String, Optional<Long>> currencies = new ConcurrentHashMap<>();
    private final Map<String, Optional<Long>> companies = new ConcurrentHashMap<>();
    private final Map<String, Optional<Long>> paymentTerms = new ConcurrentHashMap<>();

    public OdooDirectory(OdooClient odoo) {
        this.odoo = odoo;
    }

    /** The id of the country with this ISO 3166-1 alpha-2 code. */
    public Optional<Long> countryId(String isoCode) {
        return countries.computeIfAbsent(isoCode, code -> first("res.country", List.of(List.of("code", "=", code))));
    }

    /** The id of the active currency with this ISO 4217 code; a miss is looked up again, as finance may activate it. */
    public Optional<Long> currencyId(String isoCode) {
        return cachedHit(currencies, isoCode, "res.currency");
    }

    /** The id of the company with this name; a miss is looked up again next time, as a company may be added. */
    public Optional<Long> companyId(String name) {
        return cachedHit(companies, name, "res.company");
    }

    /** The id of the active payment term with this name; a miss is looked up again next time. */
    public Optional<Long> paymentTermId(String name) {
        return cachedHit(paymentTerms, name, "account.payment.term");
    }

    private Optional<Long> cachedHit(Map<String, Optional<Long>> cache, String name, String model) {
        Optional<Long> answer = cache.computeIfAbsent(name, n -> first(model, List.of(List.of("name", "=", n))));
        if (answer.isEmpty()) {
            cache.remove(name);
        }
        return answer;
    }

    private Optional<Long> first(String model, List<?> domain) {
        List<OdooRecord> found = odoo.searchRead(model, domain, List.of("id"), 1, "id", OdooContext.DEFAULT);
        return found.stream().findFirst().map(OdooRecord::id);
    }
}
