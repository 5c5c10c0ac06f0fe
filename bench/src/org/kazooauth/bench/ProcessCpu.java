package org.kazooauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system), read from {@code /proc/<pid>/stat}: far steadier than latency on a
 * shared machine, and what the server spends whatever the client does. The JVM's JIT compilers' share is read from
 * their threads apart: it depends on what ran before (the rounds alternate, so the compilers recompile code whose
 * profile the other logins changed), not on the operation measured. On PostgreSQL the database's processes count
 * too, as H2's work counts inside the JVM.
 */
final class ProcessCpu {

    /** Linux's clock ticks per second for {@code /proc} times ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;
    /** In {@code stat}, counted from the field after the command name: the parent, the times. */
    private static final int PARENT = 1;
    private static final int USER = 11;
    private static final int SYSTEM = 12;
    private static final int REAPED_USER = 13;
    private static final int REAPED_SYSTEM = 14;

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
    private final boolean withPostgres;

    /** @param withPostgres whether the local PostgreSQL server's processes count with the JVM */
    ProcessCpu(long pid, boolean withPostgres) {
        this.process = Path.of("/proc", Long.toString(pid));
        this.withPostgres = withPostgres;
    }

    /**
     * The CPU so far and the compilers' share (HotSpot's threads {@code C1/C2 CompilerThread<n>}; one that ended
     * since is missed, which counts its time as the operation's, never the other way).
     */
    Used used() {
        long compilers = tasks(process.resolve("task"))
                .filter(thread -> name(thread).contains("CompilerThre")) // the kernel keeps 15 characters of a name
                .mapToLong(thread -> millis(thread, USER, SYSTEM)).sum();
        long server = millis(process, USER, SYSTEM) + (withPostgres ? postgresMillis() : 0);
        return new Used(server, compilers);
    }

    /**
     * The PostgreSQL server's CPU so far: its live processes' own, and for its main process also that of the
     * children it has reaped (a connection's backend that has ended, an autovacuum worker).
     */
    private static long postgresMillis() {
        return tasks(Path.of("/proc")).filter(other -> name(other).equals("postgres")).mapToLong(postgres -> {
            long own = millis(postgres, USER, SYSTEM);
            Path parent = Path.of("/proc", stat(postgres).map(fields -> fields.get(PARENT)).orElse("0"));
            return name(parent).equals("postgres") ? own : own + millis(postgres, REAPED_USER, REAPED_SYSTEM);
        }).sum();
    }

    /** The numbered entries of a {@code /proc} folder: processes, or one process's threads. */
    private static Stream<Path> tasks(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).trim();
        } catch (IOException ended) {
            return "";
        }
    }

    /** Two of a task's times in milliseconds, 0 once it has ended. */
    private static long millis(Path task, int first, int second) {
        return stat(task).map(fields -> (Long.parseLong(fields.get(first)) + Long.parseLong(fields.get(second)))
                * 1000 / TICKS_PER_SECOND).orElse(0L);
    }

    /** The fields of a task's {@code stat} after its command name; empty once it has ended. */
    private static Optional<List<String>> stat(Path task) {
        try {
            String line = Files.readString(task.resolve("stat"));
            // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
            return Optional.of(List.of(line.substring(line.lastIndexOf(')') + 2).split(" ")));
        } catch (IOException ended) {
            return Optional.empty();
        }
    }
}
