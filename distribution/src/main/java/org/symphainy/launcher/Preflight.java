package org.symphainy.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Checks made before the framework starts, so a bad environment fails at once with a message that says what to do. */
final class Preflight {

    private Preflight() {
    }

    /** Creates the data directory if needed and proves it writable. */
    static void checkDataDirectory(Path data) throws LaunchException {
        try {
            Files.createDirectories(data);
            Path probe = Files.createTempFile(data, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "data directory " + data + " is not writable ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "): point SYMPHAINY_DATA at a writable directory");
        }
    }

    /** Takes the data directory's lock for the life of the process: two containers never share one data directory. */
    static FileChannel lockDataDirectory(Path data) throws LaunchException {
        Path lockFile = data.resolve(".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new LaunchException(LaunchException.ENVIRONMENT, "another Symphainy container is running on data directory "
                        + data + ": stop it, or point SYMPHAINY_DATA at another directory");
            }
            return channel;
        } catch (IOException | OverlappingFileLockException e) {
            throw new LaunchException(LaunchException.ENVIRONMENT, "cannot lock " + lockFile + ": " + e.getMessage());
        }
    }

    /** Proves the HTTP address can be bound now, to report a taken port before anything starts. */
    static void checkPort(String host, int port) throws LaunchException {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new LaunchException(LaunchException.USAGE, "HTTP host '" + host + "' is unknown: fix " + Settings.HTTP_HOST
                    + " in etc/symphainy.properties");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 1);
        } catch (BindException e) {
            throw portUnusable(host, port, e.getMessage());
        } catch (IOException e) {
            throw portUnusable(host, port, e.toString());
        }
    }

    static LaunchException portUnusable(String host, int port, String reason) {
        return new LaunchException(LaunchException.ENVIRONMENT, "cannot listen on " + host + ":" + port + " (" + reason
                + "): stop what uses that port, or choose another with SYMPHAINY_HTTP_PORT");
    }
}
