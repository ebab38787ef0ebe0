package io.lakeops.jobs.contract;

/**
 * The main classes of this jar that others start by name: the console through Livy or spark-submit,
 * the demo as a child JVM. Names, not class literals, because the console does not have Spark on
 * its class path; a test of the jar checks that each names a class with a {@code main} method.
 */
public final class JobMainClasses {
  /** An extraction run: {@link ExtractionArg}. */
  public static final String EXTRACTION = "io.lakeops.jobs.extraction.ExtractionJob";

  /** The click-stream query: {@link StreamingArg}. */
  public static final String STREAMING = "io.lakeops.jobs.streaming.ClickStreamJob";

  /** The fake click-stream generator, a plain JVM with kafka-clients: {@link GeneratorArg}. */
  public static final String CLICK_GENERATOR = "io.lakeops.jobs.generator.GeneratorMain";

  private JobMainClasses() {}
}
