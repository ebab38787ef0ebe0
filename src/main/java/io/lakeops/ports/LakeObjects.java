package io.lakeops.ports;

import java.util.Optional;

/**
 * Where the small documents jobs leave in the lake (run manifests, error reports, streaming
 * progress) are read from: a folder on this machine or an object store. Keys are relative to the
 * location the reader was opened on and use {@code /} between their parts. What the documents mean
 * is the business of the readers that use this.
 */
public interface LakeObjects {

  /**
   * The text of the object at {@code key}, or empty when there is none.
   *
   * @throws LakeReadException when the object exists but cannot be read, or the store does not
   *     answer or refuses (a missing bucket, no permission): never taken as "no object"
   */
  Optional<String> read(String key);

  /** The full location of {@code key}, for messages ({@code s3://bucket/prefix/key}, a path). */
  String where(String key);
}
