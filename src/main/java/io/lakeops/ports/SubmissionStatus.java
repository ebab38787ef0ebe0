package io.lakeops.ports;

/**
 * A submission's state as last seen, with the remote state it was mapped from and the Spark
 * application id when known.
 */
public record SubmissionStatus(SubmissionState state, String remoteState, String applicationId) {}
