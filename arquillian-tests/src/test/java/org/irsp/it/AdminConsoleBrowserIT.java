package org.irsp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.nio.file.StandardCopyOption;

/**
 * The admin console end to end in headless Chromium (Debian's chromium and chromium-driver): sign in, see
 * the dashboard's charts and dead letters, search (no matches, then a connected device, its empty offline queue), kick it through the confirmation
 * dialog (refused without a reason), kick a user's session from the sessions tab, find both reasons in the
 * audit log; then, at a phone's width, every tab and the sign-in page fit without scrolling sideways. Screenshots of each step go
 * to {@code target/it/screenshots}. Skipped, saying why, where Chromium is not installed.
 */
@ExtendWith(IrspServer.class)
class AdminConsoleBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of(System.getProperty("irsp.it.dir", "target/it"), "screenshots");

    @Test
    void anAdministratorSignsInWatchesTheDashboardFindsADeviceKicksItWithAReasonAndSeesTheAudit() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium is not installed (apt-get install chromium chromium-driver): the browser test is skipped");
        Files.createDirectories(SHOTS);
        String deviceId = Fixtures.newDevice();
        String uuid = deviceId.substring(deviceId.lastIndexOf(':') + 1);
        WebDriver browser = chromium();
        try (Party device = Party.device(deviceId); Party user = Party.user(Fixtures.newUser())) {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.get(IrspServer.uri() + "/irsp/admin/");
            wait.until(ExpectedConditions.urlContains("admin-login.html"));
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(AdminConsoleIT.PASSWORD);
            shot(browser, "1-sign-in");
            browser.findElement(By.id("signin")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("health"), "database UP"));
            assertTrue(browser.findElement(By.id("health")).getText().contains("broker UP"));
            assertTrue(browser.findElement(By.id("node")).getText().startsWith("node local · IRSP 0."));

            // the dashboard opens first and draws its charts from the node's samples
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chart-connections")));
            wait.until(d -> !d.findElements(By.cssSelector("#chart-connections polyline")).isEmpty());
            assertTrue(browser.findElement(By.id("legend-connections")).getText().contains("bound"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dead-count"), "in irsp.dead"));
            shot(browser, "2-dashboard");

            browser.findElement(By.cssSelector("#tabs a[data-tab=accounts]")).click();
            browser.findElement(By.id("q")).sendKeys("no-such-account-" + uuid);
            browser.findElement(By.cssSelector("#search button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts-table"), "No matches."));
            assertTrue(browser.findElement(By.id("found")).getText().startsWith("0 matches"));

            browser.findElement(By.id("q")).clear();
            browser.findElement(By.id("q")).sendKeys(uuid.substring(0, 13));
            new Select(browser.findElement(By.id("type"))).selectByValue("device");
            browser.findElement(By.cssSelector("#search button")).click();
            By row = By.xpath("//table[@id='accounts-table']//tr[td[2][contains(., '" + uuid + "')]]");
            // the result table may be drawn again between finding the row and clicking it: find and click anew until it takes
            wait.ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(row).click();
                return true;
            });
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-connections"), device.session.connId()));
            assertEquals("online", browser.findElement(By.id("d-presence")).getText());
            browser.findElement(By.id("offline-show")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offline"), "Empty."));
            shot(browser, "3-device-found");

            // a kick asks for a confirmation and a reason, and goes nowhere without one
            browser.findElement(By.id("kick")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
            browser.findElement(By.id("confirm-ok")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("confirm-error"), "Give a reason"));
            assertTrue(browser.findElement(By.id("confirm")).isDisplayed(), "the dialog stays open");
            browser.findElement(By.id("reason")).sendKeys("firmware recall 42");
            shot(browser, "4-confirm-kick");
            browser.findElement(By.id("confirm-ok")).click();
            assertEquals(4003, device.ws.closeCode(Duration.ofSeconds(10)), "the device's WebSocket was closed as kicked");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("d-connections"), "none"));

            // the sessions tab lists the user's session; kicking it closes that WebSocket
            browser.findElement(By.cssSelector("#tabs a[data-tab=sessions]")).click();
            By kickUser = By.cssSelector("button.kick-session[data-conn='" + user.session.connId() + "']");
            wait.until(ExpectedConditions.elementToBeClickable(kickUser));
            shot(browser, "5-sessions");
            browser.findElement(kickUser).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason")));
            browser.findElement(By.id("reason")).sendKeys("shared account");
            browser.findElement(By.id("confirm-ok")).click();
            assertEquals(4003, user.ws.closeCode(Duration.ofSeconds(10)), "the user's WebSocket was closed as kicked");

            browser.findElement(By.cssSelector("#tabs a[data-tab=audit-log]")).click();
            browser.findElement(By.id("action")).sendKeys("admin.kick");
            browser.findElement(By.cssSelector("#audit-filter button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), uuid));
            String audit = browser.findElement(By.id("audit")).getText();
            assertTrue(audit.contains("admin:admin") && audit.contains("reason: firmware recall 42") && audit.contains("reason: shared account"), audit);
            shot(browser, "6-kick-audited");

            // a phone (390 x 844 CSS pixels): every tab and the sign-in page fit its width, nothing scrolls sideways
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            for (String tab : new String[] {"dashboard", "accounts", "sessions", "audit-log"}) {
                browser.findElement(By.cssSelector("#tabs a[data-tab=" + tab + "]")).click();
                assertFitsTheWidth(browser, "the console's " + tab);
                shot(browser, "7-phone-" + tab);
            }
            browser.get(IrspServer.uri() + "/irsp/admin-login.html");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertFitsTheWidth(browser, "the sign-in page");
            shot(browser, "8-phone-sign-in");
        } finally {
            browser.quit();
        }
    }

    private static WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("irsp-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void assertFitsTheWidth(WebDriver browser, String page) {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, page + " is wider than the screen by " + overflow + " px");
    }

    private static void shot(WebDriver browser, String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
