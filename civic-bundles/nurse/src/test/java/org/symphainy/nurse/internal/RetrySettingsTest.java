package org.symphainy.nurse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.intent.ErrorCode;
import org.symphainy.sdk.runtime.RetryPolicy;

class RetrySettingsTest {

    private static PolicyTable table(String defaultPolicy, String... policies) {
        RetrySettings.Reading reading = RetrySettings.read(defaultPolicy, policies);
        assertEquals(List.of(), reading.problems());
        assertNotNull(reading.table());
        return reading.table();
    }

    private static List<String> problems(String defaultPolicy, String... policies) {
        RetrySettings.Reading reading = RetrySettings.read(defaultPolicy, policies);
        assertNull(reading.table(), "a configuration with a problem yields no table");
        return reading.problems();
    }

    @Test
    void withNothingConfiguredEveryIntentGetsThePlatformDefault() {
        PolicyTable table = table("");
        assertSame(RetryPolicy.DEFAULT, table.forIntent("content.ingest"));
        assertSame(RetryPolicy.DEFAULT, table.forIntent(null));
    }

    @Test
    void readsEveryFieldOfTheDocumentedExample() {
        RetryPolicy policy = table("", "content.ingest=maxAttempts:5,initialInterval:500ms,backoffCoefficient:2,"
                + "maxInterval:30s,jitter:0.1,nonRetryable:PAYLOAD_INVALID|FORBIDDEN").forIntent("content.ingest");
        assertEquals(new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), 0.1,
                EnumSet.of(ErrorCode.PAYLOAD_INVALID, ErrorCode.FORBIDDEN)), policy);
    }

    @Test
    void fieldsNotGivenTakeTheConfiguredDefaultPolicys() {
        PolicyTable table = table("initialInterval:2s,maxInterval:5m", "orders.place=maxAttempts:3");
        RetryPolicy policy = table.forIntent("orders.place");
        assertEquals(3, policy.maxAttempts());
        assertEquals(Duration.ofSeconds(2), policy.initialInterval());
        assertEquals(Duration.ofMinutes(5), policy.maxInterval());
        assertEquals(RetryPolicy.DEFAULT.jitter(), policy.jitter());
        assertEquals(RetryPolicy.DEFAULT.nonRetryable(), policy.nonRetryable());
        assertEquals(10, table.forIntent("content.ingest").maxAttempts(), "the default policy's own maxAttempts");
        assertEquals(Duration.ofSeconds(2), table.forIntent("content.ingest").initialInterval());
    }

    @Test
    void theMostSpecificPatternWinsWhateverTheOrder() {
        PolicyTable table = table("", "*=maxAttempts:2; content.*=maxAttempts:3",
                "content.ingest.*=maxAttempts:4", "content.ingest=maxAttempts:5");
        assertEquals(5, table.forIntent("content.ingest").maxAttempts(), "exact type");
        assertEquals(4, table.forIntent("content.ingest.batch").maxAttempts(), "longest prefix");
        assertEquals(4, table.forIntent("content.ingest.batch.large").maxAttempts(), "prefixes match at any depth");
        assertEquals(3, table.forIntent("content.parse").maxAttempts());
        assertEquals(2, table.forIntent("orders.place").maxAttempts(), "*");
        assertEquals(2, table.forIntent("content").maxAttempts(), "content.* does not match content itself");
        assertEquals(5, table.forIntent("content.ingest").maxAttempts(), "a remembered answer is the same");
    }

    @Test
    void noneMeansNoRetryAndNonRetryableNoneMeansEveryCodeIsRetried() {
        PolicyTable table = table("", "platform.*=none", "content.ingest=nonRetryable:none");
        assertEquals(1, table.forIntent("platform.tenant.create").maxAttempts());
        assertEquals(Set.of(), table.forIntent("content.ingest").nonRetryable());
        assertTrue(table.forIntent("content.ingest").retries(ErrorCode.PAYLOAD_INVALID, 1));
    }

    @Test
    void eachBadEntryIsOneProblemNamingItAndWhatToWrite() {
        List<String> problems = problems("", "content.ingest=maxAttempts:0; Content.Ingest=maxAttempts:2",
                "orders.place=initialInterval:5 seconds", "orders.*=jitter:1.5,foo:1", "a.b=nonRetryable:OOPS",
                "a.c=maxAttempts:5,maxAttempts:6", "noequals", "a.d=initialInterval:1s,maxInterval:500ms",
                "a.e=initialInterval:5m", "content.ingest=maxAttempts:3");
        assertEquals(10, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("policies entry 'content.ingest=maxAttempts:0': maxAttempts is '0'; "
                + "write a whole number from 1 (no retry) to 1000"), problems.get(0));
        assertTrue(problems.get(1).contains("'Content.Ingest' is not an intent type (content.ingest), a prefix "
                + "(content.*) or *"), problems.get(1));
        assertTrue(problems.get(2).contains("initialInterval is '5 seconds'; write a whole number with a unit"),
                problems.get(2));
        assertTrue(problems.get(3).contains("jitter is '1.5'; write a number from 0 (none) to 1"), problems.get(3));
        assertTrue(problems.get(4).contains("'OOPS', which is not a failure code") && problems.get(4).contains("HANDLER_FAILED"),
                problems.get(4));
        assertTrue(problems.get(5).contains("maxAttempts is given twice"), problems.get(5));
        assertTrue(problems.get(6).contains("'noequals': not '<pattern>=<policy>'"), problems.get(6));
        assertTrue(problems.get(7).contains("maxInterval 500ms is shorter than initialInterval 1s"), problems.get(7));
        assertTrue(problems.get(8).contains("initialInterval 5m is longer than the default maxInterval 100s; add "
                + "maxInterval:5m or longer"), problems.get(8));
        assertTrue(problems.get(9).contains("pattern content.ingest is given twice"), problems.get(9));
    }

    @Test
    void aDuplicatePatternAndABadDefaultAreProblems() {
        assertTrue(problems("", "a.b=maxAttempts:2", "a.b=maxAttempts:3").get(0)
                .contains("pattern a.b is given twice (also in 'a.b=maxAttempts:2')"));
        List<String> problems = problems("maxAttempts:lots");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("defaultPolicy 'maxAttempts:lots': maxAttempts is 'lots'"), problems.get(0));
    }

    @Test
    void theTableWritesItselfInTheConfigurationSyntax() {
        PolicyTable table = table("", "content.*=maxAttempts:3,jitter:0");
        assertEquals("default maxAttempts:10,initialInterval:1s,backoffCoefficient:2,maxInterval:100s,jitter:0.2,"
                + "nonRetryable:UNKNOWN_INTENT|PAYLOAD_MALFORMED|FORBIDDEN|PAYLOAD_INVALID|HANDLER_RETURNED_NULL|"
                + "ARTIFACT_REJECTED; content.*=maxAttempts:3,initialInterval:1s,backoffCoefficient:2,maxInterval:100s,"
                + "jitter:0,nonRetryable:UNKNOWN_INTENT|PAYLOAD_MALFORMED|FORBIDDEN|PAYLOAD_INVALID|"
                + "HANDLER_RETURNED_NULL|ARTIFACT_REJECTED", table.toString());
        assertEquals(table, table(PolicySyntax.format(RetryPolicy.DEFAULT), "content.*=" + PolicySyntax.format(
                table.forIntent("content.x"))), "what it writes reads back the same");
    }
}
