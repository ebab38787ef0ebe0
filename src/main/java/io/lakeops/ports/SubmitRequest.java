package io.lakeops.ports;

import java.util.List;
import java.util.Map;

/**
 * A Spark application to run.
 *
 * @param name unique per run attempt (for example {@code orders~20261126t120500z-a2})
 * @param jar the application jar, as the cluster sees it ({@code s3://…} on EMR, a local path here)
 * @param mainClass the class to run
 * @param args program arguments; never secrets (jobs resolve credentials by reference)
 * @param conf Spark configuration, such as {@code spark.submit.deployMode}
 */
public record SubmitRequest(
    String name, String jar, String mainClass, List<String> args, Map<String, String> conf) {
  public SubmitRequest {
    args = List.copyOf(args);
    conf = Map.copyOf(conf);
  }
}
