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

    /**
     * Milliseconds of CPU used so far: all the server's (the JVM's, and the database's where it is a process of
     * its own), and the shares of the JVM's JIT compilers, its garbage collector and the database.
     */
    record Used(long millis, long compilerMillis, long collectorMillis, long databaseMillis) {

        Used since(Used earlier) {
            return new Used(millis - earlier.millis, compilerMillis - earlier.compilerMillis,
                    collectorMillis - earlier.collectorMillis, databaseMillis - earlier.databaseMillis);
        }

        Used plus(Used other) {
            return new Used(millis + other.millis, compilerMillis + other.compilerMillis,
                    collectorMillis + other.collectorMillis, databaseMillis + other.databaseMillis);
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
     * The CPU so far and its shares (HotSpot's threads {@code C1/C2 CompilerThread<n>}, the collector's
     * {@code GC Thread#<n>} and G1's; a thread that ended since is missed, which counts its time as the
     * operation's, never the other way).
     */
    Used used() {
        List<Path> threads = tasks(process.resolve("task")).toList();
        // the kernel keeps 15 characters of a thread's name
        long compilers = threads.stream().filter(thread -> name(thread).contains("CompilerThre"))
                .mapToLong(thread -> millis(thread, USER, SYSTEM)).sum();
        long collector = threads.stream().filter(thread -> name(thread).startsWith("GC Thread")
                || name(thread).startsWith("G1 ")).mapToLong(thread -> millis(thread, USER, SYSTEM)).sum();
        long database = withPostgres ? postgresMillis() : 0;
        return new Used(millis(process, USER, SYSTEM) + database, compilers, collector, database);
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
