package io.lakeops.jobs.generator;

import io.lakeops.jobs.common.JobArgs;
import io.lakeops.jobs.contract.GeneratorArg;
import java.time.Duration;
import java.time.Instant;

/**
 * Command-line form of the generator: {@code java -cp lakeops-spark-jobs.jar:kafka-clients.jar
 * io.lakeops.jobs.generator.GeneratorMain --bootstrap host:9092 --topic clicks --rate 200
 * --duration-s 60 [--seed 42] [--think-ms 3000] [--start 2024-01-01T00:00:00Z] [--realtime true]}.
 * Prints the number of events sent.
 */
public final class GeneratorMain {
  private GeneratorMain() {}

  public static void main(String[] args) throws InterruptedException {
    JobArgs a = JobArgs.parse(args, GeneratorArg.class);
    String start = a.optional(GeneratorArg.START, null);
    GeneratorConfig config =
        new GeneratorConfig(
            a.required(GeneratorArg.BOOTSTRAP),
            a.required(GeneratorArg.TOPIC),
            a.doubleArg(GeneratorArg.RATE, 100),
            Duration.ofSeconds(a.intArg(GeneratorArg.DURATION_S, 60, 1, 31 * 24 * 3600)),
            Long.parseLong(a.optional(GeneratorArg.SEED, "42")),
            Duration.ofMillis(a.intArg(GeneratorArg.THINK_MS, 3000, 100, 3_600_000)),
            start == null ? null : Instant.parse(start),
            Boolean.parseBoolean(a.optional(GeneratorArg.REALTIME, "true")),
            a.doubleArg(GeneratorArg.ZIPF, 1.1));
    ClickStreamGenerator generator = new ClickStreamGenerator(config);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(generator)));
    generator.start();
    generator.awaitCompletion(config.duration().plusMinutes(1));
    System.out.println("generator: sent " + generator.sent() + " events to " + config.topic());
  }

  private static void stopQuietly(ClickStreamGenerator generator) {
    try {
      generator.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
