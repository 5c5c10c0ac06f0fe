package org.kazooauth.bench;

import org.kazooauth.core.lock.LockScope;
import org.kazooauth.core.lock.LockSettings;
import org.kazooauth.testing.H2FileDatabase;
import org.kazooauth.testing.KazooHttp;
import org.kazooauth.testing.KeycloakAdmin;
import org.kazooauth.testing.KeycloakLauncher;
import org.kazooauth.testing.PostgresDatabase;
import org.kazooauth.testing.RealmAttributes;
import org.kazooauth.testing.RunningKeycloak;
import org.kazooauth.testing.TestDatabase;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of {@code bench/run.sh}: the pack beside stock Keycloak on the same server, in alternating rounds,
 * with Keycloak's own CPU time per operation beside latency (DESIGN §6's budget). P5 boots, P3 counts statements
 * on a server logging its SQL, P1 and P2 load a second server, P4 runs JMH in this JVM; the figures go to
 * {@code bench/RESULTS.md}.
 */
public final class Bench {


    /** How much to run: the full benchmark, or the smoke run the test suite makes. */
    record Options(int warmUpRounds, int warmUpLimit, int rounds, int perRound, int concurrency, Duration settle,
                   int usersEach, int otpUsers, int statementLogins, int reads, List<Integer> accountSizes,
                   GrowthBench.Sizes growth, List<String> phases, Path results) {

        /**
         * Unmeasured rounds until the JIT has compiled every path ({@link LoginBench#warmUp}: at least four, at most
         * 48; what it still recompiles as the rounds turn is counted apart); measured rounds a multiple of the four
         * logins, so that each takes every place in the turning order equally often.
         */
        static Options full(Path results) {
            return new Options(integer("bench.warmup", 4), integer("bench.warmupMax", 48), integer("bench.rounds", 8),
                    integer("bench.logins", 160),
                    integer("bench.concurrency", 16), Duration.ofMillis(1500),
                    50, 450, 20, integer("bench.reads", 800), List.of(1_000, integer("bench.accounts", 100_000)),
                    new GrowthBench.Sizes(integer("bench.crowd", 10_000), integer("bench.attempts", 1_000_000), 100,
                            integer("bench.configs", 10_000)),
                    List.of(System.getProperty("bench.phases", "P1,P2,P3,P4,P5").split(",")), results);
        }

        static Options smoke(Path results) {
            return new Options(0, 1, 1, 8, 2, Duration.ZERO, 4, 8, 0, 10, List.of(10),
                    new GrowthBench.Sizes(5, 100, 2, 4), List.of("P1", "P2"), results);
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }

        private static int integer(String property, int fallback) {
            return Integer.parseInt(System.getProperty(property, Integer.toString(fallback)));
        }
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.full(Path.of(System.getProperty("bench.results", "bench/RESULTS.md")));
        // -Dbench.database=postgres: P1 on a fresh database of the PostgreSQL at 127.0.0.1:5432, Keycloak's
        // production database, whose processes' CPU counts with Keycloak's (H2 works inside Keycloak's JVM)
        boolean postgres = System.getProperty("bench.database", "h2").equals("postgres");
        if (postgres && !options.phases().equals(List.of("P1"))) {
            throw new IllegalArgumentException("-Dbench.database=postgres runs P1 alone: add -Dbench.phases=P1");
        }
        Report report = new Report(commit(), machine(), "Each figure is measured on one Keycloak " + keycloakVersion()
                + (postgres ? " (`start-dev` on the PostgreSQL of the same machine)"
                : " (embedded H2, `start-dev`)") + " serving stock Keycloak and the pack side by side; rounds "
                + "alternate so that drift hits both alike. CPU is the Keycloak JVM's own user + system time "
                + "(`/proc/<pid>/stat`)" + (postgres ? " plus the PostgreSQL server's processes'" : "")
                + ", which is far steadier than latency on a shared machine.");
        freshDatabase();
        // Keycloak's dev-file H2, in mixed mode so that the bench can write attempt rows beside it (P2)
        TestDatabase database = H2FileDatabase.existing(KeycloakLauncher.Settings.fromSystemProperties("dev-file", 0,
                0, "admin").home().resolve("data/h2"));
        if (options.runs("P5")) {
            bootTimes(report);
            freshDatabase(); // the boots made it with Keycloak's own credentials; the rest use the mixed-mode ones
        }
        boolean madeUp = false;
        if (options.runs("P3")) {
            List<String> logged = new ArrayList<>(database.keycloakOptions());
            logged.add("--log-level=INFO,org.hibernate.SQL:debug");
            KeycloakLauncher.Settings kazoo = KeycloakLauncher.Settings.fromSystemProperties("dev-file", 0, 0, "admin",
                    logged.toArray(String[]::new));
            try (RunningKeycloak keycloak = KeycloakLauncher.start(kazoo)) {
                Server server = new Server(keycloak, database);
                server.setUp(options);
                madeUp = true;
                statements(server, options, report);
            }
        }
        if (options.runs("P1") || options.runs("P2")) {
            try (TestDatabase served = postgres ? PostgresDatabase.createFresh() : database;
                 RunningKeycloak keycloak = KeycloakLauncher.start(KeycloakLauncher.Settings.fromSystemProperties(
                         served.vendor(), 0, 0, "admin", served.keycloakOptions().toArray(String[]::new)))) {
                Server server = new Server(keycloak, served);
                if (!madeUp || postgres) {
                    server.setUp(options);
                }
                Optional<Path> recording = Optional.ofNullable(System.getProperty("bench.jfr")).map(Path::of);
                recording.ifPresent(file -> jcmd(keycloak, "JFR.start", "name=bench", "settings=profile"));
                if (options.runs("P1")) {
                    logins(server, options, report);
                }
                if (options.runs("P2")) {
                    reads(server, options, report);
                }
                recording.ifPresent(file -> jcmd(keycloak, "JFR.stop", "name=bench",
                        "filename=" + file.toAbsolutePath()));
            }
        }
        if (options.runs("P4")) {
            hmacVerify(report);
        }
        report.write(options.results());
    }

