package io.lakeops.ports;

import io.lakeops.domain.Job;

/**
 * The highest watermark value now in a job's source table: what an id window's open high end is
 * fixed to when its run is first submitted, so that every attempt reads the same rows.
 */
public interface SourceWatermarks {

  /**
   * The exclusive high end of an id window of {@code job} that starts at {@code low}: one above the
   * largest id now in the source table, as a decimal string. When no row has an id at or above
   * {@code low} (empty: from the first row), the answer is {@code low} itself: the window would be
   * empty.
   *
   * @throws SourceUnavailableException the source could not be reached or did not answer in time
   * @throws SubmissionRejectedException the job's source is not configured, or its table cannot be
   *     read as an id source (missing table or column, ids that are not integers)
   */
  String highestId(Job job, String low);
}
