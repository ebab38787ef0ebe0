package io.lakeops.adapters.s3;

import io.lakeops.ports.LakeObjects;
import io.lakeops.ports.LakeReadException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The lake's objects under an S3 location, read with GetObject. Only a missing key (404 {@code
 * NoSuchKey}) is "no object"; a missing bucket, a refusal (403) or a store that does not answer is
 * a read failure, so that a misconfigured console never takes a finished run for one without a
 * result.
 */
public final class S3LakeObjects implements LakeObjects {
  private final S3Client s3;
  private final S3Location location;

  public S3LakeObjects(S3Client s3, S3Location location) {
    this.s3 = s3;
    this.location = location;
  }

  @Override
  public Optional<String> read(String key) {
    GetObjectRequest get =
        GetObjectRequest.builder().bucket(location.bucket()).key(location.key(key)).build();
    try {
      return Optional.of(s3.getObjectAsBytes(get).asUtf8String());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      throw new LakeReadException(
          "cannot read " + where(key) + ": " + e.statusCode() + " " + errorCode(e), e);
    } catch (SdkException e) {
      throw new LakeReadException("cannot read " + where(key) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String where(String key) {
    return location.uri(key);
  }

  private static String errorCode(S3Exception e) {
    return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
        ? e.getMessage()
        : e.awsErrorDetails().errorCode();
  }
}
