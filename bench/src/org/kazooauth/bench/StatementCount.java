package org.kazooauth.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * P3: the SQL statements a login costs, counted from Hibernate's statement log ({@code org.hibernate.SQL} at DEBUG)
 * of a server started for this alone: logins one after another, the statements logged meanwhile, per login. Each
 * log line names its thread: those of the node's attempt writer ({@code AttemptWriter}) are off the login's path,
 * one multi-row insert per second for however many logins, and are counted apart.
 */
final class StatementCount {

    /** A logged statement: its thread, and its first word. */
    private static final Pattern STATEMENT = Pattern.compile("\\[org\\.hibernate\\.SQL\\] \\(([^)\\n]*)\\)\\s+(\\w+)");
    /** The thread of {@code AttemptWriter}, which stores the attempt log in batches. */
    private static final String ATTEMPT_WRITER = "kazoo-attempt-writer";

    /**
     * Statements per login on the login's own path by kind (select, insert, update, delete), in all, and those
     * the attempt writer ran meanwhile in its batches.
     */
    record PerLogin(String name, int logins, Map<String, Double> byKind, double total, double batched) {
    }

    private StatementCount() {
    }

    static PerLogin measure(String name, int logins, IntFunction<Callable<Boolean>> login, Path log) throws Exception {
        // the same logins once uncounted: what is counted is a login of a user Keycloak has cached, for every row alike
        for (int i = 1; i <= logins; i++) {
            login.apply(i).call();
        }
        Thread.sleep(1500);
        long before = size(log);
        for (int i = 1; i <= logins; i++) {
            if (!login.apply(i).call()) {
                throw new IllegalStateException(name + ": login " + i + " was refused");
            }
        }
        Thread.sleep(500);
        String logged = read(log, before);
        Map<String, Integer> counts = new TreeMap<>();
        Matcher statement = STATEMENT.matcher(logged);
        int total = 0;
        int batched = 0;
        while (statement.find()) {
            if (statement.group(1).equals(ATTEMPT_WRITER)) {
                batched++;
                continue;
            }
            counts.merge(statement.group(2).toLowerCase(), 1, Integer::sum);
            total++;
        }
        Map<String, Double> perLogin = new TreeMap<>();
        counts.forEach((kind, count) -> perLogin.put(kind, (double) count / logins));
        System.out.printf("[bench] %-40s %.1f statements per login %s, %.2f batched by the attempt writer%n", name,
                (double) total / logins, perLogin, (double) batched / logins);
        return new PerLogin(name, logins, perLogin, (double) total / logins, (double) batched / logins);
    }

    private static long size(Path log) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            return file.length();
        }
    }

    private static String read(Path log, long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
