package io.lakeops.web.pages;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.resteasy.reactive.RestForm;

/** The posted job form, field by field; {@link JobForm} gives it meaning. */
public class JobFormParams {
  @RestForm("id")
  String id;

  @RestForm("description")
  String description;

  @RestForm("kind")
  String kind;

  @RestForm("pool")
  String pool;

  @RestForm("schedule")
  String schedule;

  @RestForm("paused")
  String paused;

  @RestForm("retry.maxInfrastructureRetries")
  String retryMaxInfrastructureRetries;

  @RestForm("retry.maxJobRetries")
  String retryMaxJobRetries;

  @RestForm("retry.initialBackoff")
  String retryInitialBackoff;

  @RestForm("retry.maxBackoff")
  String retryMaxBackoff;

  @RestForm("extraction.source")
  String extractionSource;

  @RestForm("extraction.table")
  String extractionTable;

  @RestForm("extraction.keyColumns")
  String extractionKeyColumns;

  @RestForm("extraction.watermarkColumn")
  String extractionWatermarkColumn;

  @RestForm("extraction.watermarkKind")
  String extractionWatermarkKind;

  @RestForm("extraction.parallelism")
  String extractionParallelism;

  @RestForm("extraction.fetchSize")
  String extractionFetchSize;

  @RestForm("extraction.keyCheck")
  String extractionKeyCheck;

  @RestForm("extraction.rowCountCheck")
  String extractionRowCountCheck;

  @RestForm("extraction.rowCountTolerance")
  String extractionRowCountTolerance;

  @RestForm("streaming.topic")
  String streamingTopic;

  @RestForm("streaming.trigger")
  String streamingTrigger;

  @RestForm("streaming.window")
  String streamingWindow;

  @RestForm("streaming.watermarkDelay")
  String streamingWatermarkDelay;

  @RestForm("streaming.sinkTable")
  String streamingSinkTable;

  @RestForm String version;

  @RestForm String reason;

  Map<String, String> values() {
    Map<String, String> map = new HashMap<>();
    map.put("id", id);
    map.put("description", description);
    map.put("kind", kind);
    map.put("pool", pool);
    map.put("schedule", schedule);
    map.put("paused", paused);
    map.put("retry.maxInfrastructureRetries", retryMaxInfrastructureRetries);
    map.put("retry.maxJobRetries", retryMaxJobRetries);
    map.put("retry.initialBackoff", retryInitialBackoff);
    map.put("retry.maxBackoff", retryMaxBackoff);
    map.put("extraction.source", extractionSource);
    map.put("extraction.table", extractionTable);
    map.put("extraction.keyColumns", extractionKeyColumns);
    map.put("extraction.watermarkColumn", extractionWatermarkColumn);
    map.put("extraction.watermarkKind", extractionWatermarkKind);
    map.put("extraction.parallelism", extractionParallelism);
    map.put("extraction.fetchSize", extractionFetchSize);
    map.put("extraction.keyCheck", extractionKeyCheck);
    map.put("extraction.rowCountCheck", extractionRowCountCheck);
    map.put("extraction.rowCountTolerance", extractionRowCountTolerance);
    map.put("streaming.topic", streamingTopic);
    map.put("streaming.trigger", streamingTrigger);
    map.put("streaming.window", streamingWindow);
    map.put("streaming.watermarkDelay", streamingWatermarkDelay);
    map.put("streaming.sinkTable", streamingSinkTable);
    map.values().removeIf(Objects::isNull);
    return map;
  }
}
