package dev.rollforward.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven filtered into the jar. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    public static String get() {
        return VERSION;
    }

    public static String userAgent() {
        return "rollforward/" + VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/rollforward/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
