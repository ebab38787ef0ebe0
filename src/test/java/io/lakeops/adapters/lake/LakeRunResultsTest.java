package io.lakeops.adapters.lake;

import io.lakeops.ports.LakeObjects;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Run results of a lake in a folder on this machine, the embedded default. */
class LakeRunResultsTest extends LakeRunResultsContract {
  @TempDir Path folder;

  @Override
  protected LakeObjects lake() {
    return new LocalLakeObjects(folder);
  }

  @Override
  protected void put(String key, String text) {
    FolderLake.put(folder, key, text);
  }
}
