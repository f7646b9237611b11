package org.symphainy.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.symphainy.sdk.governance.CityManager;
import org.symphainy.sdk.governance.DataSteward;
import org.symphainy.sdk.governance.Decision;
import org.symphainy.sdk.governance.GovernanceRole;
import org.symphainy.sdk.governance.Librarian;
import org.symphainy.sdk.governance.SecurityGuard;
import org.symphainy.sdk.governance.Stage;
import org.symphainy.sdk.governance.TrafficCop;

class StandInRolesTest {

    @Test
    void eachStageGetsItsRoleAllowingWithAReasonThatNamesTheBench() {
        for (Stage stage : Stage.values()) {
            GovernanceRole role = StandInRoles.standIn(stage);
            assertEquals(stage, role.stage());
            Decision decision = role.decide(new EchoIntents(new BenchIdentity("bench", "symphainy-bench", "bench-session", "test", false)).next(), null);
            assertTrue(decision.allowed(), decision.toString());
            assertEquals(stage, decision.stage());
            assertTrue(decision.reasons().get(0).contains("stand-in " + stage.roleName() + " of symphainy bench"),
                    decision.reasons().get(0));
        }
    }

    @Test
    void theStandInsImplementTheRoleInterfaces() {
        assertTrue(StandInRoles.standIn(Stage.TRAFFIC_COP) instanceof TrafficCop);
        assertTrue(StandInRoles.standIn(Stage.SECURITY_GUARD) instanceof SecurityGuard);
        assertTrue(StandInRoles.standIn(Stage.CITY_MANAGER) instanceof CityManager);
        assertTrue(StandInRoles.standIn(Stage.LIBRARIAN) instanceof Librarian);
        assertTrue(StandInRoles.standIn(Stage.DATA_STEWARD) instanceof DataSteward);
    }
}
