package io.lakeops.jobs.common;

import io.lakeops.jobs.contract.SecretsManagerRef;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Why a Secrets Manager call failed, in words an operator can act on: AWS's error codes as the
 * GetSecretValue API documents them. None of them carries the secret's value.
 */
final class SecretsManagerFailures {
  private SecretsManagerFailures() {}

  static String words(SecretsManagerRef ref, SdkException e) {
    String code =
        e instanceof AwsServiceException service && service.awsErrorDetails() != null
            ? service.awsErrorDetails().errorCode()
            : null;
    if ("ResourceNotFoundException".equals(code)) {
      return "secret " + ref + " was not found in Secrets Manager";
    }
    if ("AccessDeniedException".equals(code)) {
      return "access to secret "
          + ref
          + " was denied: the role needs secretsmanager:GetSecretValue on it";
    }
    if ("DecryptionFailure".equals(code)) {
      return "secret "
          + ref
          + " could not be decrypted: the role needs kms:Decrypt on the secret's KMS key";
    }
    return "cannot fetch secret "
        + ref
        + " from Secrets Manager"
        + (code == null ? "" : " (" + code + ")")
        + ": "
        + e.getMessage();
  }
}
