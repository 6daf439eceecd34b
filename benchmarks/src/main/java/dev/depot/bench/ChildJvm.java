package dev.depot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for the JVMs the harness starts (the Artemis broker, consumers in other JVMs), with
 * this module's runtime class path: the shaded jar itself when the harness runs from it, else
 * target/classes plus the dependency list Maven wrote at build time.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String classpath() {
        String override = System.getProperty("depot.bench.classpath");
        if (override != null && !override.isBlank()) {
            return override;
        }
        Path here;
        try {
            here = Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isRegularFile(here)) {
            return here.toString(); // the shaded jar holds everything
        }
        try (InputStream in = ChildJvm.class.getResourceAsStream("runtime-classpath.txt")) {
            if (in == null) {
                throw new IllegalStateException("runtime-classpath.txt is missing from " + here
                        + ": build with Maven (it writes it in generate-resources) or set -Ddepot.bench.classpath");
            }
            String deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return here + (deps.isEmpty() ? "" : java.io.File.pathSeparator + deps);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> command(String heap, String mainClass, List<String> args) {
        return command(heap, List.of(), mainClass, args);
    }

    public static List<String> command(String heap, List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + heap);
        command.addAll(jvmArgs);
        command.add("-XX:+UseG1GC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.jboss.logging.provider=slf4j");
        command.add("-cp");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }
}
