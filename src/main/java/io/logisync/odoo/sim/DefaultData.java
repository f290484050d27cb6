package io.logisync.odoo.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records a fresh Odoo 19 database with accounting and the generic chart of accounts has (USD, 15 % taxes),
 * plus the freight service products logisync invoices with.
 */
final class DefaultData {

    static final long COMPANY = 1L;
    static final long CURRENCY_USD = 1L;
    static final long UOM_UNITS = 1L;
    static final long PRODUCT_CATEGORY_ALL = 1L;
    static final long ANALYTIC_PLAN = 1L;
    static final long TAX_SALE = 1L;
    static final long TAX_PURCHASE = 2L;
    static final long JOURNAL_SALE = 1L;
    static final long JOURNAL_PURCHASE = 2L;
    static final long JOURNAL_MISC = 3L;
    static final long PARTNER_ADMIN = 3L;

    /** The service products logisync bills with: default code and name. */
    static final Map<String, String> SERVICE_PRODUCTS = orderedPairs("LINEHAUL", "Linehaul", "FUEL",
            "Fuel surcharge", "DETENTION", "Detention", "WAITING", "Waiting time", "LAYOVER", "Layover", "LUMPER",
            "Lumper fee", "TONU", "Truck order not used", "REDELIVERY", "Redelivery", "SPECIAL_HANDLING",
            "Special handling", "STOP_OFF", "Stop-off", "CARRIER_COST", "Carrier freight cost",
            "CUSTOMS_CLEARANCE", "Customs clearance", "DISCOUNT", "Discount");

    private final Orm orm;
    private final Env env;

    private DefaultData(Orm orm) {
        this.orm = orm;
        this.env = new Env(orm, Env.SUPERUSER, Map.of());
    }

    static boolean isSeeded(Orm orm) {
        return orm.exists("res.company", COMPANY);
    }

    /** Seeds a store that has no company yet; callers run it inside a transaction. */
    static void seed(Orm orm, String adminLogin) {
        new DefaultData(orm).seedAll(adminLogin);
    }

    private void seedAll(String adminLogin) {
        currencies();
        countries();
        states();
        add("uom.uom", "name", "Units");
        for (String unit : List.of("Dozens", "kg", "Hours", "Days", "km", "mi")) {
            add("uom.uom", "name", unit);
        }
        add("product.category", "name", "All");
        add("res.company", "name", "YourCompany", "currency_id", CURRENCY_USD);
        add("res.partner", "name", "YourCompany", "is_company", true, "company_id", COMPANY, "country_id", 233L);
        add("res.partner", "name", "OdooBot", "active", false, "email", "odoobot@example.com");
        add("res.partner", "name", "Administrator", "email", "admin@yourcompany.example.com");
        orm.rawWrite("res.company", COMPANY, Map.of("partner_id", 1L, "country_id", 233L));
        add("res.users", "name", "OdooBot", "login", "__system__", "partner_id", 2L, "active", false);
        add("res.users", "name", "Administrator", "login", adminLogin, "partner_id", PARTNER_ADMIN,
                "email", "admin@yourcompany.example.com", "company_ids", List.of(COMPANY));
        accounts();
        add("account.tax", "name", "15%", "type_tax_use", "sale", "amount", 15.0, "description", "15%");
        add("account.tax", "name", "15%", "type_tax_use", "purchase", "amount", 15.0, "description", "15%");
        orm.rawWrite("res.company", COMPANY, Map.of("account_sale_tax_id", TAX_SALE,
                "account_purchase_tax_id", TAX_PURCHASE));
        paymentTerms();
        add("account.journal", "name", "Customer Invoices", "code", "INV", "type", "sale", "default_account_id", 3L,
                "sequence", 5L);
        add("account.journal", "name", "Vendor Bills", "code", "BILL", "type", "purchase", "default_account_id",
                4L, "sequence", 6L);
        add("account.journal", "name", "Miscellaneous Operations", "code", "MISC", "type", "general",
                "sequence", 7L);
        add("account.journal", "name", "Bank", "code", "BNK1", "type", "bank", "default_account_id", 7L,
                "sequence", 10L);
        add("account.analytic.plan", "name", "Projects");
        SERVICE_PRODUCTS.forEach((code, name) -> add("product.product", "name", name, "default_code", code,
                "type", "service", "list_price", 0.0, "standard_price", 0.0));
    }

