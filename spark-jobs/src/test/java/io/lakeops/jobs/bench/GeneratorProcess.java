package io.lakeops.jobs.bench;

import io.lakeops.jobs.testing.KafkaBroker;
import io.lakeops.jobs.testing.TestWork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The click generator ({@code GeneratorMain}) in a JVM of its own, as in production, so its
 * producer competes with the job for the machine's cores but not for the job's heap, JIT or GC.
 */
final class GeneratorProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private GeneratorProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Paced in real time: {@code rate} events/s for {@code seconds}. */
  static GeneratorProcess realtime(String topic, double rate, int seconds, long seed)
      throws Exception {
    return start(topic, rate, seconds, seed, List.of());
  }

  /** {@code seconds} of events at {@code rate} sent as fast as the producer goes. */
  static GeneratorProcess backlog(String topic, double rate, int seconds, long seed)
      throws Exception {
    return start(
        topic,
        rate,
        seconds,
        seed,
        List.of("--realtime", "false", "--start", "2024-01-01T00:00:00Z"));
  }

  private static GeneratorProcess start(
      String topic, double rate, int seconds, long seed, List<String> extra) throws Exception {
    Path log = TestWork.dir("generator").resolve("generator.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx512m", "-XX:+UseParallelGC", "-cp"));
    command.add(System.getProperty("java.class.path"));
    command.add("io.lakeops.jobs.generator.GeneratorMain");
    command.addAll(
        List.of(
            "--bootstrap",
            KafkaBroker.bootstrapServers(),
            "--topic",
            topic,
            "--rate",
            Double.toString(rate),
            "--duration-s",
            Integer.toString(seconds),
            "--seed",
            Long.toString(seed)));
    command.addAll(extra);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new GeneratorProcess(process, log);
  }

  /** Waits for the generator to finish; fails when it did not, or exited with an error. */
  void await(int timeoutSeconds) throws Exception {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("generator did not finish cleanly; see " + log);
    }
  }

  boolean running() {
    return process.isAlive();
  }

  /** The generator's own closing line, "generator: sent N events to topic". */
  String summary() throws Exception {
    return Files.readAllLines(log).stream()
        .filter(l -> l.startsWith("generator: sent"))
        .findFirst()
        .orElse("generator: no summary in " + log);
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
