package org.kazooauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system), read from {@code /proc/<pid>/stat}: far steadier than latency on a
 * shared machine, and what the server spends whatever the client does. The JVM's JIT compilers' share is read from
 * their threads apart: it depends on what ran before (the rounds alternate, so the compilers recompile code whose
 * profile the other logins changed), not on the operation measured.
 */
final class ProcessCpu {

    /** Linux's clock ticks per second for {@code /proc} times ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;

    /** Milliseconds of CPU used so far: all the process's, and its JIT compiler threads' share of it. */
    record Used(long millis, long compilerMillis) {

        Used since(Used earlier) {
            return new Used(millis - earlier.millis, compilerMillis - earlier.compilerMillis);
        }

        Used plus(Used other) {
            return new Used(millis + other.millis, compilerMillis + other.compilerMillis);
        }

        /** The CPU of everything but the compilers: the work asked of the server. */
        long workMillis() {
            return millis - compilerMillis;
        }
    }

    private final Path process;

    ProcessCpu(long pid) {
        this.process = Path.of("/proc", Long.toString(pid));
    }

    private long millis() {
        return millis(process.resolve("stat")).orElseThrow(() -> new IllegalStateException(process + " has ended"));
    }

    /**
     * The process's CPU so far and its compilers' share (HotSpot's threads {@code C1/C2 CompilerThread<n>}; one
     * that ended since is missed, which counts its time as the operation's, never the other way).
     */
    Used used() {
        long compilers = 0;
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            for (Path thread : threads.toList()) {
                if (name(thread).contains("CompilerThre")) { // the kernel keeps 15 characters of a name
                    compilers += millis(thread.resolve("stat")).orElse(0L);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Used(millis(), compilers);
    }

    private static String name(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).trim();
        } catch (IOException ended) {
            return "";
        }
    }

    /** The user + system time in a {@code stat} file; empty when its thread has ended. */
    private static OptionalLong millis(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException ended) {
            return OptionalLong.empty();
        }
        // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
        List<String> fields = List.of(line.substring(line.lastIndexOf(')') + 2).split(" "));
        long ticks = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
        return OptionalLong.of(ticks * 1000 / TICKS_PER_SECOND);
    }
}
