package io.lakeops.adapters.s3;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket and key prefix written as {@code s3://bucket/prefix} or {@code s3a://bucket/prefix}
 * (EMRFS and Hadoop's S3A name the same objects). The prefix has no slash at either end and may be
 * empty (the bucket's root).
 */
public record S3Location(String bucket, String prefix) {
  private static final Pattern S3_URI =
      Pattern.compile("(?i:s3a?)://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/.*)?");

  /** Whether {@code location} is meant as one (its scheme is s3 or s3a), well written or not. */
  public static boolean isS3(String location) {
    String lower = location.trim().toLowerCase(Locale.ROOT);
    return lower.startsWith("s3:") || lower.startsWith("s3a:");
  }

  /**
   * Parses {@code location}.
   *
   * @throws IllegalArgumentException naming the location when it is not {@code
   *     s3://bucket[/prefix]} with a valid bucket name (such as {@code s3:/bucket}, a URI a path
   *     library collapsed)
   */
  public static S3Location parse(String location) {
    Matcher m = S3_URI.matcher(location.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + location + "' is not an S3 location: write s3://bucket/prefix");
    }
    String path = m.group(2) == null ? "" : m.group(2).replaceAll("^/+|/+$", "");
    if (path.contains("//")) {
      throw new IllegalArgumentException(
          "'" + location + "' has an empty folder name (//) in its prefix");
    }
    return new S3Location(m.group(1), path);
  }

  /** The key of {@code relative} under this location's prefix. */
  public String key(String relative) {
    return prefix.isEmpty() ? relative : prefix + "/" + relative;
  }

  /** {@code relative} as an {@code s3://} URI, for messages. */
  public String uri(String relative) {
    return "s3://" + bucket + "/" + key(relative);
  }
}
