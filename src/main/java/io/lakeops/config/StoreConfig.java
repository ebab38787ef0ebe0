package io.lakeops.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/** Where job state lives. */
@ConfigMapping(prefix = "lakeops.store")
public interface StoreConfig {

  /** {@code embedded} (H2, the default on a laptop or CI) or {@code dynamodb} (production). */
  @WithDefault("embedded")
  Type type();

  /** The DynamoDB tables, used when {@code type} is {@code dynamodb}. */
  DynamoDb dynamodb();

  enum Type {
    EMBEDDED,
    DYNAMODB
  }

  interface DynamoDb {
    /**
     * Prefix of the table names ({@code <prefix>jobs}, {@code runs}, {@code clusters}, {@code
     * leases}).
     */
    @WithDefault("lakeops-")
    String tablePrefix();

    /**
     * Create missing tables (with their indexes) at start. Off in production, where tables come
     * from infrastructure code; on for local servers and tests.
     */
    @WithDefault("false")
    boolean createTables();

    /** An endpoint instead of AWS's, such as a local DynamoDB-compatible server. */
    Optional<URI> endpointOverride();

    /** The AWS region; empty means the SDK's default region chain. */
    Optional<String> region();
  }
}
