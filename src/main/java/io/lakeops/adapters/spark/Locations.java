package io.lakeops.adapters.spark;

import io.lakeops.adapters.s3.S3Location;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Folders and files as a Spark job is given them: URIs ({@code s3://…}, {@code s3a://…}, {@code
 * file:…}) as they are, without a trailing slash, and plain paths made absolute, since the driver's
 * working directory is Livy's, not the console's. An S3 location must name a bucket ({@code
 * s3://bucket/prefix}): a collapsed {@code s3:/bucket} would be a folder on the driver.
 */
final class Locations {
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private Locations() {}

  /**
   * @throws IllegalArgumentException for an {@code s3:} or {@code s3a:} location without a bucket
   */
  static String absolute(String pathOrUri) {
    String trimmed = pathOrUri.trim();
    if (S3Location.isS3(trimmed)) {
      S3Location.parse(trimmed);
      return trimmed.replaceAll("/+$", "");
    }
    String location = URI_SCHEME.matcher(trimmed).matches() ? trimmed : absolute(Path.of(trimmed));
    return location.endsWith("/") && location.length() > 1
        ? location.substring(0, location.length() - 1)
        : location;
  }

  static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }
}
