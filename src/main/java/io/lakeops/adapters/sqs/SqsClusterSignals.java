package io.lakeops.adapters.sqs;

import io.lakeops.adapters.emr.EmrEvents;
import io.lakeops.ports.ClusterSignal;
import io.lakeops.ports.ClusterSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * EMR's state-change events from the SQS queue an EventBridge rule feeds: a long-polling
 * ReceiveMessage (up to ten messages), and a DeleteMessage for each once it was handled. A message
 * that is not an EMR cluster or fleet event is deleted at once: an unreadable one is logged and
 * counted as garbage, a well-formed one about something else as ignored. Only this class calls the
 * SQS client.
 */
public final class SqsClusterSignals implements ClusterSignals {
  private static final Logger LOG = Logger.getLogger(SqsClusterSignals.class);
  private static final int MAX_MESSAGES = 10; // SQS's most per receive

  private final SqsClient sqs;
  private final String queueUrl;
  private final int waitSeconds;

  /**
   * @param wait how long a receive waits for a message (SQS's long poll: 0 to 20 seconds)
   */
  public SqsClusterSignals(SqsClient sqs, String queueUrl, Duration wait) {
    if (wait.isNegative() || wait.compareTo(Duration.ofSeconds(20)) > 0) {
      throw new IllegalArgumentException(
          "lakeops.clusters.events.receive-wait: " + wait + " is outside SQS's 0s to 20s");
    }
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.waitSeconds = (int) wait.toSeconds();
  }

  @Override
  public Batch receive() {
    ReceiveMessageResponse received =
        sqs.receiveMessage(
            r ->
                r.queueUrl(queueUrl)
                    .maxNumberOfMessages(MAX_MESSAGES)
                    .waitTimeSeconds(waitSeconds));
    List<ClusterSignal> signals = new ArrayList<>();
    int ignored = 0;
    int garbage = 0;
    for (Message message : received.messages()) {
      try {
        Optional<ClusterSignal> signal = EmrEvents.read(message.body(), message.receiptHandle());
        if (signal.isPresent()) {
          signals.add(signal.get());
          continue;
        }
        ignored++;
      } catch (EmrEvents.UnreadableEvent e) {
        garbage++;
        LOG.warnf(
            "SQS message %s on %s is no EMR event (%s): deleted",
            message.messageId(), queueUrl, e.getMessage());
      }
      delete(message.receiptHandle());
    }
    return new Batch(List.copyOf(signals), ignored, garbage);
  }

  @Override
  public void handled(ClusterSignal signal) {
    delete(signal.receipt());
  }

  private void delete(String receipt) {
    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(receipt));
  }

  @Override
  public void close() {
    sqs.close();
  }
}
