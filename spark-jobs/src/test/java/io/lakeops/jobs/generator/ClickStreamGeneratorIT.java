package io.lakeops.jobs.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.jobs.testing.KafkaBroker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The generator as the console embeds it, against a real Kafka broker in its own JVM. */
class ClickStreamGeneratorIT {
  private static final Instant START = Instant.parse("2024-03-01T12:00:00Z");

  @Test
  void sendsTheSeededStreamKeyedByUserAtTheConfiguredPace() throws Exception {
    KafkaBroker.createTopic("gen-paced", 2);
    GeneratorConfig config =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), "gen-paced")
            .withRate(300, Duration.ofSeconds(3))
            .withSeed(5, START);
    ClickStreamGenerator generator = new ClickStreamGenerator(config);
    long begin = System.nanoTime();
    generator.start();
    assertThat(generator.awaitCompletion(Duration.ofSeconds(60))).isTrue();
    // Paced to event time: three simulated seconds take about three real ones.
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThan(Duration.ofMillis(2500));

    List<String> expected = new ArrayList<>();
    new ClickStreamSimulator(config, START)
        .forEachRemaining(e -> expected.add(e.userId() + " " + e.toJson()));
    List<String> received = consume("gen-paced", expected.size());
    assertThat(generator.sent()).isEqualTo(expected.size());
    assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void stopEndsALongRunEarly() throws Exception {
    KafkaBroker.createTopic("gen-stopped", 1);
    GeneratorConfig config =
        GeneratorConfig.of(KafkaBroker.bootstrapServers(), "gen-stopped")
            .withRate(50, Duration.ofHours(1));
    ClickStreamGenerator generator = new ClickStreamGenerator(config);
    generator.start();
    Thread.sleep(1500);
    assertThat(generator.running()).isTrue();
    generator.stop();
    assertThat(generator.running()).isFalse();
    assertThat(generator.sent()).isBetween(1L, 500L);
  }

  private static List<String> consume(String topic, int expected) throws Exception {
    List<String> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName()))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (out.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          out.add(r.key() + " " + r.value());
        }
      }
    }
    return out;
  }
}
