package io.nats4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Process and temp-dir bookkeeping shared by the fixtures, with a JVM shutdown hook as the last resort. */
final class Fixtures {
    private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
    private static final Set<Path> DIRS = ConcurrentHashMap.newKeySet();

    static {
        // Last resort only: close() is the normal path. A server left running would hold its
        // ports and outlive the test JVM, so kill it; temp dirs go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Process p : PROCESSES) {
                p.destroyForcibly();
            }
            for (Process p : PROCESSES) {
                try {
                    p.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            for (Path dir : DIRS) {
                deleteQuietly(dir);
            }
        }, "nats4j-testing-cleanup"));
    }

    private Fixtures() {
    }

    static void track(Process p) {
        PROCESSES.add(p);
    }

    static void untrack(Process p) {
        PROCESSES.remove(p);
    }

    static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            DIRS.add(dir);
            return dir;
        } catch (IOException e) {
            throw new NatsTestingException("cannot create a temporary directory", e);
        }
    }

    static void deleteDir(Path dir) {
        DIRS.remove(dir);
        deleteQuietly(dir);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temp dir is not worth failing a test for
        }
    }

    /**
     * Polls {@code condition} until it holds or the timeout passes.
     *
     * @return whether the condition held
     */
    static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NatsTestingException("interrupted while waiting", e);
            }
        }
    }
}
