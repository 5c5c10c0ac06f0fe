package org.kazooauth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code bench/RESULTS.md}: when, on what, every figure, and its ratio to the stock anchor. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    Report(String commit, String machine, String how) {
        lines.add("# Benchmark results");
        lines.add("");
        lines.add("Written by `bench/run.sh` on " + LocalDate.now() + ", commit `" + commit + "`, on " + machine + ".");
        lines.add(how);
        lines.add("");
    }

    void section(String title, String text) {
        lines.add("## " + title);
        lines.add("");
        if (!text.isEmpty()) {
            lines.add(text);
            lines.add("");
        }
    }

    /**
     * A table of samples, each with its ratio to {@code anchor} (median, p99 and CPU per operation, the JIT
     * compilers' apart), pooled and round by round.
     */
    void samples(Map<String, Load.Sample> samples, String anchor) {
        Load.Sample base = samples.get(anchor);
        lines.add("| operation | ops | median ms | mean ms | p99 ms | ops/s | Keycloak CPU ms/op | JIT compilers ms/op "
                + "| refused | × anchor median | × anchor p99 | × anchor CPU | × anchor round by round, median of the "
                + "rounds: median · p99 · CPU (CPU lowest–highest) |");
        lines.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        samples.forEach((name, sample) -> {
            Load.RoundRatios cpu = sample.roundRatios(base, Load.Run::cpuMillis);
            lines.add(String.format("| %s%s | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %d | %s | %s | %s | "
                            + "%.2f · %.2f · %.2f (%.2f–%.2f) |",
                    name, name.equals(anchor) ? " (anchor)" : "", sample.operations(), sample.medianMillis(),
                    sample.meanMillis(), sample.p99Millis(), sample.throughput(), sample.cpuMillisPerOperation(),
                    sample.compilerMillisPerOperation(), sample.refused(),
                    ratio(sample.medianMillis(), base.medianMillis()), ratio(sample.p99Millis(), base.p99Millis()),
                    ratio(sample.cpuMillisPerOperation(), base.cpuMillisPerOperation()),
                    sample.roundRatios(base, Load.Run::medianMillis).median(),
                    sample.roundRatios(base, Load.Run::p99Millis).median(), cpu.median(), cpu.lowest(),
                    cpu.highest()));
        });
        lines.add("");
    }

    /**
     * P1's CPU with the password hash told apart ({@link PasswordHashes}): each operation's hash and the rest, and
     * its ratio to {@code anchor} with every run's hash at the mean of all, pooled and round by round.
     */
    void hashesApart(Map<String, Load.Sample> told, String anchor) {
        double mean = PasswordHashes.mean(told);
        Load.Sample base = told.get(anchor);
        lines.add(String.format("| operation | CPU ms/op | of which: password hash (sampled) | garbage collector "
                + "| database's own processes | the rest | × anchor CPU, every run's hash at the mean (%.2f ms): "
                + "pooled · round by round, median of the rounds (lowest–highest) |", mean));
        lines.add("|---|---:|---:|---:|---:|---:|---:|");
        told.forEach((name, sample) -> {
            Load.RoundRatios rounds = sample.roundRatios(base, run -> PasswordHashes.atMean(run, mean));
            double cpu = sample.cpuMillisPerOperation();
            double hash = hash(sample);
            double collector = sample.collectorMillisPerOperation();
            double database = sample.databaseMillisPerOperation();
            lines.add(String.format("| %s%s | %.2f | %.2f | %.2f | %.2f | %.2f | %s · %.2f (%.2f–%.2f) |", name,
                    name.equals(anchor) ? " (anchor)" : "", cpu, hash, collector, database,
                    cpu - hash - collector - database,
                    ratio(cpu - hash + mean, base.cpuMillisPerOperation() - hash(base) + mean),
                    rounds.median(), rounds.lowest(), rounds.highest()));
        });
        lines.add("");
    }

    /** A sample's hash CPU per operation, its runs' mean (each run has as many operations). */
    private static double hash(Load.Sample sample) {
        return sample.runs().stream().mapToDouble(Load.Run::hashMillis).average().orElse(0);
    }

    void statements(List<StatementCount.PerLogin> counts) {
        lines.add("| login | logins counted | SQL statements per login, on its path | by kind | attempt log, batched "
                + "off the path |");
        lines.add("|---|---:|---:|---|---:|");
        counts.forEach(count -> lines.add(String.format("| %s | %d | %.2f | %s | %.2f |", count.name(), count.logins(),
                count.total(), count.byKind(), count.batched())));
        lines.add("");
    }

    void row(String text) {
        lines.add(text);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, lines);
        System.out.println("[bench] wrote " + file);
    }

    static String ratio(double value, double anchor) {
        return anchor == 0 ? "–" : String.format("%.2f", value / anchor);
    }
}
