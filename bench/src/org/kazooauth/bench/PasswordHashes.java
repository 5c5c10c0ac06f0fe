package org.kazooauth.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The password hash's CPU told apart from the rest of P1's logins, by the Keycloak JVM's execution samples (a flight
 * recording of them alone, one every {@link #PERIOD} per running thread).
 * <p>
 * Every login of P1 checks one password, with the same hash and parameters in both realms (Keycloak's default), and
 * that hash is nearly all of a login's CPU. Its cost follows the machine's speed, which on a shared machine swings by
 * a tenth from one round to the next: as noise, it swamps what the logins do not share. Putting each run's hash at
 * the mean of all runs (its sampled share replaced by the mean's, so the samples' own bias cancels) leaves each
 * run's CPU as if every hash had cost the same, which, being the same work, it should have.
 */
final class PasswordHashes {

    static final Duration PERIOD = Duration.ofMillis(10);
    /** Keycloak's password hash providers (Argon2, PBKDF2) end so. */
    private static final String HASH_PROVIDER = "PasswordHashProvider";

    private PasswordHashes() {
    }

    /** A recording's settings: execution samples alone, so that recording costs every login alike and little. */
    static Path settings(Path folder) throws IOException {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("execution-samples.jfc"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="execution samples">
                  <event name="jdk.ExecutionSample">
                    <setting name="enabled">true</setting>
                    <setting name="period">%d ms</setting>
                  </event>
                </configuration>
                """.formatted(PERIOD.toMillis()));
    }

    /** The samples with their runs' hash CPU per operation: the samples in hash code within each run's window. */
    static Map<String, Load.Sample> told(Path recording, Map<String, Load.Sample> samples, int perRun)
            throws IOException {
        Map<Load.Run, long[]> hashSamples = new LinkedHashMap<>();
        samples.values().forEach(sample -> sample.runs().forEach(run -> hashSamples.put(run, new long[1])));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && inHash(event)) {
                    Instant at = event.getStartTime();
                    hashSamples.forEach((run, count) -> {
                        if (!at.isBefore(run.began()) && !at.isAfter(run.ended())) {
                            count[0]++;
                        }
                    });
                }
            }
        }
        Map<String, Load.Sample> told = new LinkedHashMap<>();
        samples.forEach((name, sample) -> {
            List<Load.Run> runs = new ArrayList<>();
            sample.runs().forEach(run -> runs.add(run.withHashMillis(
                    (double) hashSamples.get(run)[0] * PERIOD.toMillis() / perRun)));
            told.put(name, sample.withRuns(runs));
        });
        return told;
    }

    /** The mean hash CPU per operation over every run of every sample. */
    static double mean(Map<String, Load.Sample> told) {
        return told.values().stream().flatMap(sample -> sample.runs().stream()).mapToDouble(Load.Run::hashMillis)
                .average().orElse(0);
    }

    /** A run's CPU per operation with its hash at {@code mean}. */
    static double atMean(Load.Run run, double mean) {
        return run.cpuMillis() - run.hashMillis() + mean;
    }

    private static boolean inHash(RecordedEvent sample) {
        return sample.getStackTrace() != null && sample.getStackTrace().getFrames().stream()
                .map(RecordedFrame::getMethod).anyMatch(method -> method.getType().getName().endsWith(HASH_PROVIDER));
    }
}
