package org.symphainy.launcher;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code java.util.logging} records (Jersey, HK2, the REST whiteboard and SPI Fly log there) to slf4j under the
 * same logger names, so they reach the container's one log in its layout and obey its per-logger levels
 * ({@code org.slf4j.simpleLogger.log.<name>} in {@code etc/symphainy.properties}).
 */
final class JulBridge extends Handler {

    private final Formatter formatter = new SimpleFormatter();

    private JulBridge() {
    }

    /** Replaces the root JUL logger's handlers with the bridge; records of INFO and above are passed on. */
    static void install() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new JulBridge());
        root.setLevel(Level.INFO);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        Logger log = LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
        String message = formatter.formatMessage(record);
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            log.error(message, record.getThrown());
        } else if (level >= Level.WARNING.intValue()) {
            log.warn(message, record.getThrown());
        } else if (level >= Level.INFO.intValue()) {
            log.info(message, record.getThrown());
        } else {
            log.debug(message, record.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
