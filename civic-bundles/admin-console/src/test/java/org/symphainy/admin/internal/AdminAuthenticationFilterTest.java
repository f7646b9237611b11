package org.symphainy.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminAuthenticationFilterTest {

    @Test
    void everyPathUnderV1IsTheApiAndTheRestIsThePage() {
        assertTrue(AdminAuthenticationFilter.isApi(AdminAuthenticationFilter.path("/v1/bundles/")));
        assertTrue(AdminAuthenticationFilter.isApi(AdminAuthenticationFilter.path("//v1")));
        assertTrue(AdminAuthenticationFilter.isApi("v1/nothing-here"));
        assertFalse(AdminAuthenticationFilter.isApi(AdminAuthenticationFilter.path("/")));
        assertFalse(AdminAuthenticationFilter.isApi("app.js"));
        assertFalse(AdminAuthenticationFilter.isApi("v1.js"));
        assertEquals("v1/a", AdminAuthenticationFilter.path("///v1/a//"));
    }
}
