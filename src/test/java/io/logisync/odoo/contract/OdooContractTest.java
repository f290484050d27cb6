package io.logisync.odoo.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.logisync.odoo.BatchResult;
import io.logisync.odoo.Commands;
import io.logisync.odoo.Many2one;
import io.logisync.odoo.OdooAuthenticationException;
import io.logisync.odoo.OdooBadRequestException;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.OdooMissingRecordException;
import io.logisync.odoo.OdooOutcomeUnknownException;
import io.logisync.odoo.OdooProtocol;
import io.logisync.odoo.OdooRecord;
import io.logisync.odoo.OdooValidationException;
import io.logisync.odoo.OdooValues;
import io.logisync.odoo.sim.OdooSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every transport must do alike, run per transport against the simulator and (the {@code RealOdoo} subclasses), when the
 * environment names one, a real Odoo 19 ({@link ContractOdoo}). Safe on a real database: every record it makes carries this run's suffix,
 * and it deletes nothing it did not make (it may leave records behind).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OdooContractTest {

    private static final long MISSING_ID = 2_147_480_000L;
    private static final long WIDE_ID = 3_000_000_000L;
    private static final List<String> PARTNER_FIELDS = List.of("name", "ref", "phone", "email", "parent_id",
            "country_id", "category_id", "create_date");
    private static final OdooContext ENGLISH = new OdooContext("en_US", null, null, null);

    private ContractOdoo odoo;
    private OdooClient client;
    private final String run = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
            .format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));

    /** The transport under contract. */
    protected abstract OdooProtocol protocol();

    /** The Odoo under contract; the simulator unless a subclass says otherwise. */
    protected ContractTarget target() {
        return ContractTarget.SIMULATOR;
    }

    /** False where Odoo cannot send integers above 2^31-1 (XML-RPC): wide ids then fail in a known way. */
    protected boolean carriesWideIntegers() {
        return true;
    }

    @BeforeAll
    void connect() {
        odoo = ContractOdoo.open(target(), protocol());
        client = odoo.client();
    }

    @AfterAll
    void disconnect() {
        if (odoo != null) {
            odoo.close();
        }
    }

    @Test
    void shouldAnswerOneIdForOneRecordAndOneIdPerRecordOfABatch() {
        List<Long> one = client.create("res.partner", List.of(partner("one")), null);
        List<Long> batch = client.create("res.partner", List.of(partner("first"), partner("second")), null);

        assertThat(one).hasSize(1);
        assertThat(batch).hasSize(2).doesNotHaveDuplicates().doesNotContainAnyElementsOf(one);
        assertThat(client.read("res.partner", batch, List.of("name"), null)).extracting(r -> r.getString("name"))
                .containsExactly(name("first"), name("second"));
    }

    @Test
    void shouldReadNothingForAMissingId() {
        assertThat(client.read("res.partner", List.of(MISSING_ID), List.of("name"), null)).isEmpty();
    }

    @Test
    void shouldRefuseWritingOrDeletingAMissingIdAsMissingRecord() {
        assertThat(catchThrowableOfType(OdooMissingRecordException.class, () -> client.write("res.partner",
                List.of(MISSING_ID), Map.of("name", name("ghost")), null)).isRetryable()).isFalse();
        assertThat(catchThrowableOfType(OdooMissingRecordException.class, () -> client.callOnRecords("res.partner",
                "unlink", List.of(MISSING_ID), null)).getMethod()).isEqualTo("unlink");
    }

    @Test
    void shouldReadMany2oneAsIdAndDisplayName() {
        long us = client.searchRead("res.country", List.of(List.of("code", "=", "US")), List.of("name"), 1, null,
                null).get(0).id();
        long parent = createPartner(Map.of("name", name("parent"), "is_company", true));
        long child = createPartner(Map.of("name", name("child"), "parent_id", parent, "country_id", us));

        OdooRecord read = readPartner(child);

        assertThat(read.getMany2one("parent_id")).isEqualTo(new Many2one(parent, name("parent")));
        assertThat(read.getMany2one("country_id")).isEqualTo(new Many2one(us, "United States"));
        assertThat(read.raw().get("parent_id")).isEqualTo(List.of(parent, name("parent")));
    }

    @Test
    void shouldReadEmptyValuesAsNullThroughTheRecordGetters() {
        OdooRecord read = readPartner(createPartner(Map.of("name", name("empty"))));

        assertThat(read.getString("phone")).isNull();
        assertThat(read.getString("email")).isNull();
        assertThat(read.getMany2one("parent_id")).isNull();
        assertThat(read.getIds("category_id")).isEmpty();
        // Odoo's empty is false on the wire, never null
        assertThat(read.raw().get("phone")).isEqualTo(false);
        assertThat(read.raw().get("parent_id")).isEqualTo(false);
    }

    @Test
    void shouldWriteNullAsFalse() {
        long id = createPartner(Map.of("name", name("null"), "phone", "+1 555 0100", "email", "ap@example.com"));
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("phone", null);
        cleared.put("email", null);

        client.write("res.partner", List.of(id), cleared, null);

        OdooRecord read = readPartner(id);
        assertThat(read.getString("phone")).isNull();
        assertThat(read.raw().get("email")).isEqualTo(false);
    }

    @Test
    void shouldReadDatetimesAsUtcTextWhateverTheContextZone() {
        long id = createPartner(Map.of("name", name("datetime")));
        OdooContext kiritimati = new OdooContext(null, "Pacific/Kiritimati", null, null);

        Object plain = readPartner(id).raw().get("create_date");
        Object zoned = client.read("res.partner", List.of(id), List.of("create_date"), kiritimati).get(0).raw()
                .get("create_date");

        assertThat(plain).asString().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(zoned).isEqualTo(plain);
        assertThat(Duration.between(OdooValues.parseDatetime(plain), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(10));
    }

    @Test
    void shouldSendADatetimeWithAnOffsetAsUtc() {
        long id = createPartner(Map.of("name", name("offset")));
        Instant created = OdooValues.parseDatetime(readPartner(id).raw().get("create_date"));
        ZoneOffset india = ZoneOffset.ofHoursMinutes(5, 30);
        // Odoo keeps fractions of a second in create_date, so a one-second window rather than equality
        List<Object> window = List.of(List.of("id", "=", id), List.of("create_date", ">=", created.atOffset(india)),
                List.of("create_date", "<", created.plusSeconds(1).atOffset(india)));
        String wallClock = OdooValues.DATETIME.withZone(india).format(created);

        assertThat(client.searchRead("res.partner", window, List.of("name"), null, null, null)).hasSize(1);
        // the same instant as local text without its offset would be 5:30 h late, and match nothing
        assertThat(client.searchRead("res.partner", List.of(List.of("id", "=", id), List.of("create_date", ">=",
                wallClock)), List.of("name"), null, null, null)).isEmpty();
    }

    @Test
    void shouldKeepADateAsGivenWhateverTheContextZone() {
        LocalDate date = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        OdooContext kiritimati = new OdooContext(null, "Pacific/Kiritimati", null, null);
        long customer = createPartner(Map.of("name", name("dated customer")));

        long invoice = client.create("account.move", List.of(Map.of("move_type", "out_invoice", "partner_id",
                customer, "invoice_date", date, "ref", ref("dated"))), kiritimati).get(0);

        Object read = client.read("account.move", List.of(invoice), List.of("invoice_date"), kiritimati).get(0).raw()
                .get("invoice_date");
        assertThat(read).isEqualTo(date.toString());
        assertThat(OdooValues.parseDate(read)).isEqualTo(date);
    }

    @Test
    void shouldComputeInvoiceTotalsAsOdooDoes() {
        long invoice = createInvoice("totals", line("Detention", 3, "12.40"), line("Accessorial", 1, "100.00"));

        OdooRecord read = client.read("account.move", List.of(invoice), List.of("amount_untaxed", "amount_tax",
                "amount_total", "invoice_line_ids", "state"), null).get(0);

        assertThat(read.getString("state")).isEqualTo("draft");
        assertThat(read.getIds("invoice_line_ids")).hasSize(2);
        assertThat(read.getDecimal("amount_untaxed")).isEqualByComparingTo("137.20");
        // 37.20 x 15 % = 5.58 and 100.00 x 15 % = 15.00
        assertThat(read.getDecimal("amount_tax")).isEqualByComparingTo("20.58");
        assertThat(read.getDecimal("amount_total")).isEqualByComparingTo("157.78");
        assertThat(client.read("account.move.line", read.getIds("invoice_line_ids"), List.of("price_subtotal"), null))
                .extracting(line -> line.getDecimal("price_subtotal").stripTrailingZeros().toPlainString())
                .containsExactly("37.2", "100");
    }

    @Test
    void shouldNameAnInvoiceWhenPostedAndThenRefuseNewLines() {
        long invoice = createInvoice("posted", line("Linehaul", 1, "250.00"));
        assertThat(readMove(invoice).getString("name")).isIn(null, "/");

        client.callOnRecords("account.move", "action_post", List.of(invoice), null);

        OdooRecord posted = readMove(invoice);
        assertThat(posted.getString("state")).isEqualTo("posted");
        assertThat(posted.getString("name")).isNotBlank().isNotEqualTo("/").contains("/");
        OdooValidationException refused = catchThrowableOfType(OdooValidationException.class, () -> client.write(
                "account.move", List.of(invoice), Map.of("invoice_line_ids", Commands.of(Commands.create(
                        line("Late fee", 1, "10.00")))), ENGLISH));
        assertThat(refused.getOdooMessage()).contains("readonly fields on a posted move").contains("invoice_line_ids");
        assertThat(refused.isRetryable()).isFalse();
        assertThat(readMove(invoice).getIds("invoice_line_ids")).hasSize(1);
    }

    @Test
    void shouldRefuseAnUnknownFieldAsBadRequestAndCreateNothing() {
        Map<String, Object> values = new LinkedHashMap<>(partner("unknown field"));
        values.put("x_no_such_field", 1);

        OdooBadRequestException error = catchThrowableOfType(OdooBadRequestException.class,
                () -> client.create("res.partner", List.of(values), null));

        assertThat(error.getOdooMessage()).contains("x_no_such_field");
        assertThat(error.isRetryable()).isFalse();
        assertThat(client.execute("res.partner", "search_count", Map.of("domain", List.of(List.of("ref", "=",
                ref("unknown field")))), null)).isEqualTo(0L);
    }

    @Test
    void shouldRefuseABadDomainOperatorAsBadRequest() {
        OdooBadRequestException error = catchThrowableOfType(OdooBadRequestException.class, () -> client.searchRead(
                "res.partner", List.of(List.of("name", "~~", "x")), List.of("name"), 1, null, null));

        assertThat(error.getOdooMessage()).contains("~~");
    }

    @Test
    void shouldRefuseWrongCredentialsAsAuthentication() {
        try (OdooClient wrong = odoo.clientWithSecret("wrong-secret-" + run)) {
            OdooAuthenticationException error = catchThrowableOfType(OdooAuthenticationException.class,
                    () -> wrong.execute("res.partner", "search_count", Map.of("domain", List.of()), null));

            assertThat(error.isRetryable()).isFalse();
            assertThat(error.getMessage()).doesNotContain("wrong-secret-");
        }
    }

    @Test
    void shouldCreateTheOthersAndReportTheIndexOfTheOneRefusedRecord() {
        Map<String, Object> nameless = Map.of("ref", ref("nameless"));

        List<BatchResult> results = client.createEach("res.partner", List.of(partner("batch a"), nameless,
                partner("batch c")), null);

        assertThat(results).extracting(BatchResult::index).containsExactly(0, 1, 2);
        assertThat(results).extracting(BatchResult::isCreated).containsExactly(true, false, true);
        assertThat(results.get(1).error()).isInstanceOf(OdooValidationException.class);
        assertThat(client.read("res.partner", List.of(results.get(0).id(), results.get(2).id()), List.of("name"),
                null)).extracting(r -> r.getString("name")).containsExactly(name("batch a"), name("batch c"));
    }

    @Test
    void shouldCarryIdsAboveTwoToTheThirtyFirst() {
        assumeTrue(odoo.isSimulator(), "ids above 2^31 cannot be produced on a real database: simulator only");
        OdooSimulator wide = OdooSimulator.start(0);
        wide.store().setNextId("res.partner", WIDE_ID);
        try (ContractOdoo run = ContractOdoo.simulated(wide, protocol())) {
            OdooClient wideClient = run.client();
            if (carriesWideIntegers()) {
                long id = wideClient.create("res.partner", List.of(partner("wide")), null).get(0);
                long child = wideClient.create("res.partner", List.of(Map.of("name", name("wide child"),
                        "parent_id", id)), null).get(0);

                assertThat(id).isEqualTo(WIDE_ID);
                assertThat(wideClient.read("res.partner", List.of(child), List.of("parent_id"), null).get(0)
                        .getMany2one("parent_id")).isEqualTo(new Many2one(WIDE_ID, name("wide")));
                assertThat(wideClient.searchRead("res.partner", List.of(List.of("id", "=", WIDE_ID)),
                        List.of("name"), null, null, null)).extracting(OdooRecord::id).containsExactly(WIDE_ID);
            } else {
                // Odoo's XML-RPC refuses to write the new id into its reply, after creating the record
                OdooOutcomeUnknownException lost = catchThrowableOfType(OdooOutcomeUnknownException.class,
                        () -> wideClient.create("res.partner", List.of(partner("wide")), null));

                assertThat(lost.getOdooName()).isEqualTo("builtins.OverflowError");
                assertThat(wideClient.execute("res.partner", "search_count", Map.of("domain", List.of(List.of(
                        "ref", "=", ref("wide")))), null)).isEqualTo(1L);
                // the request side carries <i8>: writing to the wide id works
                wideClient.write("res.partner", List.of(WIDE_ID), Map.of("name", name("wide renamed")), null);
                assertThat(catchThrowableOfType(OdooBadRequestException.class, () -> wideClient.read("res.partner",
                        List.of(WIDE_ID), List.of("name"), null)).getOdooName()).isEqualTo("builtins.OverflowError");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private String name(String tag) {
        return "Contract " + tag + " " + run;
    }

    private String ref(String tag) {
        return "CT-" + run + "-" + tag.replace(' ', '-');
    }

    private Map<String, Object> partner(String tag) {
        return Map.of("name", name(tag), "ref", ref(tag));
    }

    private long createPartner(Map<String, Object> values) {
        return client.create("res.partner", List.of(values), null).get(0);
    }

    private OdooRecord readPartner(long id) {
        return client.read("res.partner", List.of(id), PARTNER_FIELDS, null).get(0);
    }

    private OdooRecord readMove(long id) {
        return client.read("account.move", List.of(id), List.of("name", "state", "invoice_line_ids"), null).get(0);
    }

    private Map<String, Object> line(String label, int quantity, String price) {
        return Map.of("name", label + " " + run, "quantity", quantity, "price_unit", new java.math.BigDecimal(price),
                "tax_ids", Commands.of(Commands.set(List.of(salesTax15()))));
    }

    private Long salesTax;

    /** A 15 % sales tax excluded from the price, as the simulator seeds and Odoo's generic chart has. */
    private long salesTax15() {
        if (salesTax == null) {
            List<OdooRecord> taxes = client.searchRead("account.tax", List.of(List.of("type_tax_use", "=", "sale"),
                    List.of("amount_type", "=", "percent"), List.of("amount", "=", 15)), List.of("price_include"),
                    null, null, null);
            salesTax = taxes.stream().filter(tax -> !tax.getBoolean("price_include")).map(OdooRecord::id)
                    .findFirst().orElse(null);
            assumeTrue(salesTax != null, "no 15 % sales tax excluded from the price in this database");
        }
        return salesTax;
    }

    @SafeVarargs
    private long createInvoice(String tag, Map<String, Object>... lines) {
        long customer = createPartner(Map.of("name", name(tag + " customer")));
        return client.create("account.move", List.of(Map.of("move_type", "out_invoice", "partner_id", customer,
                "invoice_date", LocalDate.now(ZoneOffset.UTC), "ref", ref(tag), "invoice_line_ids",
                Commands.createAll(List.of(lines)))), null).get(0);
    }
}
