package io.lakeops.adapters.lake;

import io.lakeops.domain.RunId;

/**
 * Where an extraction leaves its documents, relative to the lake (docs/spark-jobs.md): the same
 * keys in a folder and under an S3 prefix.
 */
final class ManifestKeys {
  private ManifestKeys() {}

  /**
   * The manifest of the batch {@code run} published: {@code table=<t>/_manifests/batch=<run>.json}.
   */
  static String manifest(String table, RunId run) {
    return folder(table) + "batch=" + run.value() + ".json";
  }

  /** Attempt {@code attempt}'s own file of {@code kind} ({@code failed} or {@code error}). */
  static String attempt(String table, RunId run, int attempt, String kind) {
    return folder(table) + "batch=" + run.value() + ".a" + attempt + "." + kind + ".json";
  }

  private static String folder(String table) {
    return "table=" + table + "/_manifests/";
  }
}
