package io.lakeops.jobs.extraction;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Makes re-runs replace exactly their own batch. A run writes under the table's {@code _staging}
 * directory; only after its checks pass is the staging directory renamed to {@code batch=<run id>},
 * after moving any previous attempt's directory out of the way. Other batches are never touched.
 * Readers skip paths starting with an underscore, so staging data is never visible. On HDFS and
 * local disks a directory rename is atomic; on S3 (s3a) it is a copy, so readers should only read
 * batches whose manifest says SUCCEEDED (see docs/spark-jobs.md).
 */
final class BatchPublisher {
  private final FileSystem fs;
  private final Path staging;
  private final Path target;

  BatchPublisher(ExtractionConfig config, Configuration hadoop) throws IOException {
    this.target = new Path(URI.create(config.batchDir()));
    this.staging =
        new Path(
            URI.create(
                config.tableDir() + "/_staging/batch=" + config.runId() + "." + UUID.randomUUID()));
    this.fs = target.getFileSystem(hadoop);
  }

  String stagingLocation() {
    return staging.toString();
  }

  void publish() throws IOException {
    Path previous = null;
    if (fs.exists(target)) {
      previous = new Path(staging.getParent(), "replaced-" + staging.getName());
      rename(target, previous);
    }
    fs.mkdirs(target.getParent());
    rename(staging, target);
    if (previous != null) {
      fs.delete(previous, true);
    }
  }

  void discard() throws IOException {
    fs.delete(staging, true);
  }

  private void rename(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }
}
