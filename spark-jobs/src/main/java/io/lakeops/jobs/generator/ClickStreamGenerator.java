package io.lakeops.jobs.generator;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends the simulated click stream to Kafka, keyed by user id (so one user's events stay ordered
 * within a partition). Usable as a library, which is how the console embeds it: {@link #start()}
 * runs it on a daemon thread, {@link #stop()} ends it early and closes the producer. It depends on
 * kafka-clients only, never on Spark. {@link GeneratorMain} wraps it as a command.
 */
public final class ClickStreamGenerator implements AutoCloseable {
  private final GeneratorConfig config;
  private final Producer<String, String> producer;
  private final AtomicLong sent = new AtomicLong();
  private volatile boolean stopping;
  private volatile Throwable failure;
  private Thread thread;

  public ClickStreamGenerator(GeneratorConfig config) {
    this(config, new KafkaProducer<>(producerProperties(config.bootstrapServers())));
  }

  /** For tests and callers that bring their own producer (it is closed by {@link #stop()}). */
  public ClickStreamGenerator(GeneratorConfig config, Producer<String, String> producer) {
    this.config = config;
    this.producer = producer;
  }

  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::run, "click-stream-generator");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the configured duration to be generated; true when it finished in time. */
  public boolean awaitCompletion(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    if (failure != null) {
      throw new IllegalStateException("generator failed", failure);
    }
    return !thread.isAlive();
  }

  public void stop() throws InterruptedException {
    stopping = true;
    if (thread != null) {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  public long sent() {
    return sent.get();
  }

  public boolean running() {
    return thread != null && thread.isAlive();
  }

  private void run() {
    Instant start = config.start() != null ? config.start() : Instant.now();
    long wallStart = System.currentTimeMillis();
    ClickStreamSimulator simulator = new ClickStreamSimulator(config, start);
    try {
      while (!stopping && simulator.hasNext()) {
        ClickEvent event = simulator.next();
        if (config.realtime()) {
          long due = wallStart + (event.eventTime().toEpochMilli() - start.toEpochMilli());
          long wait = due - System.currentTimeMillis();
          if (wait > 0) {
            Thread.sleep(wait);
          }
        }
        producer.send(new ProducerRecord<>(config.topic(), event.userId(), event.toJson()));
        sent.incrementAndGet();
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      producer.close(Duration.ofSeconds(10));
    }
  }

  static Properties producerProperties(String bootstrapServers) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    // Not idempotent: this kafka-clients (3.4.1, Spark 3.5's) against a 4.x broker at times starts
    // a partition's sequence again at 0, and the broker then refuses every later batch of it
    // (OutOfOrderSequenceException in the broker's log, the generator stalled). One request in
    // flight keeps each user's clicks in order without it; a retry after a lost acknowledgement
    // may repeat a click, which the streaming job's readers count as a click again.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
    // A few ms of batching costs little latency and keeps thousands of events/s cheap.
    props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return props;
  }
}
