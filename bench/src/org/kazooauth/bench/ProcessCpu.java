package org.kazooauth.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system), read from {@code /proc/<pid>/stat}: far steadier than latency on a
 * shared machine, and what the server spends whatever the client does.
 */
final class ProcessCpu {

    /** Linux's clock ticks per second for {@code /proc} times ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = 100;

    private final long pid;

    ProcessCpu(long pid) {
        this.pid = pid;
    }

    /** Milliseconds of CPU the process has used so far. */
    long millis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000 / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
