package org.symphainy.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SdkPackagesTest {

    @Test
    void keepsNameAndVersionAndDropsQuotedUsesLists() {
        assertEquals(List.of("a.b;version=1.2.0", "c.d;version=1.0.0", "e"),
                SdkPackages.clauses("a.b;version=\"1.2.0\";uses:=\"c.d,e\",c.d;version=\"1.0.0\",e"));
    }

    @Test
    void readsTheBuiltSdkManifest() {
        String extra = SdkPackages.systemPackagesExtra();
        assertTrue(extra.contains("org.symphainy.sdk.testkit;version=1.2.0"), extra);
        assertTrue(extra.contains("org.symphainy.sdk.intent;version="), extra);
    }
}
