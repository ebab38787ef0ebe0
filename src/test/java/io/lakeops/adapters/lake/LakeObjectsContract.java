package io.lakeops.adapters.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.lakeops.ports.LakeObjects;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LakeObjects} adapter does, run against each: a folder on this machine and
 * S3Proxy. A subclass gives a fresh, empty lake and a way to put an object in it as a job would.
 */
public abstract class LakeObjectsContract {

  /** A fresh, empty lake. */
  protected abstract LakeObjects lake();

  /** Writes {@code text} at {@code key} of the lake, as the job's Hadoop file system would. */
  protected abstract void put(String key, String text);

  @Test
  void anObjectReadsAsItsTextNestedKeysAndUnicodeIncluded() {
    LakeObjects lake = lake();
    put("table=orders/_manifests/batch=r~1.json", "{\"note\": \"café ✓\"}");

    assertThat(lake.read("table=orders/_manifests/batch=r~1.json"))
        .contains("{\"note\": \"café ✓\"}");
  }

  @Test
  void aMissingObjectIsNone() {
    LakeObjects lake = lake();
    put("table=orders/_manifests/batch=other.json", "{}");

    assertThat(lake.read("table=orders/_manifests/batch=r~1.json")).isEmpty();
    assertThat(lake.read("table=orders/_manifests")).as("a folder is no object").isEmpty();
  }

  @Test
  void anObjectRewrittenReadsAsItsNewText() {
    LakeObjects lake = lake();
    put("clicks/progress/progress.json", "{\"batch\": 1}");
    put("clicks/progress/progress.json", "{\"batch\": 2}");

    assertThat(lake.read("clicks/progress/progress.json")).contains("{\"batch\": 2}");
  }

  @Test
  void whereNamesTheObjectsFullLocation() {
    assertThat(lake().where("table=orders/_manifests/batch=r.json"))
        .endsWith("/table=orders/_manifests/batch=r.json");
  }
}
