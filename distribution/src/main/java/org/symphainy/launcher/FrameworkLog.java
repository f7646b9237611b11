package org.symphainy.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;
import org.symphainy.foundations.osgi.ResolutionDiagnosis;

/** Felix's own messages, as one line each in the container's log layout. */
final class FrameworkLog extends Logger {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.symphainy.framework");

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String text = (bundle == null || bundle.getBundleId() == 0 ? "" : ResolutionDiagnosis.name(bundle) + ": ")
                + msg + (throwable == null ? "" : ": " + ResolutionDiagnosis.oneLine(throwable));
        String line = text.replaceAll("\\s+", " ");
        switch (level) {
            case LOG_ERROR -> LOG.error(line);
            case LOG_WARNING -> LOG.warn(line);
            case LOG_INFO -> LOG.info(line);
            default -> LOG.debug(line);
        }
    }
}
