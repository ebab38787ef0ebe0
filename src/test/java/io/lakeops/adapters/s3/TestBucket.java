package io.lakeops.adapters.s3;

import io.lakeops.ports.LakeObjects;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A new bucket on S3Proxy for one test, with the lake under {@code prefix}; objects are put as a
 * job would write them, through the S3 API.
 */
public record TestBucket(S3Client client, String name, String prefix) {

  public static TestBucket fresh(S3ProxyServer server, String prefix) {
    S3Client client = S3Clients.create(server.clientConfig());
    String name = "lake-" + UUID.randomUUID().toString().substring(0, 8);
    client.createBucket(b -> b.bucket(name));
    return new TestBucket(client, name, prefix);
  }

  /** The lake's location as configured: {@code s3://<bucket>/<prefix>}. */
  public String uri() {
    return "s3://" + name + "/" + prefix;
  }

  public LakeObjects objects() {
    return new S3LakeObjects(client, S3Location.parse(uri()));
  }

  /** Puts {@code text} at {@code key} under the prefix. */
  public void put(String key, String text) {
    putAbsolute(prefix + "/" + key, text);
  }

  /** Puts {@code text} at the bucket's {@code key}. */
  public void putAbsolute(String key, String text) {
    client.putObject(b -> b.bucket(name).key(key), RequestBody.fromString(text));
  }
}
