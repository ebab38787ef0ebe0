package io.lakeops.demo;

import io.lakeops.jobs.contract.GeneratorArg;
import io.lakeops.jobs.contract.JobMainClasses;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The click generator of spark-jobs, run from the job jar in its own JVM (it needs nothing of
 * Spark), sending a modest stream of page clicks to the demo's topic for as long as the demo runs.
 */
final class ClickFeed implements AutoCloseable {
  private final Path java;
  private final Path jobsJar;
  private final Path home;
  private final Path demoHome;
  private Process generator;

  /** {@code demoHome} goes on the generator's command line, so that a later demo can find it. */
  ClickFeed(Path java, Path jobsJar, Path home, Path demoHome) {
    this.java = java;
    this.jobsJar = jobsJar;
    this.home = home;
    this.demoHome = demoHome;
  }

  void start(String bootstrap, String topic, double rate) throws Exception {
    if (!Files.isRegularFile(jobsJar)) {
      throw new IllegalStateException(jobsJar + " is missing: build the project first");
    }
    Files.createDirectories(home);
    generator =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx128m",
                    "-XX:+UseSerialGC",
                    "-Dlakeops.demo.home=" + demoHome + "/",
                    "-cp",
                    jobsJar + File.pathSeparator + slf4jApi(),
                    JobMainClasses.CLICK_GENERATOR,
                    GeneratorArg.BOOTSTRAP.flag(),
                    bootstrap,
                    GeneratorArg.TOPIC.flag(),
                    topic,
                    GeneratorArg.RATE.flag(),
                    Double.toString(rate),
                    GeneratorArg.DURATION_S.flag(),
                    Integer.toString(31 * 24 * 3600),
                    GeneratorArg.SEED.flag(),
                    Long.toString(System.nanoTime())))
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
            .start();
  }

  /** Kafka's client logs through slf4j, which the job jar leaves to Spark; this JVM has it. */
  private static String slf4jApi() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> Path.of(entry).getFileName().toString().startsWith("slf4j-api"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no slf4j-api on the demo's class path"));
  }

  /** Fails when the generator has exited, naming its log. */
  void checkAlive() {
    if (!isAlive()) {
      throw new IllegalStateException("the click generator exited; see " + log());
    }
  }

  boolean isAlive() {
    return generator != null && generator.isAlive();
  }

  Path log() {
    return home.resolve("generator.log");
  }

  @Override
  public void close() throws InterruptedException {
    if (generator != null && generator.isAlive()) {
      generator.destroy();
      if (!generator.waitFor(10, TimeUnit.SECONDS)) {
        generator.destroyForcibly();
      }
    }
  }
}
