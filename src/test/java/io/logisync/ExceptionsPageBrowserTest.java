package io.logisync;

import static io.logisync.support.Events.array;
import static io.logisync.support.Events.charge;
import static io.logisync.support.Events.customer;
import static io.logisync.support.Events.delivered;
import static io.logisync.support.Events.pod;
import static io.logisync.support.Events.shipment;
import static org.assertj.core.api.Assertions.assertThat;

import io.logisync.parking.ParkReasons;
import io.logisync.support.Browser;
import io.logisync.support.LogisyncHarness;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The exceptions page of routes/exceptions.camel.yaml in a real Chromium: list, filter, read, edit and replay. */
class ExceptionsPageBrowserTest {

    private LogisyncHarness logisync;
    private Browser browser;

    @BeforeEach
    void start() throws Exception {
        logisync = LogisyncHarness.start();
        logisync.send(customer("c-1", "ACME", "Acme Retail Inc."));
        logisync.send(shipment("s-1", "L-600", "ACME", charge("HAZMAT", "3", "41.50")));
        logisync.send(array(delivered("m-1", "L-600", "2026-11-02T15:40:00Z"), pod("p-1", "L-600")));
        logisync.send(shipment("s-2", "L-601", "NOBODY", charge("LINEHAUL", "1", "900.00")));
        browser = Browser.start();
    }

    @AfterEach
    void stop(TestInfo test) throws Exception {
        browser.screenshot("exceptions-end-of-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        browser.close();
        logisync.close();
    }

    @Test
    void shouldListFilterShowAndReplayAParkedMessage() throws Exception {
        browser.open(logisync.url() + "/console/exceptions");
        signIn(LogisyncHarness.OPERATOR_KEY);
        browser.waitForText("2 message(s)");
        browser.screenshot("exceptions-list");

        new Select(browser.find(By.id("filter-reason"))).selectByVisibleText("AWAITING_CHARGE_MAPPING");
        browser.find(By.id("apply-filters")).click();
        browser.waitForText("1 message(s)");
        assertThat(rowSubjects()).containsExactly("L-600");

        clickRow("L-600");
        browser.waitForText("charge code HAZMAT has no product");
        browser.screenshot("exceptions-message");
        String payload = browser.find(By.id("payload")).getText();
        assertThat(payload).contains("\"chargeCode\": \"HAZMAT\"").contains("[redacted]").doesNotContain("41.50");

        // an operator reads; replaying is an admin's
        browser.find(By.id("replay")).click();
        browser.waitForText("does not hold the admin role");
        assertThat(statusOf("L-600")).isEqualTo("PARKED");

        signIn(LogisyncHarness.ADMIN_KEY);
        clickRow("L-600");
        browser.waitForText("Parked message");
        browser.find(By.id("edit")).click();
        WebElement editor = browser.find(By.id("payload-editor"));
        String corrected = editor.getAttribute("value").replace("\"HAZMAT\"", "\"SPECIAL_HANDLING\"");
        editor.clear();
        editor.sendKeys(corrected);
        browser.screenshot("exceptions-edit");
        browser.find(By.id("save-edit")).click();
        browser.waitForText("edited (now PARKED)");
        browser.find(By.id("replay")).click();
        browser.waitForText("replayed, applied (now REPLAYED)");
        browser.screenshot("exceptions-replayed");

        assertThat(browser.text()).contains("EDITED by " + LogisyncHarness.ADMIN)
                .contains("REPLAYED by " + LogisyncHarness.ADMIN + " \u00b7 APPLIED");
        assertThat(statusOf("L-600")).isEqualTo("REPLAYED");
        List<Map<String, Object>> invoices = logisync.records("account.move").stream()
                .filter(m -> "out_invoice".equals(m.get("move_type"))).toList();
        assertThat(invoices).hasSize(1);
        // 3 x 41.50 = 124.50 untaxed
        assertThat(new BigDecimal(invoices.get(0).get("amount_untaxed").toString())).isEqualByComparingTo("124.50");
    }

    @Test
    void shouldListEveryParkReasonSignInOnlyWithAnAcceptedKeyAndKeepAMessageWhoseDiscardWasCancelled()
            throws Exception {
        browser.open(logisync.url() + "/console/exceptions");
        signIn("not-a-key-logisync-knows");
        browser.waitForText("401");
        assertThat(browser.find(By.id("who")).getText()).isEqualTo("not signed in");

        signIn(LogisyncHarness.ADMIN_KEY);
        browser.waitForText("2 message(s)");
        assertThat(browser.find(By.id("who")).getText()).isEqualTo("signed in");
        List<String> reasons = new Select(browser.find(By.id("filter-reason"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertThat(reasons.subList(1, reasons.size())).containsExactlyElementsOf(ParkReasons.all())
                .contains("TAX_ID_CONFLICT").doesNotContain("CHANGED_AFTER_INVOICING");

        clickRow("L-600");
        browser.waitForText("Parked message");
        browser.find(By.id("discard")).click();
        browser.waitFor(ExpectedConditions.alertIsPresent()).dismiss();
        browser.waitForText("was not discarded (cancelled)");
        assertThat(statusOf("L-600")).isEqualTo("PARKED");
        assertThat(logisync.db().queryForObject("SELECT COUNT(*) FROM exception_audit", Integer.class)).isZero();

        browser.find(By.id("discard")).click();
        Alert prompt = browser.waitFor(ExpectedConditions.alertIsPresent());
        prompt.sendKeys("charged by phone");
        prompt.accept();
        browser.waitForText("discarded (now DISCARDED)");
        assertThat(statusOf("L-600")).isEqualTo("DISCARDED");
    }

    private void signIn(String key) {
        WebElement field = browser.find(By.id("key"));
        field.clear();
        field.sendKeys(key);
        browser.find(By.id("sign-in")).click();
    }

    /** Clicks the row of a subject; the list may be drawn again under the click, so a stale row is found again. */
    private void clickRow(String subject) {
        browser.waitFor(driver -> {
            try {
                driver.findElement(By.xpath("//tbody/tr[td[6][normalize-space()='" + subject + "']]")).click();
                return Boolean.TRUE;
            } catch (StaleElementReferenceException | NoSuchElementException redrawn) {
                return null;
            }
        });
    }

    private List<String> rowSubjects() {
        return browser.driver().findElements(By.xpath("//tbody[@id='rows']/tr/td[6]")).stream()
                .map(WebElement::getText).toList();
    }

    private String statusOf(String subject) {
        return logisync.db().queryForObject("SELECT status FROM parked_message WHERE subject = ?", String.class,
                subject);
    }
}
