package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.carrier;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.contract;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.event;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static io.logisync.support.Events.shipmentPickedUp;
import static io.logisync.support.Events.unpriced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.logisync.odoo.OdooClient;
import io.logisync.odoo.OdooContext;
import io.logisync.odoo.sim.SimulatorCall;
import io.logisync.support.LogCapture;
import io.logisync.support.LogisyncHarness;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterDataRouteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Quartz cron, seconds first: every second, so a dropped export is taken at once. */
    private static final String EVERY_SECOND = "0/1 * * * * ?";

    @TempDir
    Path work;

    private LogisyncHarness logisync;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start(
                "--logisync.master-data.sync.file.dir=" + work.resolve("exports"),
                "--logisync.master-data.sync.file.cron=" + EVERY_SECOND,
                "--logisync.charge-mapping-file.dir=" + work.resolve("config"),
                "--logisync.charge-mapping-file.poll-ms=200");
    }

    @AfterEach
    void stop() throws Exception {
        logisync.close();
    }

    @Test
    void shouldCreateACompanyPartnerWithTheCustomerCodeAsReference() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        Map<String, Object> partner = partner("ACME");
        assertThat(partner.get("name")).isEqualTo("Acme Retail Inc.");
        assertThat(partner.get("is_company")).isEqualTo(true);
        assertThat(partner.get("vat")).isEqualTo("US123456789");
        assertThat(partner.get("email")).isEqualTo("ap@example.com");
        assertThat(partner.get("city")).isEqualTo("Detroit");
        assertThat(((List<?>) partner.get("country_id")).get(1)).isEqualTo("United States");
        assertThat(partner.get("customer_rank")).isEqualTo(1L);
    }

    @Test
    void shouldLeaveTheCustomerRankThatOdooCountedWhenItUpdatesAPartner() throws Exception {
        long existing = logisync.odoo().store().insert("res.partner",
                Map.of("name", "Acme", "ref", "ACME", "is_company", true, "customer_rank", 7));

        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        assertThat(partner("ACME")).containsEntry("id", existing).containsEntry("customer_rank", 7L)
                .containsEntry("name", "Acme Retail Inc.");
    }

    @Test
    void shouldMakeNoOdooCallForACustomerThatDidNotChange() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        int callsBefore = logisync.odoo().calls().size();

        logisync.send(customer("c-2", "ACME", "Acme Retail Inc."));

        assertThat(logisync.odoo().calls()).hasSize(callsBefore);
    }

    @Test
    void shouldWriteAChangedCustomerToTheSamePartner() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        logisync.send(customer("c-2", "ACME", "Acme Retail Holdings Inc."));

        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).singleElement()
                .satisfies(p -> assertThat(p.get("name")).isEqualTo("Acme Retail Holdings Inc."));
    }

    @Test
    void shouldBindToAPartnerThatOdooAlreadyHas() throws Exception {
        long existing = logisync.odoo().store().insert("res.partner",
                Map.of("name", "ACME (keyed in by finance)", "ref", "ACME", "is_company", true));

        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).singleElement()
                .satisfies(p -> assertThat(((Number) p.get("id")).longValue()).isEqualTo(existing));
    }

    @Test
    void shouldParkShipmentsOfAnUnknownCustomerAndReplayThemInOrderWhenItArrives() throws Exception {
        JsonNode parked = logisync.send(array(
                shipment("s-1", "L-200", "LATE", charge("LINEHAUL", "1", "950.00")),
                shipment("s-2", "L-200", "LATE", charge("LINEHAUL", "1", "975.00"))));

        assertThat(parked.at("/results/0/reason").asText()).isEqualTo("AWAITING_CUSTOMER");
        assertThat(parked.at("/results/1/reason").asText()).isEqualTo("AWAITING_CUSTOMER");
        assertThat(logisync.db().queryForList("SELECT waiting_for FROM parked_message ORDER BY id", String.class))
                .containsExactly("customer:LATE", "customer:LATE");

        logisync.send(customer("c-1", "LATE", "Great Lakes Foods Co."));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                logisync.db().queryForList("SELECT status FROM parked_message ORDER BY id", String.class))
                .containsExactly("REPLAYED", "REPLAYED"));
        logisync.send(array(delivered("m-1", "L-200", "2026-11-03T16:20:00-05:00"), pod("p-1", "L-200")));
        // the later correction (975.00) was replayed last, so it is what the customer is billed
        assertThat(logisync.records("account.move")).singleElement()
                .satisfies(m -> assertThat(m.get("ref")).isEqualTo("L-200"))
                .satisfies(m -> assertThat(m.get("state")).isEqualTo("posted"))
                .satisfies(m -> assertThat(ShipmentExecutionRouteTest.decimal(m.get("amount_untaxed")))
                        .isEqualByComparingTo("975.00"));
    }

    @Test
    void shouldReplayAParkedShipmentIntoAnInvoiceWhenItsCustomerArrives() throws Exception {
        logisync.send(array(shipment("s-1", "L-201", "LATE", charge("LINEHAUL", "1", "950.00")),
                delivered("m-1", "L-201", "2026-11-03T16:20:00-05:00"), pod("p-1", "L-201")));
        assertThat(logisync.records("account.move")).isEmpty();

        logisync.send(customer("c-1", "LATE", "Great Lakes Foods Co."));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.records("account.move"))
                .singleElement().satisfies(m -> assertThat(m.get("state")).isEqualTo("posted")));
    }

    @Test
    void shouldSyncAThousandCustomersInBatchesThenWriteOnlyTheHundredThatChanged() throws Exception {
        List<Map<String, Object>> customers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            customers.add(customerData(String.format("C-%04d", i), "Customer " + i));
        }
        exportFile(Map.of("exportId", "full-1", "customers", customers));

        await().atMost(Duration.ofSeconds(60)).until(() -> exportsDone() == 1);

        // 1000 new customers in batches of 100 (logisync.master-data.sync.batch-size): 10 create calls
        List<SimulatorCall> firstRun = partnerCalls();
        assertThat(firstRun).filteredOn(c -> c.method().equals("create")).hasSize(10)
                .allSatisfy(c -> assertThat(c.records()).isEqualTo(100));
        assertThat(firstRun).filteredOn(c -> c.method().equals("write")).isEmpty();
        assertThat(logisync.records("res.partner")).filteredOn(p -> String.valueOf(p.get("ref")).startsWith("C-"))
                .hasSize(1000);

        logisync.odoo().clearCalls();
        for (int i = 0; i < 1000; i += 10) {
            customers.set(i, customerData(String.format("C-%04d", i), "Customer " + i + " Holdings"));
        }
        exportFile(Map.of("exportId", "full-2", "customers", customers));
        await().atMost(Duration.ofSeconds(60)).until(() -> exportsDone() == 2);

        // every tenth customer changed its name: 100 writes, and the 900 unchanged ones make no call at all
        assertThat(logisync.odoo().calls()).hasSize(100)
                .allSatisfy(c -> assertThat(c.model() + "." + c.method()).isEqualTo("res.partner.write"));
        assertThat(partner("C-0010").get("name")).isEqualTo("Customer 10 Holdings");
        assertThat(partner("C-0011").get("name")).isEqualTo("Customer 11");
    }

    @Test
    void shouldLeaveAFieldOdooOwnsAloneAndCountTheChangeOnce() throws Exception {
        logisync.send(customerWith("c-1", "ACME", "Acme Retail Inc.", "NET30"));
        long partnerId = ((Number) partner("ACME").get("id")).longValue();
        assertThat(termName(partner("ACME"))).isEqualTo("30 Days");
        // finance agrees 45 days with the customer, in Odoo, which owns payment terms by default
        long days45 = logisync.odoo().store().records("account.payment.term").stream()
                .filter(t -> "45 Days".equals(t.get("name"))).map(t -> ((Number) t.get("id")).longValue())
                .findFirst().orElseThrow();
        logisync.bean("odooClient", OdooClient.class).write("res.partner", List.of(partnerId),
                Map.of("property_payment_term_id", days45), OdooContext.DEFAULT);

        logisync.send(customerWith("c-2", "ACME", "Acme Retail Holdings Inc.", "NET15"));
        logisync.send(customerWith("c-3", "ACME", "Acme Retail Holdings Inc.", "NET15"));

        assertThat(partner("ACME").get("name")).isEqualTo("Acme Retail Holdings Inc.");
        assertThat(termName(partner("ACME"))).isEqualTo("45 Days");
        assertThat(logisync.management("/observe/metrics").body())
                .contains("masterdata_owned_changes_skipped_total{field=\"paymentTermCode\",kind=\"customer\"} 1.0");
    }

    @Test
    void shouldBindACustomerWhoseTaxIdOdooAlreadyHasInsteadOfCreatingIt() throws Exception {
        long existing = logisync.odoo().store().insert("res.partner",
                Map.of("name", "New Co (keyed in by finance)", "vat", "US123456789", "is_company", true));
        int partnersBefore = logisync.odoo().store().count("res.partner");

        logisync.send(event("c-1", "customer.upserted", "NEWCO", Map.of("code", "NEWCO", "name", "New Co",
                "taxId", "us 12.345.6789", "address", Map.of("street", "1 Main St", "city", "Toledo",
                        "country", "US"))));

        assertThat(logisync.odoo().store().count("res.partner")).isEqualTo(partnersBefore);
        assertThat(partnerCalls()).filteredOn(c -> c.method().equals("create")).isEmpty();
        assertThat(logisync.odoo().store().record("res.partner", existing).orElseThrow())
                .containsEntry("ref", "NEWCO").containsEntry("name", "New Co").containsEntry("customer_rank", 1L);
    }

    @Test
    void shouldParkACustomerWhoseTaxIdBelongsToAnotherCustomersPartnerAndWriteNothing() throws Exception {
        logisync.send(event("c-1", "customer.upserted", "GREAT-LAKES-FOODS", Map.of("code", "GREAT-LAKES-FOODS",
                "name", "Great Lakes Foods Co.", "taxId", "US-12-3456789", "email", "ap@greatlakes.example.com",
                "address", Map.of("street", "5 Harbor Road", "city", "Cleveland", "country", "US"))));
        Map<String, Object> greatLakes = partner("GREAT-LAKES-FOODS");
        long partnerId = ((Number) greatLakes.get("id")).longValue();
        logisync.odoo().clearCalls();

        // ACME's tax id, US 12-345 6789, is US123456789 once normalised: Great Lakes Foods' partner has it
        JsonNode answer = logisync.send(customer("c-2", "ACME", "Acme Retail Inc."));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("TAX_ID_CONFLICT");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .contains("ACME", "GREAT-LAKES-FOODS", "US123456789", "res.partner " + partnerId);
        assertThat(partnerCalls()).filteredOn(c -> !c.method().equals("search_read")).isEmpty();
        assertThat(logisync.odoo().store().record("res.partner", partnerId).orElseThrow())
                .containsEntry("name", "Great Lakes Foods Co.").containsEntry("email", "ap@greatlakes.example.com")
                .containsEntry("ref", "GREAT-LAKES-FOODS");
        assertThat(logisync.db().queryForList("SELECT external_ref FROM binding WHERE kind = 'customer'",
                String.class)).containsExactly("GREAT-LAKES-FOODS");
        // a load of Great Lakes Foods is still invoiced to Great Lakes Foods
        logisync.send(array(shipment("s-1", "L-500", "GREAT-LAKES-FOODS", charge("LINEHAUL", "1", "950.00")),
                delivered("m-1", "L-500", "2026-11-03T16:20:00-05:00"), pod("p-1", "L-500")));
        assertThat(logisync.records("account.move")).singleElement().satisfies(m -> assertThat(
                ((List<?>) m.get("partner_id")).get(1)).isEqualTo("Great Lakes Foods Co."));
    }

    @Test
    void shouldNotBindByTaxIdAPartnerThatLogisyncBoundToAnotherCodeEvenWithoutItsReference() throws Exception {
        logisync.send(event("c-1", "customer.upserted", "BOREAL", Map.of("code", "BOREAL", "name", "Boreal Goods",
                "taxId", "CA 555 111 222", "address", Map.of("street", "1 Pine St", "city", "Ottawa",
                        "country", "CA"))));
        long boreal = ((Number) partner("BOREAL").get("id")).longValue();
        // someone cleared the reference in Odoo; logisync's binding still ties the partner to BOREAL
        logisync.bean("odooClient", OdooClient.class).write("res.partner", List.of(boreal), Map.of("ref", false),
                OdooContext.DEFAULT);
        logisync.odoo().clearCalls();

        JsonNode answer = logisync.send(event("c-2", "customer.upserted", "BADTERM", Map.of("code", "BADTERM",
                "name", "Bad Term Ltd", "taxId", "CA555111222", "address", Map.of("street", "2 Elm St",
                        "city", "Toronto", "country", "CA"))));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("TAX_ID_CONFLICT");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .contains("BADTERM", "customer BOREAL", "CA555111222", "res.partner " + boreal);
        assertThat(partnerCalls()).filteredOn(c -> !c.method().equals("search_read")).isEmpty();
        assertThat(logisync.odoo().store().record("res.partner", boreal).orElseThrow())
                .containsEntry("name", "Boreal Goods");
    }

    @Test
    void shouldParkTheSecondOfTwoNewCodesWithOneTaxIdInAnExport() throws Exception {
        Map<String, Object> first = customerData("NORTH-1", "North Supply");
        Map<String, Object> second = customerData("NORTH-2", "North Supply (second account)");
        second.put("taxId", first.get("taxId"));
        exportFile(Map.of("exportId", "dup-tax", "customers", List.of(first, second)));

        await().atMost(Duration.ofSeconds(20)).until(() -> exportsDone() == 1);

        assertThat(logisync.records("res.partner")).filteredOn(p -> String.valueOf(p.get("ref")).startsWith("NORTH"))
                .singleElement().satisfies(p -> assertThat(p.get("name")).isEqualTo("North Supply"));
        assertThat(logisync.db().queryForMap("SELECT subject, reason, detail FROM parked_message"))
                .containsEntry("SUBJECT", "NORTH-2").containsEntry("REASON", "TAX_ID_CONFLICT")
                .satisfies(row -> assertThat(String.valueOf(row.get("DETAIL"))).contains("NORTH-1"));
    }

    @Test
    void shouldMakeACarrierWithTheCodeAndTaxIdOfACustomerTheVendorOfTheSamePartner() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        long customerPartner = ((Number) partner("ACME").get("id")).longValue();

        logisync.send(event("k-1", "carrier.upserted", "ACME", Map.of("code", "ACME", "name", "Acme Freight LLC",
                "taxId", "US123456789", "email", "billing@acme.example.com",
                "address", Map.of("street", "9 Sample Road", "city", "Chicago", "country", "US"))));

        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("id", customerPartner).containsEntry("customer_rank", 1L)
                        .containsEntry("supplier_rank", 1L).containsEntry("name", "Acme Retail Inc.")
                        .containsEntry("email", "ap@example.com").containsEntry("city", "Detroit"));
        assertThat(logisync.db().queryForObject("SELECT odoo_id FROM binding WHERE kind = 'carrier'"
                + " AND external_ref = 'ACME'", Long.class)).isEqualTo(customerPartner);
    }

    @Test
    void shouldParkAnUnknownPaymentTermOfACustomerBoundByTaxIdAndWriteNothing() throws Exception {
        long existing = logisync.odoo().store().insert("res.partner",
                Map.of("name", "New Co (keyed in by finance)", "vat", "US123456789", "is_company", true));
        Map<String, Object> data = customerData("NEWCO", "New Co");
        data.put("taxId", "US 12-345 6789");
        data.put("paymentTermCode", "NET99");

        JsonNode answer = logisync.send(event("c-1", "customer.upserted", "NEWCO", data));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .startsWith("data.paymentTermCode").contains("NET99");
        assertThat(partnerCalls()).filteredOn(c -> !c.method().equals("search_read")).isEmpty();
        assertThat(logisync.odoo().store().record("res.partner", existing).orElseThrow())
                .containsEntry("name", "New Co (keyed in by finance)");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM binding WHERE kind = 'customer'",
                Integer.class)).isZero();
    }

    @Test
    void shouldParkACustomerWhoseBillingCompanyIsNotInTheCompanyTable() throws Exception {
        Map<String, Object> data = customerData("NOPECO", "Nope Co");
        data.put("billingCompany", "NOPE");

        JsonNode answer = logisync.send(event("c-1", "customer.upserted", "NOPECO", data));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .startsWith("data.billingCompany").contains("NOPE");
        assertThat(partnerCalls()).filteredOn(c -> !c.method().equals("search_read")).isEmpty();
    }

    @Test
    void shouldParkAContractOfAnUnknownCustomerAndReplayItWhenTheCustomerArrives() throws Exception {
        JsonNode answer = logisync.send(contract("k-1", "C-GHOST", "GHOST", 1, "2026-01-01", null, "LINEHAUL",
                "FLAT", "900"));

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("AWAITING_CUSTOMER");
        assertThat(logisync.db().queryForList("SELECT waiting_for FROM parked_message", String.class))
                .containsExactly("customer:GHOST");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM contract_version", Integer.class)).isZero();

        logisync.send(customer("c-1", "GHOST", "Ghost Freight Buyers"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.db().queryForList(
                "SELECT customer_code FROM contract_version", String.class)).containsExactly("GHOST"));
        assertThat(logisync.db().queryForList("SELECT status FROM parked_message", String.class))
                .containsExactly("REPLAYED");
    }

    @Test
    void shouldRefuseAMalformedEmailAtTheDoorSayingInWordsWhatIsExpected() throws Exception {
        for (String email : List.of("not-an-email", "a@b")) {
            Map<String, Object> data = customerData("MAILCO", "Mail Co");
            data.put("email", email);

            var response = logisync.post(MAPPER.writeValueAsString(event("c-" + email, "customer.upserted",
                    "MAILCO", data)), LogisyncHarness.TMS_KEY);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(MAPPER.readTree(response.body()).get("message").asText())
                    .contains("$.data.email").contains("must be an e-mail address").doesNotContain("^")
                    .doesNotContain("[^@");
        }
        assertThat(logisync.records("res.partner")).extracting(p -> p.get("ref")).doesNotContain("MAILCO");
    }

    @Test
    void shouldRefuseACustomerWithACountryThatIsNoIsoCodeAtTheDoorAndWriteNothing() throws Exception {
        logisync.odoo().clearCalls();
        var response = logisync.post(MAPPER.writeValueAsString(event("c-1", "customer.upserted", "BAD",
                Map.of("code", "BAD", "name", "Bad Address Co", "address", Map.of("street", "1 Main St",
                        "city", "Nowhere", "country", "ZZ")))), LogisyncHarness.TMS_KEY);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode answer = MAPPER.readTree(response.body());
        assertThat(answer.at("/results/0/status").asText()).isEqualTo("rejected");
        assertThat(answer.at("/results/0/errors/0").asText())
                .isEqualTo("$.data.address.country: 'ZZ' is not an ISO 3166-1 alpha-2 country code (rule: country)");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM parked_message", Integer.class)).isZero();
        assertThat(partnerCalls()).isEmpty();
    }

    @Test
    void shouldCreateACarrierAsAVendorPartnerApartFromTheCustomerWithTheSameCode() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));

        logisync.send(carrier("k-1", "ACME", "Acme Freight LLC"));

        assertThat(logisync.records("res.partner")).filteredOn(p -> "ACME".equals(p.get("ref"))).hasSize(2);
        Map<String, Object> vendor = logisync.records("res.partner").stream()
                .filter(p -> "Acme Freight LLC".equals(p.get("name"))).findFirst().orElseThrow();
        assertThat(vendor).containsEntry("supplier_rank", 1L).containsEntry("customer_rank", 0L)
                .containsEntry("email", "billing@acme.example.com").containsEntry("is_company", true);
        assertThat(logisync.db().queryForObject("SELECT odoo_id FROM binding WHERE kind = 'carrier'"
                + " AND external_ref = 'ACME'", Long.class)).isEqualTo(((Number) vendor.get("id")).longValue());
    }

    @Test
    void shouldReplayAShipmentThatWaitedForAContractWhenTheContractArrives() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        JsonNode parked = logisync.send(array(shipmentPickedUp("s-1", "L-300", "ACME", "2026-11-02T08:00:00-06:00",
                unpriced("LINEHAUL", "283")), delivered("m-1", "L-300", "2026-11-03T16:20:00-05:00"),
                pod("p-1", "L-300")));
        assertThat(parked.at("/results/0/reason").asText()).isEqualTo("AWAITING_CONTRACT");
        assertThat(logisync.db().queryForList("SELECT waiting_for FROM parked_message", String.class))
                .containsExactly("contract-for:ACME");

        logisync.send(contract("k-1", "C-ACME", "ACME", 1, "2026-01-01", null, "LINEHAUL", "MILE", "2.85"));

        // 283 miles x 2.85 = 806.55
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.records("account.move"))
                .singleElement().satisfies(m -> assertThat(m.get("state")).isEqualTo("posted"))
                .satisfies(m -> assertThat(ShipmentExecutionRouteTest.decimal(m.get("amount_untaxed")))
                        .isEqualByComparingTo("806.55")));
    }

    @Test
    void shouldParkAContractWhosePaymentTermHasNoOdooTerm() throws Exception {
        ObjectNode contract = contract("k-1", "C-ACME", "ACME", 1, "2026-01-01", null, "LINEHAUL", "FLAT", "900");
        ((ObjectNode) contract.get("data")).put("paymentTermCode", "NET99");

        JsonNode answer = logisync.send(contract);

        assertThat(answer.at("/results/0/reason").asText()).isEqualTo("INVALID_DATA");
        assertThat(logisync.db().queryForObject("SELECT detail FROM parked_message", String.class))
                .startsWith("data.paymentTermCode").contains("NET99");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM contract_version", Integer.class)).isZero();
    }

    @Test
    void shouldReplayAShipmentWhenItsChargeCodeIsMappedInTheMappingFile() throws Exception {
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        JsonNode parked = logisync.send(array(shipment("s-1", "L-301", "ACME", charge("HAZMAT", "1", "150.00")),
                delivered("m-1", "L-301", "2026-11-03T16:20:00-05:00"), pod("p-1", "L-301")));
        assertThat(parked.at("/results/0/reason").asText()).isEqualTo("AWAITING_CHARGE_MAPPING");
        logisync.odoo().store().insert("product.product", Map.of("name", "Hazardous materials",
                "default_code", "HAZMAT-SVC", "type", "service"));

        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/charge-mapping.properties"), "HAZMAT = HAZMAT-SVC\n");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logisync.records("account.move"))
                .singleElement().satisfies(m -> assertThat(ShipmentExecutionRouteTest.decimal(
                        m.get("amount_untaxed"))).isEqualByComparingTo("150.00")));
    }

    @Test
    void shouldMoveABadExportFileToTheErrorFolderBesideItsReasonWithOneWarning() throws Exception {
        try (LogCapture log = LogCapture.all()) {
            Path dir = Files.createDirectories(work.resolve("exports"));
            Files.writeString(dir.resolve("master-data.json.part"), "{\"customers\": [ {\"code\": \"ACME\",");
            Files.move(dir.resolve("master-data.json.part"), dir.resolve("master-data.json"));

            await().atMost(Duration.ofSeconds(20)).until(() -> filesIn("exports/error").size() == 2);

            List<Path> error = filesIn("exports/error");
            Path reason = error.stream().filter(p -> p.toString().endsWith(".reason.txt")).findFirst().orElseThrow();
            Path file = error.stream().filter(p -> !p.equals(reason)).findFirst().orElseThrow();
            assertThat(reason.getFileName().toString()).isEqualTo(file.getFileName() + ".reason.txt");
            assertThat(Files.readString(reason)).startsWith("master-data.json was not applied:").contains("not JSON");
            assertThat(Files.readString(file)).isEqualTo("{\"customers\": [ {\"code\": \"ACME\",");
            assertThat(Files.exists(dir.resolve("master-data.json"))).isFalse();
            assertThat(filesIn("exports/done")).isEmpty();
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.message()).contains("master-data.json").contains("not JSON");
                assertThat(line.thrown()).isNull();
            });
        }
    }

    @Test
    void shouldApplyTheExportFromTheDispatchEndpointOnItsSchedule() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        AtomicReference<String> export = new AtomicReference<>(MAPPER.writeValueAsString(Map.of(
                "customers", List.of(customerData("ACME", "Acme Retail Inc.")),
                "carriers", List.of(Map.of("code", "ACFR", "name", "Acme Freight LLC")),
                "contracts", List.of(contract("x", "C-ACME", "ACME", 1, "2026-01-01", null, "LINEHAUL", "MILE",
                        "2.85").get("data")))));
        HttpServer dispatch = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dispatch.createContext("/exports/master-data", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = export.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        dispatch.start();
        try (LogisyncHarness fromRest = LogisyncHarness.start(
                "--logisync.master-data.sync.rest.enabled=true",
                "--logisync.master-data.sync.rest.url=http://127.0.0.1:" + dispatch.getAddress().getPort()
                        + "/exports/master-data",
                "--logisync.master-data.sync.rest.api-key=dispatch-export-key",
                "--logisync.master-data.sync.rest.cron=" + EVERY_SECOND)) {

            await().atMost(Duration.ofSeconds(20)).until(() -> fromRest.db().queryForObject(
                    "SELECT COUNT(*) FROM contract_version", Integer.class) == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> authorizations.size() >= 2);

            assertThat(authorizations).allSatisfy(a -> assertThat(a).isEqualTo("Bearer dispatch-export-key"));
            assertThat(fromRest.records("res.partner")).extracting(p -> p.get("ref")).contains("ACME", "ACFR");
            // polled again and again, the same export makes one create per kind and nothing more
            assertThat(fromRest.odoo().calls()).filteredOn(c -> "res.partner".equals(c.model()))
                    .filteredOn(c -> !c.method().equals("search_read")).hasSize(2);
        } finally {
            dispatch.stop(0);
        }
    }

    private Map<String, Object> customerData(String code, String name) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("name", name);
        data.put("taxId", io.logisync.support.Events.taxIdOf(code));
        data.put("address", Map.of("street", "1 Sample Street", "city", "Detroit", "country", "US"));
        return data;
    }

    private ObjectNode customerWith(String id, String code, String name, String paymentTermCode) {
        Map<String, Object> data = customerData(code, name);
        data.put("paymentTermCode", paymentTermCode);
        return event(id, "customer.upserted", code, data);
    }

    private static String termName(Map<String, Object> partner) {
        return String.valueOf(((List<?>) partner.get("property_payment_term_id")).get(1));
    }

    private void exportFile(Map<String, Object> export) throws Exception {
        Path dir = Files.createDirectories(work.resolve("exports"));
        Path temporary = dir.resolve("master-data.json.part");
        Files.writeString(temporary, MAPPER.writeValueAsString(export));
        Files.move(temporary, dir.resolve("master-data.json"));
    }

    private List<Path> filesIn(String folder) throws Exception {
        Path dir = work.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private long exportsDone() throws Exception {
        Path done = work.resolve("exports/done");
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.count();
        }
    }

    private List<SimulatorCall> partnerCalls() {
        return logisync.odoo().calls().stream().filter(c -> "res.partner".equals(c.model())).toList();
    }

    private Map<String, Object> partner(String code) {
        return logisync.records("res.partner").stream().filter(p -> code.equals(p.get("ref"))).findFirst()
                .orElseThrow(() -> new AssertionError("no partner with ref " + code));
    }
}
