package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin web page at {@code /admin/} of a real {@code bin/symphainy}, driven in the system's headless Chromium
 * through its chromedriver: sign in with {@code data/admin.key}, the bundles and intents, an echo's execution with its
 * artifact and live updates, the WAL, a replay that is identical, a wrong key, sign out.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code /usr/bin/chromium}, {@code
 * /usr/bin/chromedriver}; other paths with {@code -Dsymphainy.chromium=} and {@code -Dsymphainy.chromedriver=}). Without
 * them the test fails, or is skipped with {@code -Dsymphainy.browser.optional=true}. {@code
 * -Dsymphainy.admin.url=http://host:port} with {@code -Dsymphainy.admin.key=<key>} points it at an already running
 * server instead of starting the distribution. On a failure the page's screenshot and HTML go to {@code target/}.
 */
@ExtendWith(AdminWebIT.Screenshots.class)
class AdminWebIT {

    /** A bound for failures, not a performance check. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern EXECUTION_ID = Pattern.compile("\"executionId\":\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\":\"([A-Z_]+)\"");

    @TempDir
    static Path work;

    private static ContainerProcess container;
    private static WebDriver browser;
    private static String base;
    private static String adminKey;

    @BeforeAll
    static void start() throws Exception {
        Path driver = Path.of(System.getProperty("symphainy.chromedriver", "/usr/bin/chromedriver"));
        Path chromium = Path.of(System.getProperty("symphainy.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(driver) || !Files.isExecutable(chromium)) {
            String message = "AdminWebIT needs Chromium and its driver: " + (Files.isExecutable(driver) ? chromium : driver)
                    + " is missing; install them (Debian: apt-get install chromium chromium-driver), or pass "
                    + "-Dsymphainy.browser.optional=true to skip this test";
            Assumptions.assumeFalse(Boolean.getBoolean("symphainy.browser.optional"), message);
            fail(message);
        }
        String url = System.getProperty("symphainy.admin.url", "");
        if (url.isBlank()) {
            container = ContainerProcess.start(ContainerProcess.distribution(), work.resolve("data"), Map.of());
            container.awaitReady();
            base = "http://127.0.0.1:" + container.port();
            adminKey = Files.readString(container.data().resolve("admin.key")).trim();
        } else {
            base = url.replaceAll("/+$", "");
            adminKey = System.getProperty("symphainy.admin.key", "").trim();
        }
        awaitPage();
        browser = chrome(driver, chromium);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (container != null) {
            assertEquals(0, container.terminate(), container.output());
            container.close();
        }
    }

    @Test
    void aWrongKeyShowsTheSignInErrorAndNoSession() {
        open();
        type("api-key", "sk_wrong0000_" + "x".repeat(32));
        testid("sign-in").click();
        WebElement error = waitVisible("sign-in-error");
        assertTrue(error.getText().contains("Unauthenticated"), error.getText());
        assertNull(script("return sessionStorage.getItem('symphainy.session')"));
        assertFalse(testid("nav-bundles").isDisplayed(), "the views stay hidden until signed in");
    }

    @Test
    void aSessionEndedElsewhereSendsThePageBackToSignIn() throws Exception {
        open();
        type("api-key", adminKey);
        testid("sign-in").click();
        waitVisible("bundles-table");
        String token = (String) script("return sessionStorage.getItem('symphainy.session')");
        HttpResponse<String> ended = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions/current"))
                .header("Authorization", "Bearer " + token).DELETE());
        assertEquals(204, ended.statusCode(), ended.body());
        testid("nav-intents").click();
        WebElement note = waitVisible("sign-in-error");
        assertTrue(note.getText().contains("sign in again"), note.getText());
        assertNull(script("return sessionStorage.getItem('symphainy.session')"));
        assertFalse(testid("nav-bundles").isDisplayed(), "the views are hidden again");
    }

    @Test
    void anOperatorSignsInFollowsAnEchoReplaysItAndSignsOut() throws Exception {
        open();
        type("api-key", adminKey);
        testid("sign-in").click();

        // bundles: the platform's, with the runtime active and declaring platform.echo
        WebElement runtime = waitVisible("bundle-state-org.symphainy.runtime");
        assertEquals("ACTIVE", runtime.getText());
        String token = (String) script("return sessionStorage.getItem('symphainy.session')");
        assertTrue(token != null && token.startsWith("ses_"), "the session token is kept in sessionStorage: " + token);
        assertEquals(0L, script("return localStorage.length"), "nothing in localStorage");
        assertFalse(browser.getCurrentUrl().contains(token), "the token is never in the URL");
        assertFalse(browser.getCurrentUrl().contains(adminKey), "the key is never in the URL");

        // intents: the registry lists platform.echo
        testid("nav-intents").click();
        waitVisible("intent-row-platform.echo");

        // an echo submitted over HTTP, opened from the executions list
        String payload = "{\"from\":\"AdminWebIT\",\"markup\":\"<b>not bold</b>\"}";
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/intents"))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"platform.echo\",\"payload\":" + payload + "}")));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String id = group(EXECUTION_ID, accepted.body());
        testid("nav-executions").click();
        waitVisible("execution-row-" + id).findElement(By.tagName("a")).click();
        wait(ExpectedConditions.textToBe(By.cssSelector("[data-testid='execution-state']"), "COMPLETED"));
        assertEquals(id, testid("execution-id").getText());
        wait(d -> testids("live-event").stream().anyMatch(e -> e.getText().contains("COMPLETED")));
        assertEquals("ended", waitText("live-status", "ended"));
        assertFalse(testids("live-event").isEmpty(), "the live-update stream delivered the execution's states");
        List<WebElement> artifacts = browser.findElements(By.cssSelector("[data-testid='artifacts-table'] tbody tr[data-testid^='artifact-']"));
        assertEquals(1, artifacts.size(), "the echo's one artifact");
        artifacts.get(0).findElement(By.tagName("button")).click();
        WebElement content = wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre[data-testid^='artifact-content-']")));
        assertEquals(payload, content.getText(), "the artifact's content, shown as text");
        assertTrue(browser.findElements(By.cssSelector("b")).isEmpty(), "markup from the server is never interpreted");
        assertFalse(browser.findElements(By.cssSelector("[data-testid='timeline-table'] tbody tr[data-testid^='wal-row-']"))
                .isEmpty(), "the execution's WAL timeline");
        assertTrue(testid("decisions-table").getText().contains("Security Guard"), testid("decisions-table").getText());

        // replay: identical
        testid("replay").click();
        assertEquals("identical", waitText("replay-verdict", "identical"));

        // the WAL: its records include the echo's
        testid("nav-wal").click();
        wait(d -> testid("wal-table").getText().contains(id));
        assertTrue(testid("wal-last").getText().matches("Last sequence: \\d+"), testid("wal-last").getText());

        // sign out: back to sign-in, the session gone from the browser and from the server
        testid("sign-out").click();
        waitVisible("api-key");
        assertNull(script("return sessionStorage.getItem('symphainy.session')"));
        HttpResponse<String> afterSignOut = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sessions/current"))
                .header("Authorization", "Bearer " + token).GET());
        assertEquals(401, afterSignOut.statusCode(), "the session is ended on the server: " + afterSignOut.body());
    }

    /** Opens the page signed out. */
    private static void open() {
        browser.get(base + "/admin/");
        script("sessionStorage.clear()");
        browser.navigate().refresh();
        waitVisible("api-key");
    }

    private static ChromeDriver chrome(Path driver, Path chromium) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,800",
                "--user-data-dir=" + Files.createDirectories(work.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits until the page answers, so the browser never sees a connection refused. */
    private static void awaitPage() throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/admin/")).GET());
                if (page.statusCode() == 200 && page.body().contains("app.js")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("GET /admin/ answers " + page.statusCode() + " where the admin console should serve its page (is "
                            + "civic-bundles/admin-console in the distribution?): " + page.body());
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(200);
        }
    }

    private static WebElement testid(String id) {
        return browser.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static List<WebElement> testids(String id) {
        return browser.findElements(By.cssSelector("[data-testid='" + id + "']"));
    }

    private static WebElement waitVisible(String id) {
        return wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + id + "']")));
    }

    private static String waitText(String id, String text) {
        wait(ExpectedConditions.textToBe(By.cssSelector("[data-testid='" + id + "']"), text));
        return testid(id).getText();
    }

    private static <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE).until(condition);
    }

    private static void type(String id, String text) {
        WebElement input = testid(id);
        input.clear();
        input.sendKeys(text);
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertTrue(m.find(), pattern + " in " + text);
        return m.group(1);
    }

    /** Saves the page's screenshot and HTML under {@code target/} when a test fails. */
    static final class Screenshots implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                Path target = Files.createDirectories(Path.of("target"));
                String name = "AdminWebIT-" + context.getRequiredTestMethod().getName();
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                Files.write(target.resolve(name + ".png"), png);
                Files.writeString(target.resolve(name + ".html"), browser.getPageSource());
            } catch (RuntimeException | IOException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
