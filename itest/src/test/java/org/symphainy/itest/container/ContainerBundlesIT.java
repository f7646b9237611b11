package org.symphainy.itest.container;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Boots the distribution's bundle set in a real Felix (Pax Exam, native container) and checks that every bundle is
 * ACTIVE (a fragment RESOLVED), and that the Curator registers the deploy folder's {@link ArtifactInstaller}.
 *
 * <p>The bundles are the jars of the unpacked distribution's {@code system/<start level>/} (system property
 * {@code symphainy.dist}, set by failsafe), each at its folder's start level; org.slf4j comes from the system bundle
 * through the distribution's own {@code org.osgi.framework.system.packages.extra} ({@code etc/symphainy.properties}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ContainerBundlesIT {

    /** Symbolic name of the Curator, owner of the governed deployer and its deploy-folder door. */
    private static final String CURATOR_BUNDLE = "org.symphainy.curator";
    /** How long a service may take to appear before the test fails: a failure bound, not a timing check. */
    private static final long SERVICE_WAIT_MILLIS = 30_000;

    /** The probe's bundle context, injected by Pax Exam. */
    @Inject
    private BundleContext context;

    /** The framework: the distribution's system bundles and settings, with a fresh deploy folder and a free HTTP port. */
    @Configuration
    public Option[] configuration() throws IOException {
        return options(Distribution.container());
    }

    /** Every jar of system/ is installed, and every bundle in the framework is ACTIVE, or RESOLVED for a fragment. */
    @Test
    public void everyBundleIsActive() {
        List<String> problems = new ArrayList<>();
        for (Path jar : Distribution.systemJars()) {
            if (context.getBundle(Distribution.location(jar)) == null) {
                problems.add(jar + ": not installed");
            }
        }
        Arrays.stream(context.getBundles()).filter(bundle -> !isReady(bundle)).map(ContainerBundlesIT::describe)
                .forEach(problems::add);
        assertEquals("bundles not ACTIVE (fragments: not RESOLVED)", List.of(), problems);
    }

    /** The Curator registers an ArtifactInstaller, and it claims a jar dropped into the deploy folder. */
    @Test
    public void curatorRegistersTheDeployFolderInstaller() throws InterruptedException {
        ServiceTracker<ArtifactInstaller, ArtifactInstaller> tracker = installersRegisteredBy(CURATOR_BUNDLE);
        tracker.open();
        try {
            ArtifactInstaller installer = tracker.waitForService(SERVICE_WAIT_MILLIS);
            assertNotNull("no ArtifactInstaller service from " + CURATOR_BUNDLE + " within " + SERVICE_WAIT_MILLIS
                    + " ms; " + CURATOR_BUNDLE + ": " + describe(CURATOR_BUNDLE) + "; ArtifactInstaller services: "
                    + installerRegistrations(), installer);
            File dropped = Path.of(context.getProperty("symphainy.deploy"), "dropped.jar").toFile();
            assertTrue("the installer does not claim " + dropped, installer.canHandle(dropped));
        } finally {
            tracker.close();
        }
    }

    /** Tracks the ArtifactInstaller services one bundle registers, and no others (FileInstall registers its own). */
    private ServiceTracker<ArtifactInstaller, ArtifactInstaller> installersRegisteredBy(String symbolicName) {
        return new ServiceTracker<>(context, ArtifactInstaller.class, null) {
            @Override
            public ArtifactInstaller addingService(ServiceReference<ArtifactInstaller> reference) {
                Bundle registrant = reference.getBundle();
                return registrant != null && symbolicName.equals(registrant.getSymbolicName())
                        ? super.addingService(reference) : null;
            }
        };
    }

    /** Each registered ArtifactInstaller service and the bundle that registered it, for failure messages. */
    private List<String> installerRegistrations() {
        try {
            return context.getServiceReferences(ArtifactInstaller.class, null).stream()
                    .map(reference -> reference.getProperty(Constants.SERVICE_ID) + " from " + describe(reference.getBundle()))
                    .collect(Collectors.toList());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The state of the bundle with this symbolic name, or that there is none. */
    private String describe(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(bundle -> symbolicName.equals(bundle.getSymbolicName()))
                .map(ContainerBundlesIT::describe).findFirst().orElse("not installed");
    }

    /** Name, version, id and state of a bundle, e.g. {@code org.symphainy.runtime 0.1.0.SNAPSHOT [12]: RESOLVED}. */
    private static String describe(Bundle bundle) {
        return bundle == null ? "(unregistered)"
                : bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId() + "]: " + state(bundle);
    }

    /** True if the bundle is where it should be: ACTIVE, or RESOLVED for a fragment. */
    private static boolean isReady(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        boolean fragment = revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
        return bundle.getState() == (fragment ? Bundle.RESOLVED : Bundle.ACTIVE);
    }

    /** The name of a bundle's state. */
    private static String state(Bundle bundle) {
        switch (bundle.getState()) {
            case Bundle.UNINSTALLED: return "UNINSTALLED";
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "state " + bundle.getState();
        }
    }
}
