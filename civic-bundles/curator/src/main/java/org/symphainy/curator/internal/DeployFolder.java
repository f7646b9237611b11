package org.symphainy.curator.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.symphainy.sdk.deploy.BundleInfo;
import org.symphainy.sdk.deploy.DeployRefusedException;
import org.symphainy.sdk.deploy.DeployIntents;
import org.symphainy.sdk.deploy.Deployments;
import org.symphainy.sdk.deploy.StagedBundle;
import org.symphainy.sdk.intent.IntentException;
import org.symphainy.sdk.runtime.Execution;
import org.symphainy.sdk.runtime.ExecutionState;
import org.symphainy.sdk.runtime.Submission;

/**
 * The deploy folder's door to the governed deployer: each file dropped into {@code symphainy.deploy}, replaced or
 * removed becomes a {@code platform.bundle.install}, {@code update} or {@code uninstall} intent of the system actor
 * {@value #ACTOR}, with the file's name and hash and the reason, staged and applied by the same {@link Deployer} as
 * the admin API's. A file still growing is waited for (bounded) and never staged half; a file that is not a bundle is
 * one log line naming it and why; a refused intent is one log line with the Runtime's reason.
 */
@Component(service = ArtifactInstaller.class, property = Constants.SERVICE_RANKING + ":Integer=1000",
        configurationPid = DeployFolder.PID)
@Designate(ocd = DeployFolder.Config.class)
public final class DeployFolder implements ArtifactInstaller {

    static final String PID = "org.symphainy.curator.deployfolder";
    /** The system actor the folder's intents are submitted as. */
    static final String ACTOR = "deploy-folder";

    private static final Logger LOG = LoggerFactory.getLogger("org.symphainy.deploy");

    /** The folder's settings. */
    @ObjectClassDefinition(name = "Symphainy deploy folder")
    public @interface Config {
        @AttributeDefinition(description = "How long a dropped file's size and time must stay unchanged before it is read, in ms")
        long settleMillis() default 200;

        @AttributeDefinition(description = "How long a file still being written is waited for before it is refused, in ms")
        long maxSettleMillis() default 30_000;
    }