    private void currencies() {
        add("res.currency", "name", "USD", "full_name", "United States dollar", "symbol", "$", "position", "before",
                "currency_unit_label", "Dollars", "currency_subunit_label", "Cents");
        add("res.currency", "name", "EUR", "full_name", "Euro", "symbol", "\u20ac", "position", "after",
                "currency_unit_label", "Euros", "currency_subunit_label", "Cents");
        add("res.currency", "name", "CAD", "full_name", "Canadian dollar", "symbol", "$", "position", "before",
                "currency_unit_label", "Dollars", "currency_subunit_label", "Cents");
        add("res.currency", "name", "GBP", "full_name", "Pound sterling", "symbol", "\u00a3", "position", "before",
                "currency_unit_label", "Pounds", "currency_subunit_label", "Pence");
        add("res.currency", "name", "MXN", "full_name", "Mexican peso", "symbol", "$", "position", "before",
                "currency_unit_label", "Pesos", "currency_subunit_label", "Centavos");
    }

    /** Countries keep the ids a real Odoo database gives them, so recorded ids such as 233 stay valid. */
    private void countries() {
        Object[][] countries = {
            {21L, "Belgium", "BE", 32L, 2L}, {38L, "Canada", "CA", 1L, 3L}, {57L, "Germany", "DE", 49L, 2L},
            {75L, "France", "FR", 33L, 2L}, {156L, "Mexico", "MX", 52L, 5L}, {165L, "Netherlands", "NL", 31L, 2L},
            {231L, "United Kingdom", "GB", 44L, 4L}, {233L, "United States", "US", 1L, CURRENCY_USD},
        };
        for (Object[] c : countries) {
            addWithId("res.country", (Long) c[0], pairs("name", c[1], "code", c[2], "phone_code", c[3],
                    "currency_id", c[4]));
        }
    }

    private void states() {
        String[][] states = {
            {"233", "AL", "Alabama"}, {"233", "CA", "California"}, {"233", "FL", "Florida"}, {"233", "GA", "Georgia"},
            {"233", "IL", "Illinois"}, {"233", "IN", "Indiana"}, {"233", "MI", "Michigan"},
            {"233", "NJ", "New Jersey"}, {"233", "NY", "New York"}, {"233", "OH", "Ohio"},
            {"233", "PA", "Pennsylvania"}, {"233", "TN", "Tennessee"}, {"233", "TX", "Texas"},
            {"233", "WA", "Washington"}, {"38", "AB", "Alberta"}, {"38", "BC", "British Columbia"},
            {"38", "ON", "Ontario"}, {"38", "QC", "Quebec"}, {"156", "JAL", "Jalisco"},
            {"156", "NLE", "Nuevo Le\u00f3n"},
        };
        for (String[] s : states) {
            add("res.country.state", "country_id", Long.parseLong(s[0]), "code", s[1], "name", s[2]);
        }
    }

    private void accounts() {
        add("account.account", "code", "121000", "name", "Account Receivable", "account_type", "asset_receivable",
                "reconcile", true);
        add("account.account", "code", "211000", "name", "Account Payable", "account_type", "liability_payable",
                "reconcile", true);
        add("account.account", "code", "400000", "name", "Product Sales", "account_type", "income");
        add("account.account", "code", "600000", "name", "Expenses", "account_type", "expense");
        add("account.account", "code", "251000", "name", "Tax Received", "account_type", "liability_current");
        add("account.account", "code", "131000", "name", "Tax Paid", "account_type", "asset_current");
        add("account.account", "code", "101401", "name", "Bank", "account_type", "asset_cash");
    }

    private void paymentTerms() {
        Object[][] terms = {{"Immediate Payment", 0L}, {"15 Days", 15L}, {"21 Days", 21L}, {"30 Days", 30L},
            {"45 Days", 45L}};
        long sequence = 1;
        for (Object[] term : terms) {
            Map<String, Object> line = new HashMap<>(pairs("value", "percent", "value_amount", 100.0, "nb_days",
                    term[1]));
            add("account.payment.term", "name", term[0], "sequence", sequence++, "line_ids",
                    List.of(List.of(0L, 0L, line)));
        }
    }

    private long add(String model, Object... keysAndValues) {
        return orm.create(env, model, List.of(pairs(keysAndValues))).get(0);
    }

    private void addWithId(String model, long id, Map<String, Object> vals) {
        long next = orm.store().rows(model).stream().mapToLong(Row::id).max().orElse(0) + 1;
        orm.store().setNextId(model, id);
        orm.create(env, model, List.of(vals));
        orm.store().setNextId(model, Math.max(next, id + 1));
    }

    private static Map<String, Object> pairs(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> orderedPairs(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
