package org.symphainy.itest.process;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Bundle jars made on the fly: a manifest is all a bundle needs to install, resolve and start. */
final class TestBundles {

    private TestBundles() {
    }

    /** A bundle {@code symbolicName} {@code version}, with extra manifest headers given as name, value pairs. */
    static Path bundle(Path dir, String symbolicName, String version, String... headers) throws IOException {
        Manifest manifest = manifest(symbolicName, version);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            manifest.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        return jar(dir.resolve(symbolicName + "-" + version + ".jar"), manifest);
    }

    /** A bundle as {@link #bundle}, holding {@code resources} (path inside the jar to its text). */
    static Path bundleWithResources(Path dir, String symbolicName, String version, Map<String, String> resources,
            String... headers) throws IOException {
        Manifest manifest = manifest(symbolicName, version);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            manifest.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        Path file = dir.resolve(symbolicName + "-" + version + ".jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                jar.putNextEntry(new java.util.jar.JarEntry(resource.getKey()));
                jar.write(resource.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return file;
    }

    private static Manifest manifest(String symbolicName, String version) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", version);
        return manifest;
    }

    /**
     * A bundle whose activator throws {@code IllegalStateException(message)} from {@code start}: compiled here with the
     * JDK's compiler against the distribution's OSGi framework jar.
     */
    static Path failingActivator(Path dir, String symbolicName, String message) throws IOException {
        return failingActivator(dir, symbolicName, "1.0.0", message);
    }

    /** The same at {@code version}. */
    static Path failingActivator(Path dir, String symbolicName, String version, String message) throws IOException {
        String pkg = symbolicName.replace('-', '_');
        String suffix = "1.0.0".equals(version) ? "" : "-" + version;
        Path src = Files.createDirectories(dir.resolve("src-" + pkg + suffix).resolve(pkg.replace('.', '/')));
        Files.writeString(src.resolve("Activator.java"), "package " + pkg + ";\n"
                + "public class Activator implements org.osgi.framework.BundleActivator {\n"
                + "  public void start(org.osgi.framework.BundleContext c) { throw new IllegalStateException(\"" + message + "\"); }\n"
                + "  public void stop(org.osgi.framework.BundleContext c) { }\n"
                + "}\n");
        Path classes = Files.createDirectories(dir.resolve("classes-" + pkg + suffix));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp",
                ContainerProcess.distribution().resolve("lib/org.apache.felix.framework.jar").toString(),
                src.resolve("Activator.java").toString());
        if (status != 0) {
            throw new IOException("javac failed for " + symbolicName);
        }
        Manifest manifest = manifest(symbolicName, version);
        manifest.getMainAttributes().putValue("Bundle-Activator", pkg + ".Activator");
        manifest.getMainAttributes().putValue("Import-Package", "org.osgi.framework");
        Path jar = dir.resolve(symbolicName + suffix + ".jar");
        Path classFile = classes.resolve(pkg.replace('.', '/')).resolve("Activator.class");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(pkg.replace('.', '/') + "/Activator.class"));
            jarOut.write(Files.readAllBytes(classFile));
            jarOut.closeEntry();
        }
        return jar;
    }

    /**
     * A bundle compiled here with the JDK's compiler: {@code sources} maps each class's fully qualified name to its source,
     * compiled against {@code classpath}; every class file goes into the jar, {@code activator} is the Bundle-Activator.
     */
    static Path compiledBundle(Path dir, String symbolicName, String activator, String importPackage,
            Map<String, String> sources, List<Path> classpath) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + symbolicName));
        Path classes = Files.createDirectories(dir.resolve("classes-" + symbolicName));
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        List<String> options = List.of("--release", "17", "-d", classes.toString(), "-cp",
                classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        StringWriter diagnostics = new StringWriter();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        var fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        if (!javac.getTask(diagnostics, fileManager, null, options, null, fileManager.getJavaFileObjectsFromStrings(files)).call()) {
            throw new IOException("javac failed for " + symbolicName + ":\n" + diagnostics);
        }
        Manifest manifest = manifest(symbolicName, "1.0.0");
        manifest.getMainAttributes().putValue("Bundle-Activator", activator);
        manifest.getMainAttributes().putValue("Import-Package", importPackage);
        Path jar = dir.resolve(symbolicName + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path classFile : (Iterable<Path>) compiled.filter(Files::isRegularFile).sorted()::iterator) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(classFile).toString().replace(File.separatorChar, '/')));
                jarOut.write(Files.readAllBytes(classFile));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    /** A valid jar whose manifest has no bundle headers. */
    static Path plainJar(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        return jar(dir.resolve("plain.jar"), manifest);
    }

    /** A file named .jar that is not a zip at all. */
    static Path corruptJar(Path dir) throws IOException {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);
        return Files.write(dir.resolve("corrupt.jar"), noise);
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return file;
    }
}
