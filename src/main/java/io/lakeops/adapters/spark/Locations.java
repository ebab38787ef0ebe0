package io.lakeops.adapters.spark;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Folders and files as a Spark job is given them: URIs ({@code s3a://…}, {@code file:…}) as they
 * are, plain paths made absolute, since the driver's working directory is Livy's, not the
 * console's.
 */
final class Locations {
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  private Locations() {}

  static String absolute(String pathOrUri) {
    String trimmed = pathOrUri.trim();
    String location = URI_SCHEME.matcher(trimmed).matches() ? trimmed : absolute(Path.of(trimmed));
    return location.endsWith("/") && location.length() > 1
        ? location.substring(0, location.length() - 1)
        : location;
  }

  static String absolute(Path path) {
    return path.toAbsolutePath().normalize().toString();
  }
}
