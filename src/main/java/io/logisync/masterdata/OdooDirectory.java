package io.logisync.masterdata;

import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Looks up Odoo's reference records (countries, currencies) by their codes, once per run. */
public class OdooDirectory {

    private final OdooClient odoo;
    private final Map<String, Optional<Long>> countries = new ConcurrentHashMap<>();
    private final Map<String, Optional<Long>> currencies = new ConcurrentHashMap<>();

    public OdooDirectory(OdooClient odoo) {
        this.odoo = odoo;
    }

    /** The id of the country with this ISO 3166-1 alpha-2 code. */
    public Optional<Long> countryId(String isoCode) {
        return countries.computeIfAbsent(isoCode, code -> first("res.country", List.of(List.of("code", "=", code))));
    }

    /** The id of the active currency with this ISO 4217 code. */
    public Optional<Long> currencyId(String isoCode) {
        return currencies.computeIfAbsent(isoCode, code -> first("res.currency", List.of(List.of("name", "=", code))));
    }

    private Optional<Long> first(String model, List<?> domain) {
        List<OdooRecord> found = odoo.searchRead(model, domain, List.of("id"), 1, "id", OdooContext.DEFAULT);
        return found.stream().findFirst().map(OdooRecord::id);
    }
}
