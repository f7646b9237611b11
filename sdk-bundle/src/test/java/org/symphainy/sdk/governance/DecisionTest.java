package org.symphainy.sdk.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void anAllowanceHasReasonsAndNoCode() {
        Decision decision = Decision.allow(Stage.LIBRARIAN, "payload matches schema content.ingest 1.0");

        assertTrue(decision.allowed());
        assertFalse(decision.denied());
        assertNull(decision.code());
        assertEquals(List.of("payload matches schema content.ingest 1.0"), decision.reasons());
        assertEquals("Librarian allowed: payload matches schema content.ingest 1.0", decision.toString());
    }

    @Test
    void aDenialHasReasonsAndAStableCode() {
        Decision decision = Decision.deny(Stage.CITY_MANAGER, "QUOTA_EXCEEDED",
                "tenant acme has 1000 executions in flight, its limit; wait for some to finish");

        assertTrue(decision.denied());
        assertEquals("QUOTA_EXCEEDED", decision.code());
        assertEquals("City Manager denied (QUOTA_EXCEEDED): tenant acme has 1000 executions in flight, its limit; "
                + "wait for some to finish", decision.toString());
    }

    @Test
    void aDenialNeedsAnUpperCaseCode() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Decision.deny(Stage.SECURITY_GUARD, null, "actor bob lacks role content-writer"));
        assertEquals("SECURITY_GUARD denied the intent with code 'null'; a denial needs a stable code of upper-case "
                + "letters, digits and '_', such as 'QUOTA_EXCEEDED'", missing.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> Decision.deny(Stage.SECURITY_GUARD, "not-authorised", "actor bob lacks role content-writer"));
    }

    @Test
    void anAllowanceCarriesNoCodeButTheApprovalCondition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Decision(Stage.TRAFFIC_COP, true, List.of("session s-1 is open"), "OK"));
        assertEquals("TRAFFIC_COP allowed the intent but gave code 'OK'; an allowance's only code is APPROVAL_REQUIRED "
                + "(allowed once a second principal approves)", e.getMessage());

        Decision held = Decision.allowOnApproval(Stage.CITY_MANAGER, "rule 'big-transfers' requires a second principal");
        assertTrue(held.allowed());
        assertTrue(held.needsApproval());
        assertFalse(held.denied());
        assertEquals("City Manager allowed once approved: rule 'big-transfers' requires a second principal", held.toString());
        assertFalse(Decision.allow(Stage.CITY_MANAGER, "rule 'r' allows").needsApproval());
        assertFalse(Decision.deny(Stage.CITY_MANAGER, Decision.APPROVAL_REQUIRED, "no second principal").needsApproval());
    }

    @Test
    void everyDecisionNeedsAReadableReason() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new Decision(Stage.DATA_STEWARD, true, List.of(), null));
        assertEquals("DATA_STEWARD decision has no reasons; give at least one, in plain words", none.getMessage());

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> Decision.deny(Stage.DATA_STEWARD, "OUT_OF_BOUNDS", " "));
        assertEquals("DATA_STEWARD decision reason must not be blank", blank.getMessage());
    }

    @Test
    void copiesItsReasons() {
        List<String> reasons = new ArrayList<>(List.of("first"));
        Decision decision = new Decision(Stage.LIBRARIAN, true, reasons, null);
        reasons.add("second");

        assertEquals(List.of("first"), decision.reasons());
    }

    @Test
    void stagesAreDeclaredInPipelineOrder() {
        assertEquals(List.of(Stage.TRAFFIC_COP, Stage.SECURITY_GUARD, Stage.CITY_MANAGER, Stage.LIBRARIAN,
                Stage.DATA_STEWARD), List.of(Stage.values()));
    }

    @Test
    void eachRoleInterfaceFixesItsStage() {
        Decision any = Decision.allow(Stage.TRAFFIC_COP, "fine");
        assertEquals(Stage.TRAFFIC_COP, ((TrafficCop) (intent, context) -> any).stage());
        assertEquals(Stage.SECURITY_GUARD, ((SecurityGuard) (intent, context) -> any).stage());
        assertEquals(Stage.CITY_MANAGER, ((CityManager) (intent, context) -> any).stage());
        assertEquals(Stage.LIBRARIAN, ((Librarian) (intent, context) -> any).stage());
        assertEquals(Stage.DATA_STEWARD, ((DataSteward) (intent, context) -> any).stage());
    }
}
