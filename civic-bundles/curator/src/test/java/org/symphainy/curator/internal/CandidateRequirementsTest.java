package org.symphainy.curator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

class CandidateRequirementsTest {

    @Test
    void mandatoryImportsBecomePackageFiltersAndOwnOptionalAndJavaOnesAreLeftOut() {
        Manifest manifest = manifest("org.acme.a;org.acme.b;version=\"[1.2,2)\", org.acme.own, "
                + "org.acme.maybe;resolution:=optional, java.util", "org.acme.own;version=1.0.0;uses:=\"org.acme.a\"",
                "osgi.ee;filter:=\"(osgi.ee=JavaSE)\", acme.later;filter:=\"(x=1)\";effective:=active");

        List<CandidateRequirements.Need> needs = CandidateRequirements.of(manifest);

        assertEquals(List.of("(&(osgi.wiring.package=org.acme.a)(&(version>=1.2.0)(!(version>=2.0.0))))",
                "(&(osgi.wiring.package=org.acme.b)(&(version>=1.2.0)(!(version>=2.0.0))))", "(osgi.ee=JavaSE)"),
                needs.stream().map(CandidateRequirements.Need::filter).toList());
        assertEquals(java.util.Arrays.asList("org.acme.a", "org.acme.b", null), needs.stream().map(CandidateRequirements.Need::name).toList());
        CandidateRequirements.Exported own = CandidateRequirements.exports(manifest).get(0);
        assertEquals("org.acme.own 1.0.0 org.acme.a", own.name() + " " + own.version() + " " + own.uses());
    }

    private static Manifest manifest(String imports, String exports, String requires) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Import-Package", imports);
        main.putValue("Export-Package", exports);
        main.putValue("Require-Capability", requires);
        return manifest;
    }
}