    private final Path folder;
    /** The deployer; followed dynamically, so the installer stays registered while the deployer is reconfigured. */
    private volatile Deployments deployments;
    /** Null until the Runtime is up (it recovers its WAL first): files that come meanwhile wait in {@link #early}. */
    private volatile PlatformSubmitter submitter;
    /** Files that came before the Runtime was up, in order: deployed (or undeployed, if gone by then) once it is. */
    private final Map<String, Path> early = new java.util.LinkedHashMap<>();
    private final FolderRecords records;
    private volatile FileSettling settling;
    /** Files refused only because something they need is not installed yet: tried again when a bundle is resolved. */
    private final Map<String, Path> waiting = new ConcurrentHashMap<>();
    /**
     * How many bundle changes there have been, and the last one: a file refused while a bundle was being resolved
     * is tried again at once, since the event that would have woken it may have come while it was not yet waiting.
     */
    private final AtomicLong changes = new AtomicLong();
    private volatile String lastChange = "";
    /** Retries run here, never on the runtime thread that reports an execution's end. */
    private final BundleContext context;
    private final BundleListener listener = this::bundleChanged;
    private final ExecutorService retries = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "symphainy-deploy-folder-retry");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The folder named by the framework property {@code symphainy.deploy}. The installer is registered as soon as the
     * Curator starts — before the folder's watcher, and before the Runtime has recovered — so no file in the folder is
     * ever installed past it (FileInstall installs a jar itself when no installer claims it); files that come before
     * the Runtime is up (or while the deployer is being reconfigured) wait for it.
     */
    @Activate
    public DeployFolder(BundleContext context, Config config) {
        String dir = context.getProperty(BundleCatalog.DEPLOY_DIR_PROPERTY);
        this.folder = dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
        this.records = new FolderRecords(Deployer.dataDirectory(context).resolve("curator")
                .resolve("deploy-folder.properties"));
        this.settling = new FileSettling(config.settleMillis(), config.maxSettleMillis());
        this.context = context;
        context.addBundleListener(listener);
        if (folder == null) {
            LOG.warn("framework property {} is not set: the deploy folder is not watched",
                    BundleCatalog.DEPLOY_DIR_PROPERTY);
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        if (folder == null) {
            return false;
        }
        Path path = artifact.toPath().toAbsolutePath().normalize();
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return folder.equals(path.getParent()) && !name.startsWith(".")
                && !name.endsWith(".cfg") && !name.endsWith(".config")
                && !name.endsWith(".tmp") && !name.endsWith(".part") && !name.endsWith("~");
    }

    /** New settling times apply to the next file; the installer stays registered. */
    @Modified
    void modified(Config config) {
        settling = new FileSettling(config.settleMillis(), config.maxSettleMillis());
    }

    /** The Runtime is up: the files that came before are deployed now, off the binding thread. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSubmitter(PlatformSubmitter submitter) {
        this.submitter = submitter;
        deployEarlyFilesLater();
    }

    /** The deployer is there (again): the files that came without it are deployed now. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDeployments(Deployments deployments) {
        this.deployments = deployments;
        deployEarlyFilesLater();
    }

    void unsetDeployments(Deployments deployments) {
        if (this.deployments == deployments) {
            this.deployments = null;
        }
    }

    private void deployEarlyFilesLater() {
        try {
            retries.execute(this::deployEarlyFiles);
        } catch (RejectedExecutionException e) {
            // deactivated: the files are offered again at the next start
        }
    }

    void unsetSubmitter(PlatformSubmitter submitter) {
        if (this.submitter == submitter) {
            this.submitter = null;
        }
    }

    private void deployEarlyFiles() {
        List<Map.Entry<String, Path>> files;
        synchronized (early) {
            if (submitter == null || deployments == null) {
                return; // the other one's binding calls again
            }
            files = List.copyOf(early.entrySet());
            early.clear();
        }
        for (Map.Entry<String, Path> file : files) {
            if (Files.exists(file.getValue())) {
                LOG.info("{}: deployed now that the Runtime and the deployer are up", file.getKey());
                deploy(file.getValue());
            } else {
                uninstall(file.getValue().toFile());
            }
        }
    }

    /** True (and the file kept for later) if the Runtime is not up yet, or the deployer is being reconfigured. */
    private boolean early(Path path) {
        synchronized (early) {
            if (submitter != null && deployments != null) {
                return false;
            }
            if (early.put(path.getFileName().toString(), path) == null) {
                LOG.info("{}: waits for the Runtime and the deployer, which are still starting; it is deployed once "
                        + "they are up", path.getFileName());
            }
            return true;
        }
    }

    @Override
    public void install(File artifact) {
        if (!early(artifact.toPath())) {
            deploy(artifact.toPath());
        }
    }

    @Override
    public void update(File artifact) {
        if (!early(artifact.toPath())) {
            deploy(artifact.toPath());
        }
    }

    /** Submits the uninstall of the bundle the removed file held. */
    @Override
    public void uninstall(File artifact) {
        if (early(artifact.toPath())) {
            return;
        }
        String name = artifact.getName();
        if (waiting.remove(name) != null) {
            LOG.info("{}: removed from deploy/ while it waited for what it needs", name);
        }
        Optional<FolderRecords.Entry> entry = records.get(name);
        if (entry.isEmpty()) {
            return;
        }
        if (installed(entry.get()).isEmpty()) {
            records.forget(name, entry.get());
            return;
        }
        String payload = Payloads.of("symbolicName", entry.get().symbolicName(), "version", entry.get().version(),
                "reason", "removed from deploy/ (" + name + ")");
        records.forget(name, entry.get());
        submit(name, DeployIntents.UNINSTALL, payload, entry.get(), entry);
    }

    private void deploy(Path path) {
        String name = path.getFileName().toString();
        waiting.remove(name);
        Optional<FolderRecords.Entry> previous = records.get(name);
        if (name.toLowerCase(Locale.ROOT).endsWith(".jar") && !settling.settled(path)) {
            if (Files.exists(path)) {
                LOG.error("{}: rejected: it was still being written after {} ms; copy it under a temporary name "
                        + "(.tmp) and rename it into the deploy folder{}", name, settling.maxMillis(), kept(previous));
            }
            return;
        }
        DroppedFile file = DroppedFile.inspect(path);
        switch (file.kind()) {
            case IGNORED -> LOG.warn("{}: ignored: {}", name, file.reason());
            case REJECTED -> LOG.error("{}: rejected: {}{}", name, file.reason(), kept(previous));
            default -> deployBundle(path, file, previous);
        }
    }

    private void deployBundle(Path path, DroppedFile file, Optional<FolderRecords.Entry> previous) {
        String name = file.name();
        String sha = sha256(path);
        if (sha == null) {
            return; // gone while being read: its removal is reported by FileInstall
        }
        if (previous.isPresent() && previous.get().sha256().equals(sha) && installed(previous.get()).isPresent()) {
            return; // offered again at start, unchanged: the framework restarts it by itself
        }
        Optional<String> holder = records.fileOf(file.symbolicName(), name);
        if (holder.isPresent()) {
            LOG.error("{}: rejected: {} is deployed from {} already; replace that file to update it, or remove it "
                    + "first", name, file.bundleName(), holder.get());
            return;
        }
        Deployments deployments = this.deployments;
        if (deployments == null) {
            early(path);
            return;
        }
        StagedBundle staged;
        long changesSeen = changes.get();
        try (InputStream in = Files.newInputStream(path)) {
            staged = deployments.stage(name, in);
        } catch (DeployRefusedException e) {
            if (e.details().text().contains("\"refusal\":\"unresolved\"")) {
                waiting.put(name, path);
                LOG.error("{}: rejected for now: {}{}; it is tried again each time "
                        + "another bundle is installed", name, e.getMessage(), kept(previous));
                if (changes.get() != changesSeen) {
                    // a bundle changed during the check: its event may have found nothing waiting (no lost wake-up)
                    retry(lastChange);
                }
            } else {
                LOG.error("{}: rejected: {}{}", name, e.getMessage(), kept(previous));
            }
            return;
        } catch (IntentException e) {
            LOG.error("{}: rejected: {}{}", name, e.getMessage(), kept(previous));
            return;
        } catch (IOException e) {
            LOG.error("{}: rejected: cannot read it ({}){}", name, e.getMessage(), kept(previous));
            return;
        }
        boolean update = deployments.bundles().stream()
                .anyMatch(b -> !b.platform() && b.symbolicName().equals(staged.symbolicName()));
        String reason = "dropped into deploy/ as " + name;
        String payload = update
                ? Payloads.of("symbolicName", staged.symbolicName(), "sha256", staged.sha256(), "reason", reason)
                : Payloads.of("sha256", staged.sha256(), "reason", reason);
        FolderRecords.Entry entry = new FolderRecords.Entry(staged.sha256(), staged.symbolicName(), staged.version());
        records.put(name, entry);
        submit(name, update ? DeployIntents.UPDATE : DeployIntents.INSTALL, payload, entry, previous);
    }

    /** Submits one intent; when refused (now or when it ends), logs why and restores the file's previous record. */
    private void submit(String name, String type, String payload, FolderRecords.Entry entry,
            Optional<FolderRecords.Entry> previous) {
        Runnable restore = () -> {
            records.forget(name, DeployIntents.UNINSTALL.equals(type) ? null : entry);
            previous.ifPresent(p -> records.put(name, p));
        };
        Submission submission;
        PlatformSubmitter through = submitter;
        if (through == null) {
            restore.run();
            early(folder.resolve(name)); // only files of the watched folder reach here
            return;
        }
        try {
            submission = through.submit(ACTOR, type, payload);
        } catch (IntentException e) {
            restore.run();
            LOG.error("{}: {} refused: {}{}", name, type, e.getMessage(), kept(previous));
            return;
        }
        LOG.info("{}: {} {} {} submitted as execution {}", name, type, entry.symbolicName(), entry.version(),
                submission.executionId());
        through.whenEnded(submission.executionId(), execution -> ended(name, type, execution, restore, previous));
    }

    private void ended(String name, String type, Execution execution, Runnable restore,
            Optional<FolderRecords.Entry> previous) {
        if (execution.state() == ExecutionState.FAILED) {
            restore.run();
            LOG.error("{}: {} refused (execution {}): {}{}", name, type, execution.id(),
                    execution.failure() == null ? "no reason recorded" : execution.failure().message(),
                    kept(previous));
        }
    }

    /**
     * A bundle was resolved (from deploy/, an upload or a rollback): the files that waited for
     * what they need are tried again, each once, off the framework's event thread.
     */
    private void bundleChanged(BundleEvent event) {
        if (event.getType() != BundleEvent.RESOLVED) {
            return; // the trial resolve wires against resolved bundles only: nothing else can change its outcome
        }
        String what = event.getBundle().getSymbolicName() + " " + event.getBundle().getVersion() + " is resolved";
        lastChange = what;
        changes.incrementAndGet(); // before looking at what waits: see deployBundle
        if (!waiting.isEmpty()) {
            retry(what);
        }
    }

    private void retry(String what) {
        try {
            retries.execute(() -> retryWaiting(what));
        } catch (RejectedExecutionException e) {
            // deactivated: the files are offered again at the next start
        }
    }

    private void retryWaiting(String what) {
        for (Map.Entry<String, Path> file : Map.copyOf(waiting).entrySet()) {
            if (waiting.remove(file.getKey(), file.getValue()) && Files.exists(file.getValue())) {
                LOG.info("{}: trying again now that {}", file.getKey(), what);
                deploy(file.getValue());
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
        retries.shutdownNow();
    }

    private Optional<BundleInfo> installed(FolderRecords.Entry entry) {
        Deployments deployments = this.deployments;
        if (deployments == null) {
            return Optional.empty();
        }
        return deployments.bundles().stream().filter(b -> !b.platform()
                && b.symbolicName().equals(entry.symbolicName()) && b.version().equals(entry.version())).findFirst();
    }

    private String kept(Optional<FolderRecords.Entry> previous) {
        return previous.flatMap(this::installed)
                .map(b -> "; " + b.symbolicName() + " " + b.version() + " keeps running").orElse("");
    }

    private static String sha256(Path jar) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
