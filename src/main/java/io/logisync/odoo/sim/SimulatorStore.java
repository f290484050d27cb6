package io.logisync.odoo.sim;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** The simulator's in-memory, thread-safe database, for tests to seed and inspect without going through HTTP. */
public final class SimulatorStore {

    private final Orm orm;
    private final String adminLogin;

    SimulatorStore(Orm orm, String adminLogin) {
        this.orm = orm;
        this.adminLogin = adminLogin;
    }

    /** A store with the standard models and no records; {@link #seedDefaults()} fills it. */
    static SimulatorStore empty(String adminLogin, Clock clock) {
        ModelRegistry registry = new ModelRegistry();
        BaseModels.register(registry);
        registry.register(PartnerModel.definition());
        ProductModels.register(registry);
        AccountingModels.register(registry);
        MoveModels.register(registry);
        PaymentModels.register(registry);
        registry.register(AttachmentModel.definition());
        return new SimulatorStore(new Orm(registry, new RowStore(), clock), adminLogin);
    }

    Orm orm() {
        return orm;
    }

    /**
     * Creates a record as the API's {@code create} would (defaults, computed amounts, checks), without
     * authentication or call logging, and returns its id.
     *
     * @throws IllegalArgumentException with Odoo's error name and message when Odoo would refuse the values
     */
    public long insert(String model, Map<String, Object> vals) {
        requireModel(model);
        return run(() -> orm.create(adminEnv(), model, List.of(vals)).get(0));
    }

    /** Every record of the model, archived ones included, by id, each as {@code read} returns it with all fields. */
    public List<Map<String, Object>> records(String model) {
        ModelDef def = requireModel(model);
        return run(() -> orm.store().rows(model).stream().sorted(java.util.Comparator.comparing(Row::id))
                .map(row -> orm.readRow(def, row, List.copyOf(def.fields()), true)).toList());
    }

    /** One record as {@code read} returns it with all fields, or empty when it does not exist. */
    public Optional<Map<String, Object>> record(String model, long id) {
        requireModel(model);
        return run(() -> orm.read(adminEnv(), model, List.of(id), null, true).stream().findFirst());
    }

    /** How many records the model holds, archived ones included. */
    public int count(String model) {
        requireModel(model);
        return run(() -> orm.store().count(model));
    }

    /**
     * Seeds what a fresh Odoo database has: company, currencies (USD, EUR, CAD, GBP, MXN), countries, taxes
     * (15 % sale and purchase), payment terms, journals, accounts, and the logisync service products. Does nothing
     * when the store is already seeded.
     */
    public void seedDefaults() {
        run(() -> {
            if (!DefaultData.isSeeded(orm)) {
                DefaultData.seed(orm, adminLogin);
            }
            return null;
        });
    }

    /**
     * Adds a company as one set up with the generic chart of accounts: its partner, 15 % sale and purchase taxes,
     * and its customer invoice and vendor bill journals; the admin user may then work in it. Returns its id.
     *
     * @param currencyCode ISO code of the company's currency, one the simulator has (USD, EUR, CAD, GBP, MXN)
     */
    public long addCompany(String name, String currencyCode) {
        return run(() -> {
            Env env = adminEnv();
            List<Long> currency = orm.search(env, "res.currency", List.of(List.of("name", "=", currencyCode)), 0,
                    1L, null);
            if (currency.isEmpty()) {
                throw new IllegalArgumentException("the simulator has no currency " + currencyCode);
            }
            long company = orm.create(env, "res.company", List.of(Map.of("name", name, "currency_id",
                    currency.get(0)))).get(0);
            long partner = orm.create(env, "res.partner", List.of(Map.of("name", name, "is_company", true,
                    "company_id", company))).get(0);
            long sale = orm.create(env, "account.tax", List.of(Map.of("name", "15%", "type_tax_use", "sale",
                    "amount", 15.0, "description", "15%", "company_id", company))).get(0);
            long purchase = orm.create(env, "account.tax", List.of(Map.of("name", "15%", "type_tax_use",
                    "purchase", "amount", 15.0, "description", "15%", "company_id", company))).get(0);
            orm.rawWrite("res.company", company, Map.of("partner_id", partner, "account_sale_tax_id", sale,
                    "account_purchase_tax_id", purchase));
            orm.create(env, "account.journal", List.of(Map.of("name", "Customer Invoices", "code", "INV", "type",
                    "sale", "default_account_id", 3L, "sequence", 5L, "company_id", company)));
            orm.create(env, "account.journal", List.of(Map.of("name", "Vendor Bills", "code", "BILL", "type",
                    "purchase", "default_account_id", 4L, "sequence", 6L, "company_id", company)));
            Row admin = orm.row("res.users", Env.ADMIN);
            List<Long> companies = new java.util.ArrayList<>(admin.ids("company_ids"));
            companies.add(company);
            orm.rawWrite("res.users", Env.ADMIN, Map.of("company_ids", companies));
            return company;
        });
    }

    /** Drops every record and seeds the defaults again. */
    public void reset() {
        orm.store().clear();
        seedDefaults();
    }

    /** Makes the model's next ids start at {@code nextId}, e.g. above 2^31 to test wide ids. */
    public void setNextId(String model, long nextId) {
        requireModel(model);
        orm.store().setNextId(model, nextId);
    }

    /**
     * Records a payment on a posted invoice or bill: the amount due drops and the payment state follows
     * ({@code partial}, then {@code in_payment}, or {@code paid} once matched with a bank statement).
     */
    public void registerPayment(long moveId, double amount, boolean bankMatched) {
        run(() -> {
            MovePosting.registerPayment(orm, moveId, amount, bankMatched);
            return null;
        });
    }

    /** The names of the models the simulator knows. */
    public Set<String> models() {
        Set<String> names = new TreeSet<>();
        orm.registry().all().stream().filter(m -> !m.isInternal()).forEach(m -> names.add(m.name()));
        return names;
    }

    /** The clock for create/write dates and "today"; tests may freeze it. */
    public void setClock(Clock clock) {
        orm.setClock(clock);
    }

    private Env adminEnv() {
        return new Env(orm, Env.ADMIN, Map.of());
    }

    private ModelDef requireModel(String model) {
        ModelDef def = orm.registry().find(model);
        if (def == null) {
            throw new IllegalArgumentException("unknown model " + model);
        }
        return def;
    }

    private <T> T run(Supplier<T> work) {
        try {
            return orm.store().transaction(work);
        } catch (OdooError e) {
            throw new IllegalArgumentException(e.pythonName() + ": " + e.getMessage(), e);
        }
    }
}
