package io.lakeops.adapters.lake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lakeops.domain.RunId;
import io.lakeops.jobs.contract.LakeLayout;
import io.lakeops.jobs.contract.ManifestFields;
import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import io.lakeops.ports.SubmissionRejectedException;
import java.util.Optional;

/**
 * The schema an extraction run saw, as its manifest records it ({@code schemaFingerprint}): handed
 * to the next run as {@code last-schema}, so that a dropped or retyped column fails it.
 */
public class SchemaFingerprints {
  private final LakeObjects lake;

  public SchemaFingerprints(LakeObjects lake) {
    this.lake = lake;
  }

  /**
   * The fingerprint (JSON) in the manifest of {@code run} of {@code table}, if there is one.
   *
   * @throws SubmissionRejectedException when the manifest is there but cannot be read: submitting
   *     without it would skip the schema check the next run owes
   */
  public Optional<String> of(String table, RunId run) {
    try {
      return LakeJson.read(lake, LakeLayout.manifest(table, run.value()), "the run manifest")
          .map(manifest -> manifest.path(ManifestFields.SCHEMA_FINGERPRINT))
          .filter(JsonNode::isObject)
          .map(JsonNode::toString);
    } catch (LakeReadException e) {
      throw new SubmissionRejectedException(e.getMessage());
    }
  }
}
