package org.symphainy.runtime.internal.deploy;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;

/**
 * Installs, updates and uninstalls the bundles dropped into the deploy folder ({@code symphainy.deploy}).
 *
 * <p>FileInstall watches the folder and calls this installer for every file in it. A file that is not a bundle, or a
 * bundle that cannot be installed, resolved or started, gets one log line naming the file and the reason; nothing else
 * in the framework is disturbed, and an update that cannot be applied leaves the running revision in place.
 */
@Component(service = ArtifactInstaller.class, property = Constants.SERVICE_RANKING + ":Integer=1000")
public final class DeployFolderInstaller implements ArtifactInstaller {

    /** Framework property naming the deploy folder. */
    public static final String DEPLOY_DIR_PROPERTY = "symphainy.deploy";

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.deploy");
    private static final long REFRESH_TIMEOUT_SECONDS = 30;

    private final BundleContext context;
    private final Path folder;
    private final DeployedDigests digests;

    /** Watches the folder named by the framework property {@code symphainy.deploy}. */
    @Activate
    public DeployFolderInstaller(BundleContext context) {
        this(context, folderOf(context));
    }

    DeployFolderInstaller(BundleContext context, Path folder) {
        this.context = context;
        this.folder = folder;
        java.io.File data = context.getDataFile("deployed-digests.properties");
        this.digests = new DeployedDigests(data == null ? null : data.toPath());
        if (folder == null) {
            LOG.warn("framework property {} is not set: the deploy folder is not watched", DEPLOY_DIR_PROPERTY);
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        if (folder == null) {
            return false;
        }
        Path path = artifact.toPath().toAbsolutePath().normalize();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return folder.equals(path.getParent())
                && !name.startsWith(".")
                && !name.endsWith(".cfg") && !name.endsWith(".config")
                && !name.endsWith(".tmp") && !name.endsWith(".part") && !name.endsWith("~");
    }

    @Override
    public void install(File artifact) {
        deploy(DroppedFile.inspect(artifact.toPath()));
    }

    @Override
    public void update(File artifact) {
        deploy(DroppedFile.inspect(artifact.toPath()));
    }

    @Override
    public void uninstall(File artifact) {
        Bundle bundle = context.getBundle(location(artifact.toPath()));
        if (bundle == null) {
            return;
        }
        String name = ResolutionDiagnosis.name(bundle);
        try {
            bundle.uninstall();
            digests.forget(bundle.getLocation());
            refresh(bundle);
            LOG.info("{}: undeployed {}", artifact.getName(), name);
        } catch (BundleException | IllegalStateException e) {
            LOG.error("{}: could not undeploy {}: {}", artifact.getName(), name, ResolutionDiagnosis.oneLine(e));
        }
    }

    private void deploy(DroppedFile file) {
        switch (file.kind()) {
            case IGNORED:
                LOG.warn("{}: ignored: {}", file.name(), file.reason());
                return;
            case REJECTED:
                LOG.error("{}: rejected: {}{}", file.name(), file.reason(), keptRevision(file));
                return;
            default:
                Bundle installed = context.getBundle(location(file.path()));
                if (installed != null && digests.unchanged(installed.getLocation(), file.path())) {
                    return; // offered again at start, unchanged: the framework restarts it by itself
                }
                Bundle bundle = installOrUpdate(file);
                if (bundle != null) {
                    digests.record(bundle.getLocation(), file.path());
                    start(file, bundle);
                    startWaitingBundles(bundle);
                }
        }
    }

    private Bundle installOrUpdate(DroppedFile file) {
        String location = location(file.path());
        Bundle existing = context.getBundle(location);
        if (existing == null) {
            try (InputStream in = Files.newInputStream(file.path())) {
                return context.installBundle(location, in);
            } catch (BundleException | IOException | IllegalStateException e) {
                LOG.error("{}: rejected: {} cannot be installed: {}", file.name(), file.bundleName(), ResolutionDiagnosis.oneLine(e));
                return null;
            }
        }
        return update(file, existing);
    }

    /** Stops the bundle (transiently, so it is not restarted twice), updates it, rewires its dependents, once. */
    private Bundle update(DroppedFile file, Bundle existing) {
        boolean wasActive = existing.getState() == Bundle.ACTIVE || existing.getState() == Bundle.STARTING;
        try (InputStream in = Files.newInputStream(file.path())) {
            existing.stop(Bundle.STOP_TRANSIENT);
            existing.update(in);
        } catch (BundleException | IOException | IllegalStateException e) {
            LOG.error("{}: rejected: {} cannot be updated to {}: {}{}", file.name(), ResolutionDiagnosis.name(existing),
                    file.version(), ResolutionDiagnosis.oneLine(e), keptRevision(file));
            if (wasActive) {
                start(file, existing);
            }
            return null;
        }
        refresh(existing);
        return existing;
    }

    private void start(DroppedFile file, Bundle bundle) {
        if (isFragment(bundle)) {
            return;
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (!wiring.resolveBundles(List.of(bundle))) {
            LOG.error("{}: {} is installed but {}; it starts once that is deployed", file.name(),
                    ResolutionDiagnosis.name(bundle), ResolutionDiagnosis.explain(context, bundle, null));
            return;
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            LOG.error("{}: {} {}", file.name(), ResolutionDiagnosis.name(bundle), ResolutionDiagnosis.explain(context, bundle, e));
        }
    }

    /** A new bundle may provide what an earlier one was waiting for: try those again, quietly. */
    private void startWaitingBundles(Bundle deployed) {
        String prefix = folder.toUri().toString();
        for (Bundle bundle : context.getBundles()) {
            if (bundle != deployed && bundle.getLocation().startsWith(prefix)
                    && bundle.getState() == Bundle.INSTALLED && !isFragment(bundle)) {
                try {
                    bundle.start();
                } catch (BundleException | IllegalStateException e) {
                    LOG.debug("{} still waits: {}", ResolutionDiagnosis.name(bundle), e.getMessage());
                }
            }
        }
    }

    private String keptRevision(DroppedFile file) {
        Bundle existing = context.getBundle(location(file.path()));
        return existing == null ? "" : "; " + ResolutionDiagnosis.name(existing) + " keeps running";
    }

    private void refresh(Bundle bundle) {
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("refresh after {} did not finish within {} s", ResolutionDiagnosis.name(bundle), REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isFragment(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String location(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }

    private static Path folderOf(BundleContext context) {
        String dir = context.getProperty(DEPLOY_DIR_PROPERTY);
        return dir == null ? null : Path.of(dir).toAbsolutePath().normalize();
    }
}
