package dev.rollforward;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A class loader of its own for start-up footprint tests: it loads our classes and the libraries
 * named (the JDK's come from the platform) and notes the name of every class it loads, so a test
 * can prove what a piece of the start-up path does not pull in.
 */
public final class ClassLoadRecorder extends URLClassLoader {

    private final Set<String> loaded = ConcurrentHashMap.newKeySet();

    /** @param libraries one class from each jar (or folder) the loader may load from */
    public ClassLoadRecorder(Class<?>... libraries) {
        super(Arrays.stream(libraries).map(ClassLoadRecorder::where).distinct().toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
    }

    public Set<String> loaded() {
        return loaded;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        loaded.add(name);
        return super.findClass(name);
    }

    private static URL where(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }
}
