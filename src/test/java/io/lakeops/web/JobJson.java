package io.lakeops.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Job definitions as JSON maps, valid unless a test changes them: an extraction of {@code orders}
 * every 5 minutes in pool {@code small}, under an id no other test uses.
 */
public final class JobJson {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private JobJson() {}

  public static String uniqueId(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
  }

  public static Map<String, Object> extraction(String id) {
    Map<String, Object> extraction = new LinkedHashMap<>();
    extraction.put("source", "shop");
    extraction.put("table", "orders");
    extraction.put("keyColumns", new ArrayList<>(List.of("id")));
    extraction.put("watermarkColumn", "updated_at");
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("description", "Orders from the shop database");
    job.put("kind", "extraction");
    job.put("pool", "small");
    job.put("schedule", "every 5m");
    job.put("extraction", extraction);
    return job;
  }

  public static Map<String, Object> streaming(String id) {
    Map<String, Object> streaming = new LinkedHashMap<>();
    streaming.put("topic", "clicks");
    streaming.put("trigger", "1s");
    streaming.put("sinkTable", "page_clicks");
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("id", id);
    job.put("description", "Click stream");
    job.put("kind", "streaming");
    job.put("pool", "medium");
    job.put("streaming", streaming);
    return job;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> part(Map<String, Object> job, String name) {
    return (Map<String, Object>) job.get(name);
  }
}
