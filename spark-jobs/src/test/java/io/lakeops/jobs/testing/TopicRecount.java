package io.lakeops.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The click aggregates recomputed from a whole topic by a reader that shares nothing with the job:
 * a plain Kafka consumer, Jackson, and the validity rule of the event contract written out again in
 * Java. Distinct users are exact here, so the job's HLL estimate is compared within a tolerance.
 */
public final class TopicRecount {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per "window start|page": events, page views, clicks, exact distinct users. */
  public final Map<String, long[]> windows = new TreeMap<>();

  public long valid;
  public long invalid;

  /** Kafka timestamps of the valid events, ascending. */
  public long[] validTimestamps;

  private final Map<String, Set<String>> users = new TreeMap<>();

  private TopicRecount() {}

  public static TopicRecount of(String topic, int windowSeconds) throws Exception {
    TopicRecount recount = new TopicRecount();
    List<Long> timestamps = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (recount.add(r.value(), windowSeconds * 1000L)) {
            timestamps.add(r.timestamp());
          }
        }
      }
    }
    recount.validTimestamps = timestamps.stream().mapToLong(Long::longValue).sorted().toArray();
    recount.users.forEach((key, set) -> recount.windows.get(key)[3] = set.size());
    recount.users.clear();
    return recount;
  }

  /** Records in the topic now (the sum of its partitions' end offsets). */
  public static long records(String topic) throws Exception {
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** Counts one record; true when it is a valid click event. */
  private boolean add(String value, long windowMillis) {
    JsonNode e;
    Instant time;
    try {
      e = JSON.readTree(value);
      time = Instant.parse(e.path("event_time").asText());
    } catch (Exception notJsonOrNoTime) {
      invalid++;
      return false;
    }
    String type = e.path("event_type").asText("");
    if (!e.isObject()
        || !e.hasNonNull("event_id")
        || !e.hasNonNull("user_id")
        || !e.hasNonNull("page")
        || !(type.equals("page_view") || type.equals("click"))) {
      invalid++;
      return false;
    }
    valid++;
    long start = Math.floorDiv(time.toEpochMilli(), windowMillis) * windowMillis;
    String key = Instant.ofEpochMilli(start) + "|" + e.get("page").asText();
    long[] w = windows.computeIfAbsent(key, k -> new long[4]);
    w[0]++;
    w[type.equals("page_view") ? 1 : 2]++;
    users.computeIfAbsent(key, k -> new HashSet<>()).add(e.get("user_id").asText());
    return true;
  }

  /** The same figures as read from the job's PostgreSQL table. */
  public static Map<String, long[]> postgres(Connection c, String table) throws Exception {
    Map<String, long[]> out = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT window_start, page, events, page_views, clicks, users FROM " + table)) {
      while (rs.next()) {
        String key = rs.getObject(1, OffsetDateTime.class).toInstant() + "|" + rs.getString(2);
        out.put(key, new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)});
      }
    }
    return out;
  }

  /**
   * Where the table differs from this recount: counts must be equal; users may be off by {@code
   * usersTolerance} (a fraction) of the exact count, or one. Empty when they agree.
   */
  public List<String> differences(Map<String, long[]> table, double usersTolerance) {
    List<String> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(windows.keySet());
    keys.addAll(table.keySet());
    for (String key : keys) {
      long[] want = windows.get(key);
      long[] got = table.get(key);
      if (want == null || got == null) {
        out.add(key + (want == null ? " only in the table" : " missing from the table"));
      } else if (!Arrays.equals(want, 0, 3, got, 0, 3)
          || Math.abs(got[3] - want[3]) > Math.max(1, usersTolerance * want[3])) {
        out.add(key + ": table " + Arrays.toString(got) + ", topic " + Arrays.toString(want));
      }
    }
    return out;
  }

  /** The largest relative difference of users between the table and this recount. */
  public double worstUsersError(Map<String, long[]> table) {
    return windows.entrySet().stream()
        .filter(w -> table.containsKey(w.getKey()) && w.getValue()[3] > 0)
        .mapToDouble(
            w -> Math.abs(table.get(w.getKey())[3] - w.getValue()[3]) / (double) w.getValue()[3])
        .max()
        .orElse(0);
  }

  public String summary() {
    return windows.size()
        + " windows x pages, "
        + valid
        + " valid events, "
        + invalid
        + " invalid records; pages "
        + windows.keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct().count();
  }

  private static KafkaConsumer<String, String> consumer() throws Exception {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
  }
}
