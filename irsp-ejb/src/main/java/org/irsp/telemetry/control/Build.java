package org.irsp.telemetry.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What was built: the version Maven stamped into {@code irsp-build.properties}. */
@ApplicationScoped
public class Build {

    private final String version;

    public Build() {
        Properties p = new Properties();
        try (InputStream in = Build.class.getResourceAsStream("/irsp-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        version = p.getProperty("version", "unknown");
    }

    public String version() {
        return version;
    }
}