    /** Every run starts from an empty embedded database: the numbers must not depend on an earlier run's rows. */
    private static void freshDatabase() throws IOException {
        Path h2 = KeycloakLauncher.Settings.fromSystemProperties("dev-file", 0, 0, "admin").home().resolve("data/h2");
        if (Files.isDirectory(h2)) {
            deleteTree(h2);
        }
    }

    /** Deletes a folder and all below it. */
    private static void deleteTree(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The smoke run: the login and read comparisons, a few operations each, on a running server; its report. */
    public static Path smoke(RunningKeycloak keycloak, TestDatabase database, Path results) throws Exception {
        Options options = Options.smoke(results);
        Report report = new Report(commit(), machine(), "Smoke run: a few operations of each kind, to show the "
                + "benchmark works; its figures mean nothing.");
        Server server = new Server(keycloak, database);
        server.setUp(options);
        try {
            logins(server, options, report);
            reads(server, options, report);
        } finally {
            server.tearDown();
        }
        report.write(results);
        return results;
    }

    /** A running server with the benchmark's realms, accounts and users. */
    static final class Server {
        final RunningKeycloak keycloak;
        final KazooHttp http;
        final ProcessCpu cpu;
        final BenchSetup setup;
        final RealmAttributes attributes;
        final TestDatabase database;
        final GrowthBench growth;

        Server(RunningKeycloak keycloak, TestDatabase database) {
            this.keycloak = keycloak;
            this.database = database;
            this.http = new KazooHttp(keycloak);
            this.cpu = new ProcessCpu(keycloak.jvm().pid(), database.vendor().equals("postgres"));
            this.setup = new BenchSetup(http, () -> http.adminToken(keycloak));
            this.attributes = new RealmAttributes(new KeycloakAdmin(http, keycloak));
            this.growth = new GrowthBench(http, setup, cached(superadmin()));
        }

        void setUp(Options options) {
            System.out.println("[bench] making the stock realm and the bench accounts (hashing "
                    + (2 * options.usersEach() * 2 + options.otpUsers()) + " passwords takes a while) ...");
            setup.stockRealm(options.usersEach(), options.otpUsers());
            setup.kazooAccounts(options.usersEach(), superadmin().get());
        }

        void tearDown() throws Exception {
            growth.remove(database);
            setup.remove();
        }

        Supplier<String> superadmin() {
            return () -> http.passwordToken("demo", "crossbar", "superadmin", "superadmin-pw");
        }
    }

    private static void logins(Server server, Options options, Report report) throws Exception {
        LoginBench bench = new LoginBench(server.http, options.usersEach(), options.otpUsers());
        // -Dbench.lock=false: the same logins with the lock off, to tell the lock's share from the rest;
        // -Dbench.lockScope=user: a bucket per user, so that logins of one account do not wait for each other
        String lock = System.getProperty("bench.lock", "true");
        String scope = System.getProperty("bench.lockScope", LockScope.ACCOUNT.kazooName());
        Map<String, String> before = server.attributes.set(Map.of(LockSettings.ENABLED, lock,
                LockSettings.SCOPE, scope));
        Map<String, Load.Sample> samples;
        AtomicInteger warmUpRounds = new AtomicInteger();
        try {
            // the recording starts before the warm-up: starting one makes the JIT recompile for a while
            samples = hashesTold(server.keycloak, options.perRound(), () -> {
                warmUpRounds.set(LoginBench.warmUp(bench.logins(), options.warmUpRounds(), options.warmUpLimit(),
                        options.perRound(), options.concurrency(), server.cpu, options.settle()));
                return LoginBench.alternate(bench.logins(), options.rounds(), options.perRound(),
                        options.concurrency(), server.cpu, options.settle());
            });
        } finally {
            server.attributes.set(before);
        }
        report.section("P1 logins: " + options.concurrency() + " concurrent, lock "
                        + (lock.equals("true") ? "ON" : "OFF")
                        + (scope.equals(LockScope.ACCOUNT.kazooName()) ? "" : ", a bucket per " + scope),
                "After " + warmUpRounds.get() + " unmeasured rounds (at least " + options.warmUpRounds()
                + ", then until one in which the JIT compilers spent at most " + LoginBench.SETTLED_JIT_MILLIS
                + " ms a login of every kind), " + options.rounds() + " alternating rounds of "
                + options.perRound() + " logins each on the token endpoint. The Kazoo logins are users of an "
                + "account three levels down whose second factor (an `hmac_totp` config of the reseller) is "
                + "switched on by its parent; each sends a fresh token. Stock OTP users never reuse a code. "
                + "Keycloak's CPU is its own threads' but the JIT compilers', which are shown apart: what they "
                + "still compile follows the order of the rounds more than the login. The mean is set by the "
                + "throughput ("
                + options.concurrency() + " clients, each sending its next login on the answer); the median also "
                + "by the order the server answers in, and the lock answers an account's logins in line, first "
                + "come first served. Budget: ≤ 1.05× the anchor in CPU per login and median, ≤ 1.10× p99, 0 "
                + "refused.");
        report.samples(samples, LoginBench.STOCK_OTP);
        report.row("Where the CPU goes: the password hash (Keycloak's default, the same in both realms, checked once"
                + " a login), by the Keycloak JVM's execution samples in each run (a flight recording of them alone,"
                + " one per " + PasswordHashes.PERIOD.toMillis() + " ms of a running thread); the garbage"
                + " collector's threads and the database's processes by their `/proc` times; the rest is the"
                + " logins' own work. The hash is the same work in every login but its cost follows the machine's"
                + " speed from round to round; the last column puts every run's hash at the mean of all, so that"
                + " what the logins do not share is compared without that noise.");
        report.row("");
        report.hashesApart(samples, LoginBench.STOCK_OTP);
    }

    /**
     * Runs {@code rounds} under a recording of the server's execution samples, and tells each of their runs'
     * password hash CPU from them ({@link PasswordHashes}).
     */
    private static Map<String, Load.Sample> hashesTold(RunningKeycloak keycloak, int perRun,
                                                       Callable<Map<String, Load.Sample>> rounds) throws Exception {
        Path folder = Files.createTempDirectory("kazoo-bench-");
        Path recording = folder.resolve("execution-samples.jfr");
        try {
            jcmd(keycloak, "JFR.start", "name=hashes", "settings=" + PasswordHashes.settings(folder));
            Map<String, Load.Sample> samples;
            try {
                samples = rounds.call();
            } finally {
                jcmd(keycloak, "JFR.stop", "name=hashes", "filename=" + recording);
            }
            return PasswordHashes.told(recording, samples, perRun);
        } finally {
            deleteTree(folder);
        }
    }

    private static void reads(Server server, Options options, Report report) throws Exception {
        report.section("P2 reads of an account eight levels deep, " + options.concurrency() / 2 + " concurrent",
                "The same account read the Kazoo way and Keycloak's way, in realms of growing size (accounts "
                        + "beside the chain). Budget: flat as the realm grows, Kazoo ≥ 1.5× Keycloak's throughput.");
        int made = 0;
        for (int size : options.accountSizes()) {
            String deep = server.setup.deepChain("Depth " + size, 8, size - made - 8);
            made = size;
            Map<String, IntFunction<Callable<Boolean>>> reads = ReadBench.reads(server.http, deep,
                    cached(server.superadmin()), cached(() -> server.http.adminToken(server.keycloak)));
            warmUp(reads, options.concurrency() / 2, server.cpu);
            report.row("With about " + size + " accounts in the realm:");
            report.row("");
            report.samples(LoginBench.alternate(reads, Math.max(1, options.rounds()), options.reads(),
                    Math.max(1, options.concurrency() / 2), server.cpu, options.settle()), ReadBench.KEYCLOAK_GROUP);
        }
        growingReads(server, options, report);
    }

    /** P2 beyond the tree: configs among many, the lock and attempts of a crowded account ({@link GrowthBench}). */
    private static void growingReads(Server server, Options options, Report report) throws Exception {
        GrowthBench.Sizes sizes = options.growth();
        GrowthBench growth = server.growth;
        String realmId = new KeycloakAdmin(server.http, server.keycloak).representation().path("id").asText();
        growth.accounts(sizes, server.database, realmId);
        int concurrency = Math.max(1, options.concurrency() / 2);
        Supplier<String> admin = cached(() -> server.http.adminToken(server.keycloak));
        report.section("P2 reads as an account or the realm fills up, " + concurrency + " concurrent",
                "Side by side in alternating rounds, an account of 10 users and 10 attempt rows and one of "
                        + sizes.crowdUsers() + " users and " + sizes.attemptRows() + " attempt rows (written "
                        + "straight into the database), lock ON; then an account's provider configs before and after "
                        + "the realm gains " + sizes.configs() + " configs of " + sizes.configOwners() + " other "
                        + "accounts (one each through the API, the rest copies of those written straight into "
                        + "Keycloak's component tables). Budget: flat, i.e. no scan of all configs, users or rows.");
        Map<String, String> before = server.attributes.set(Map.of(LockSettings.ENABLED, "true"));
        try {
            Map<String, IntFunction<Callable<Boolean>>> accountReads = growth.accountReads();
            warmUp(accountReads, concurrency, server.cpu);
            for (String[] pair : new String[][]{{GrowthBench.LOCK_SMALL, GrowthBench.LOCK_CROWD},
                    {GrowthBench.ATTEMPTS_SMALL, GrowthBench.ATTEMPTS_CROWD}}) {
                Map<String, IntFunction<Callable<Boolean>>> both = new LinkedHashMap<>();
                both.put(pair[0], accountReads.get(pair[0]));
                both.put(pair[1], accountReads.get(pair[1]));
                report.samples(LoginBench.alternate(both, Math.max(1, options.rounds()), options.reads(), concurrency,
                        server.cpu, options.settle()), pair[0]);
                report.row("");
            }
        } finally {
            server.attributes.set(before);
        }
        Map<String, IntFunction<Callable<Boolean>>> configReads = growth.configReads(growth.smallAccount, admin);
        warmUp(configReads, concurrency, server.cpu);
        report.row("An account's provider configs with the bench's one config in the realm:");
        report.row("");
        report.samples(LoginBench.alternate(configReads, Math.max(1, options.rounds()), options.reads(), concurrency,
                server.cpu, options.settle()), ReadBench.KEYCLOAK_GROUP);
        long write = growth.manyConfigs(sizes, server.database, admin);
        warmUp(configReads, concurrency, server.cpu);
        report.row("The same with " + sizes.configs() + " more configs in the realm (one more written through the API "
                + "then took " + write + " ms):");
        report.row("");
        report.samples(LoginBench.alternate(configReads, Math.max(1, options.rounds()), options.reads(), concurrency,
                server.cpu, options.settle()), ReadBench.KEYCLOAK_GROUP);
    }

    private static void statements(Server server, Options options, Report report) throws Exception {
        LoginBench bench = new LoginBench(server.http, options.usersEach(), options.otpUsers());
        Map<String, IntFunction<Callable<Boolean>>> logins = bench.logins();
        List<StatementCount.PerLogin> counts = new ArrayList<>();
        Path log = server.keycloak.log();
        counts.add(StatementCount.measure(LoginBench.STOCK_PASSWORD, options.statementLogins(),
                logins.get(LoginBench.STOCK_PASSWORD), log));
        counts.add(StatementCount.measure(LoginBench.STOCK_OTP, options.statementLogins(),
                logins.get(LoginBench.STOCK_OTP), log));
        for (String lock : new String[]{"false", "true"}) {
            Map<String, String> before = server.attributes.set(Map.of(LockSettings.ENABLED, lock));
            try {
                for (String name : new String[]{LoginBench.KAZOO_PASSWORD, LoginBench.KAZOO_HMAC}) {
                    counts.add(StatementCount.measure(name + ", lock " + (lock.equals("true") ? "ON" : "OFF"),
                            options.statementLogins(), logins.get(name), log));
                }
            } finally {
                server.attributes.set(before);
            }
        }
        Files.copy(log, log.resolveSibling("p3-sql.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        report.section("P3 SQL statements per login", "Counted from Hibernate's statement log on a server started "
                + "with `org.hibernate.SQL` at DEBUG (its log is kept as `dist/target/bench/p3-sql.log`), logins one after "
                + "another after the same logins once uncounted (so that every row counts logins of users Keycloak has "
                + "cached; the OTP row's users change, a code being good once). A statement's thread tells whether "
                + "it ran on the login's path or on the node's attempt writer, which stores the attempt log as one "
                + "multi-row insert a second however many logins come (so its share per login falls as logins "
                + "grow; here, one at a time, it is at its highest). "
                + "Budget: the lock adds ≤ 2 statements per attempt, the pack none with the lock off.");
        report.statements(counts);
    }

    /** P5: each kind booted once to settle, then three times each, alternating; the medians compared. */
    private static void bootTimes(Report report) throws Exception {
        KeycloakLauncher.Settings withJar = KeycloakLauncher.Settings.fromSystemProperties("dev-file", 0, 0, "admin");
        KeycloakLauncher.Settings stock = new KeycloakLauncher.Settings(withJar.home(), null, null,
                withJar.workDir().resolve("stock"), "dev-file", 0, 0, "admin", List.of());
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        for (int boot = 0; boot <= 3; boot++) {
            for (KeycloakLauncher.Settings settings : List.of(stock, withJar)) {
                String name = settings.providerJar() == null ? "stock Keycloak" : "with the pack's jar";
                try (RunningKeycloak keycloak = KeycloakLauncher.start(settings)) {
                    double started = startedIn(keycloak.log());
                    System.out.printf("[bench] boot %d of %s: started in %.2f s%s%n", boot, name, started,
                            boot == 0 ? " (settling, not counted)" : "");
                    if (boot > 0) {
                        seconds.computeIfAbsent(name, key -> new ArrayList<>()).add(started);
                    }
                }
            }
        }
        report.section("P5 boot time", "Quarkus's own \"started in\", same distribution, same embedded H2: each kind "
                + "booted once to settle, then three times each in turn. Budget: the jar adds ≤ 2 s.");
        report.row("| server | boots (s) | median (s) |");
        report.row("|---|---|---:|");
        seconds.forEach((name, values) -> report.row(String.format("| %s | %s | %.2f |", name, values,
                values.stream().sorted().toList().get(values.size() / 2))));
        report.row("");
    }

    private static double startedIn(Path log) throws IOException {
        Matcher started = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
        double seconds = Double.NaN;
        while (started.find()) {
            seconds = Double.parseDouble(started.group(1));
        }
        return seconds;
    }

    /** P4: JMH in this JVM (no fork: Maven's exec plugin runs it, whose class path a fork would not see). */
    private static void hmacVerify(Report report) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(HmacVerifyBenchmark.class.getName())
                .forks(0).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(2))
                .build()).run();
        report.section("P4 HMAC token check (JMH)", "One check of a valid token (parse, TOTP windows, HMAC-SHA256), "
                + "average time, 3 × 2 s warm-up and 5 × 2 s measurement, in the bench's JVM. Budget: ≤ 5 µs.");
        for (RunResult result : results) {
            report.row(String.format("- `%s`: %.2f ± %.2f µs per check", result.getParams().getBenchmark(),
                    result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()));
        }
        report.row("");
    }

    private static void warmUp(Map<String, IntFunction<Callable<Boolean>>> operations, int concurrency,
                               ProcessCpu cpu) throws Exception {
        for (Map.Entry<String, IntFunction<Callable<Boolean>>> operation : operations.entrySet()) {
            Load.run(operation.getKey(), Math.max(1, concurrency), Math.max(4, concurrency * 2), operation.getValue(), cpu,
                    Duration.ZERO);
        }
    }

    /** A token reused while younger than 40 s (the admin's live 60 s, the demo users' 300 s). */
    private static Supplier<String> cached(Supplier<String> fresh) {
        return new Supplier<>() {
            private String token;
            private long madeAt;

            @Override
            public synchronized String get() {
                if (token == null || System.currentTimeMillis() - madeAt > 40_000) {
                    token = fresh.get();
                    madeAt = System.currentTimeMillis();
                }
                return token;
            }
        };
    }

    /** A diagnostic command to the server's JVM, e.g. a flight recording of P1 ({@code -Dbench.jfr=file}). */
    private static void jcmd(RunningKeycloak keycloak, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), Long.toString(keycloak.jvm().pid())));
        command.addAll(List.of(arguments));
        System.out.println("[bench] " + command(command.toArray(String[]::new)));
    }

    private static String commit() {
        return command("git", "rev-parse", "--short", "HEAD");
    }

    private static String machine() {
        String memory = command("sh", "-c", "awk '/MemTotal/ {printf \"%.0f GiB\", $2/1048576}' /proc/meminfo");
        return Runtime.getRuntime().availableProcessors() + " cores, " + memory + ", "
                + command("uname", "-sr") + ", Java " + System.getProperty("java.version");
    }

    private static String keycloakVersion() {
        String home = System.getProperty("keycloak.home", "");
        Matcher version = Pattern.compile("keycloak-([0-9.]+)").matcher(home);
        return version.find() ? version.group(1) : "(version unknown)";
    }

    private static String command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor();
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
