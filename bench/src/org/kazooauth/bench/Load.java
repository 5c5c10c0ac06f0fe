package org.kazooauth.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * Runs operations on {@code concurrency} real threads released together, and measures what the server did: each
 * operation's latency, the refusals, the throughput and the server's CPU time per operation.
 */
final class Load {

    /** The median and the extremes of per-round ratios. */
    record RoundRatios(double median, double lowest, double highest) {
    }

    /**
     * What one run measured: its median and p99 latency, CPU ms per operation (the compilers' apart), when it ran
     * (its CPU's window: from the start to the settling's end) and, once told ({@link PasswordHashes}), the
     * password hash's share of its CPU per operation.
     */
    record Run(double medianMillis, double p99Millis, double cpuMillis, Instant began, Instant ended,
               double hashMillis) {

        Run withHashMillis(double millis) {
            return new Run(medianMillis, p99Millis, cpuMillis, began, ended, millis);
        }
    }

    /**
     * One measured run, or several of one operation merged.
     *
     * @param cpu  the server's CPU over the run(s), and its JIT compilers' share
     * @param runs each run merged, in the order they ran
     */
    record Sample(String name, List<Long> micros, int operations, int refused, long wallMillis, ProcessCpu.Used cpu,
                  List<Run> runs) {

        Sample withRuns(List<Run> replaced) {
            return new Sample(name, micros, operations, refused, wallMillis, cpu, List.copyOf(replaced));
        }

        Sample merge(Sample other) {
            List<Long> all = new ArrayList<>(micros);
            all.addAll(other.micros);
            List<Run> merged = new ArrayList<>(runs);
            merged.addAll(other.runs);
            return new Sample(name, all, operations + other.operations, refused + other.refused,
                    wallMillis + other.wallMillis, cpu.plus(other.cpu), merged);
        }

        /**
         * This sample's {@code measure} over {@code anchor}'s, round by round (the runs of one round are minutes
         * apart at most, so the machine's drift cancels, where pooled figures let a slow spell of the machine
         * weigh on whichever operation it hit).
         */
        RoundRatios roundRatios(Sample anchor, ToDoubleFunction<Run> measure) {
            int rounds = Math.min(runs.size(), anchor.runs.size());
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                ratios.add(measure.applyAsDouble(runs.get(i)) / measure.applyAsDouble(anchor.runs.get(i)));
            }
            Collections.sort(ratios);
            if (ratios.isEmpty()) {
                return new RoundRatios(0, 0, 0);
            }
            int middle = ratios.size() / 2;
            double median = ratios.size() % 2 == 1 ? ratios.get(middle)
                    : (ratios.get(middle - 1) + ratios.get(middle)) / 2;
            return new RoundRatios(median, ratios.get(0), ratios.get(ratios.size() - 1));
        }

        double medianMillis() {
            return percentile(micros, 50);
        }

        double p99Millis() {
            return percentile(micros, 99);
        }

        /** Closed-loop clients: the mean is their number over the throughput, whatever order they were served in. */
        double meanMillis() {
            return micros.stream().mapToLong(Long::longValue).average().orElse(0) / 1000;
        }

        double throughput() {
            return wallMillis == 0 ? 0 : operations * 1000.0 / wallMillis;
        }

        /** The server's CPU per operation, its JIT compilers' apart. */
        double cpuMillisPerOperation() {
            return perOperation(cpu.workMillis());
        }

        /** The garbage collector's CPU per operation. */
        double collectorMillisPerOperation() {
            return perOperation(cpu.collectorMillis());
        }

        /** The database's CPU per operation, where it is a process of its own. */
        double databaseMillisPerOperation() {
            return perOperation(cpu.databaseMillis());
        }

        /** The JIT compilers' CPU per operation while it ran. */
        double compilerMillisPerOperation() {
            return perOperation(cpu.compilerMillis());
        }

        private double perOperation(long millis) {
            return operations == 0 ? 0 : (double) millis / operations;
        }
    }

    /** The {@code percent}-th percentile of latencies in µs, in ms. */
    private static double percentile(List<Long> micros, int percent) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    private Load() {
    }

    /**
     * Runs {@code operations} operations, {@code concurrency} at a time; {@code operation.apply(i)} makes the i-th,
     * which answers whether it was accepted. The server's CPU is counted until {@code settle} after the last
     * answer, so that what the run queued behind its answers (the attempt writer flushes every second, Keycloak
     * writes sessions and events in batches) is charged to it, not to the next run.
     */
    static Sample run(String name, int concurrency, int operations, IntFunction<Callable<Boolean>> operation,
                      ProcessCpu server, Duration settle) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            CyclicBarrier start = new CyclicBarrier(concurrency + 1);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Long> micros = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = next.getAndIncrement(); i < operations; i = next.getAndIncrement()) {
                        Callable<Boolean> call = operation.apply(i);
                        long began = System.nanoTime();
                        boolean accepted = call.call();
                        micros.add((System.nanoTime() - began) / 1000);
                        if (!accepted) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            ProcessCpu.Used before = server.used();
            Instant from = Instant.now();
            long began = System.nanoTime();
            start.await();
            for (Future<?> worker : workers) {
                worker.get();
            }
            long wall = (System.nanoTime() - began) / 1_000_000;
            Thread.sleep(settle.toMillis());
            ProcessCpu.Used cpu = server.used().since(before);
            Run run = new Run(percentile(micros, 50), percentile(micros, 99), (double) cpu.workMillis() / operations,
                    from, Instant.now(), Double.NaN);
            return new Sample(name, micros, operations, refused.get(), wall, cpu, List.of(run));
        } finally {
            pool.shutdownNow();
        }
    }
}
