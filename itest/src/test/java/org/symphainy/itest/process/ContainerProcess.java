package org.symphainy.itest.process;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real {@code bin/symphainy} process of the unpacked distribution, with its own data directory and HTTP port. */
final class ContainerProcess implements AutoCloseable {

    /** How long to wait for an expected line before failing: a bound for failures, not a performance check. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final Pattern READY = Pattern.compile("Symphainy \\S+ ready in (\\d+) ms \\((\\d+) bundles active\\)");

    private final Process process;
    private final Path home;
    private final Path data;
    private final int port;
    private final List<String> lines = new ArrayList<>();
    private int consumed;

    private ContainerProcess(Process process, Path home, Path data, int port) {
        this.process = process;
        this.home = home;
        this.data = data;
        this.port = port;
        Thread reader = new Thread(this::readOutput, "container-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The distribution the build unpacked for the integration tests. */
    static Path distribution() {
        return Path.of(System.getProperty("symphainy.dist", "target/symphainy")).toAbsolutePath();
    }

    /** A private copy of the distribution under {@code target}, so a test's deploy/ and data/ are its own. */
    static Path copyOfDistribution(Path target) throws IOException {
        Path source = distribution();
        try (var paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** Starts {@code bin/symphainy} of {@code home} on {@code data} and a free port, with extra environment and arguments. */
    static ContainerProcess start(Path home, Path data, Map<String, String> env, String... args) throws IOException {
        return start(home, data, freePort(), env, args);
    }

    static ContainerProcess start(Path home, Path data, int port, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/symphainy").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SYMPHAINY_HOME");
        builder.environment().put("SYMPHAINY_DATA", data.toString());
        builder.environment().put("SYMPHAINY_HTTP_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        return new ContainerProcess(builder.start(), home, data, port);
    }

    /** Waits for the next output line matching {@code regex} (after the last one matched) and returns its match. */
    Matcher await(String regex) {
        return await(regex, true);
    }

    /**
     * Waits for a line matching {@code regex} anywhere in the output so far or to come, without moving past it: for
     * lines other threads write in no fixed order with the ones awaited in turn.
     */
    Matcher awaitAnywhere(String regex) {
        return await(regex, false);
    }

    private Matcher await(String regex, boolean inTurn) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (lines) {
            while (true) {
                for (int i = inTurn ? consumed : 0; i < lines.size(); i++) {
                    Matcher m = pattern.matcher(lines.get(i));
                    if (m.find()) {
                        if (inTurn) {
                            consumed = i + 1;
                        }
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && drained())) {
                    fail("no line matching /" + regex + "/ (process " + (process.isAlive() ? "running" : "exited "
                            + process.exitValue()) + "); output:\n" + String.join("\n", lines));
                }
                waitForLines(left);
            }
        }
    }

    /** Waits until the container says it is ready. */
    Matcher awaitReady() {
        return await(READY.pattern());
    }

    /** Copies {@code jar} into {@code deploy/} under {@code name} atomically: a temporary name first, then a rename. */
    void deploy(Path jar, String name) throws IOException {
        Path deploy = home.resolve("deploy");
        Path temp = deploy.resolve("." + name + ".tmp");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, deploy.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    void undeploy(String name) throws IOException {
        Files.delete(home.resolve("deploy").resolve(name));
    }

    /** Sends SIGTERM and returns the exit code (through the process handle: {@code Process.destroy()} closes the pipes). */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        return exitCode();
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the container did not exit; output:\n" + output());
        }
        synchronized (lines) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!drained() && System.nanoTime() < deadline) {
                waitForLines(deadline - System.nanoTime());
            }
        }
        return process.exitValue();
    }

    /** True once the container has printed a line containing {@code text}, waiting for it up to {@link #PATIENCE}. */
    boolean printed(String text) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        synchronized (lines) {
            while (lines.stream().noneMatch(line -> line.contains(text))) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || drained()) {
                    return false;
                }
                waitForLines(left);
            }
            return true;
        }
    }

    /** Everything printed so far. */
    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Every output line so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    long pid() {
        return process.pid();
    }

    Path data() {
        return data;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private boolean outputDone;

    private boolean drained() {
        return outputDone;
    }

    private void waitForLines(long nanos) {
        try {
            TimeUnit.NANOSECONDS.timedWait(lines, Math.max(1, Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(200))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            synchronized (lines) {
                outputDone = true;
                lines.notifyAll();
            }
        }
    }
}
