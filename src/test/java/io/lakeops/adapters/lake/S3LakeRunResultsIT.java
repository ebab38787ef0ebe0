package io.lakeops.adapters.lake;

import io.lakeops.adapters.s3.S3ProxyServer;
import io.lakeops.adapters.s3.TestBucket;
import io.lakeops.ports.LakeObjects;

/**
 * Run results of a lake on S3: the same manifests, fencing and failures as in a folder, read
 * through the SDK from a real S3-compatible server (S3Proxy) where the test puts them as the job
 * would.
 */
class S3LakeRunResultsIT extends LakeRunResultsContract {
  private final TestBucket bucket = TestBucket.fresh(S3ProxyServer.shared(), "lake");

  @Override
  protected LakeObjects lake() {
    return LakeStorage.at(bucket.uri(), bucket::client);
  }

  @Override
  protected void put(String key, String text) {
    bucket.put(key, text);
  }
}
