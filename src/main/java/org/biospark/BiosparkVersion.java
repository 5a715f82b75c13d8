package org.biospark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of biospark and of the Spark it was built against, from the build's filtered resource. */
public final class BiosparkVersion {
    private static final Properties PROPERTIES = load();

    private BiosparkVersion() {
    }

    /** biospark's own version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The Spark version biospark was compiled against (the running one may differ on a cluster). */
    public static String builtForSpark() {
        return PROPERTIES.getProperty("spark.version", "unknown");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BiosparkVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
