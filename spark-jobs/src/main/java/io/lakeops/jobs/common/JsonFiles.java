package io.lakeops.jobs.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Writes the small JSON documents the console reads back (manifests, streaming progress) so that a
 * reader never sees half a file: on a local file system through a temporary file and an atomic
 * rename, on S3 through a single PUT (an S3 object appears whole or not at all).
 */
public final class JsonFiles {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonFiles() {}

  public static void writeAtomically(String location, Object document, Configuration hadoop)
      throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(document);
    URI uri = URI.create(location);
    if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
      Path target = uri.getScheme() == null ? Path.of(location) : Path.of(uri);
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    FileSystem fs = path.getFileSystem(hadoop);
    try (OutputStream out = fs.create(path, true)) {
      out.write(bytes);
    }
  }

  public static String readText(String location, Configuration hadoop) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(URI.create(location));
    FileSystem fs = path.getFileSystem(hadoop);
    try (var in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
