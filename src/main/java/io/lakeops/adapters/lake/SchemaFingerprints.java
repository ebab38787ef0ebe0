package io.lakeops.adapters.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.config.LakeConfig;
import io.lakeops.domain.RunId;
import io.lakeops.ports.SubmissionRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The schema an extraction run saw, as its manifest records it ({@code schemaFingerprint}): handed
 * to the next run as {@code last-schema}, so that a dropped or retyped column fails it.
 */
@ApplicationScoped
public class SchemaFingerprints {
  private final Path base;

  public SchemaFingerprints(LakeConfig config) {
    this.base = config.base();
  }

  /** The fingerprint (JSON) in the manifest of {@code run} of {@code table}, if there is one. */
  public Optional<String> of(String table, RunId run) {
    Path file = LakeRunResults.manifestFile(base, table, run);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode fingerprint = LakeRunResults.read(file).path("schemaFingerprint");
      return fingerprint.isObject() ? Optional.of(fingerprint.toString()) : Optional.empty();
    } catch (UncheckedIOException e) {
      // Submitting without it would skip the schema check the next run owes.
      throw new SubmissionRejectedException(e.getMessage() + ": " + e.getCause().getMessage());
    }
  }
}
