package org.symphainy.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.symphainy.foundations.rest.ProblemException;

class WebResourceTest {

    @Test
    void servesThePlainFilesOfThePageWithTheirTypes() {
        assertEquals("text/html; charset=utf-8", WebResource.type("index.html"));
        assertEquals("text/javascript; charset=utf-8", WebResource.type("app.js"));
        assertEquals("text/css; charset=utf-8", WebResource.type("app.css"));
        assertEquals("application/json", WebResource.type("app.js.map"));
    }

    @Test
    void refusesPathsDirectoriesAndUnknownTypes() {
        for (String file : new String[] {"../index.html", "..", ".hidden.js", "a/b.js", "a\\b.js", "index", "x.class",
            "MANIFEST.MF", "", null}) {
            assertNull(WebResource.type(file), String.valueOf(file));
        }
        assertNull(WebResource.content("nothing.js"));
        assertEquals(404, assertThrows(ProblemException.class, () -> new WebResource().file("../index.html"))
                .problem().status());
    }

    @Test
    void theIndexIsTheBundledPage() {
        String page = new String(WebResource.content("index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("src=\"/admin/app.js\"") && page.contains("href=\"/admin/app.css\""), page);
        assertTrue(WebResource.content("app.js").length > 0 && WebResource.content("app.css").length > 0);
    }
}
