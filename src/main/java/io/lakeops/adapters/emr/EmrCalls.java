package io.lakeops.adapters.emr;

import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.emr.model.InternalServerErrorException;
import software.amazon.awssdk.services.emr.model.InternalServerException;
import software.amazon.awssdk.services.emr.model.InvalidRequestException;

/**
 * Runs one EMR operation (the SDK has already spent its retries) and turns what failed into an
 * {@link EmrCallException} naming the operation and carrying EMR's own message.
 */
final class EmrCalls {
  private EmrCalls() {}

  static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (InvalidRequestException e) {
      throw new EmrCallException("EMR refused " + operation + ": " + message(e), false, e);
    } catch (InternalServerException | InternalServerErrorException e) {
      throw new EmrCallException(
          "EMR failed on its side in " + operation + ": " + message(e), true, e);
    } catch (AwsServiceException e) {
      if (e.isThrottlingException()) {
        throw new EmrCallException(
            "EMR kept throttling " + operation + " beyond the retries: " + message(e), true, e);
      }
      throw new EmrCallException(
          "EMR answered " + code(e) + " to " + operation + ": " + message(e), e.retryable(), e);
    } catch (SdkClientException e) {
      throw new EmrCallException(
          "EMR unreachable for " + operation + ": " + e.getMessage(), true, e);
    }
  }

  static void run(String operation, Runnable call) {
    call(
        operation,
        () -> {
          call.run();
          return null;
        });
  }

  private static String code(AwsServiceException e) {
    return e.awsErrorDetails() == null ? "an error" : e.awsErrorDetails().errorCode();
  }

  private static String message(AwsServiceException e) {
    String text = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return text == null ? e.getMessage() : text;
  }
}
