package io.lakeops.jobs.streaming;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * The running figures of one window and page within a micro-batch, as a task counts its rows and as
 * the driver merges the tasks' tallies. The users' sketch travels as its compact bytes.
 */
final class WindowTally implements Serializable {
  long events;
  long pageViews;
  long clicks;
  long lastEventMillis = Long.MIN_VALUE;
  private transient HllSketch users = newSketch();

  void add(boolean pageView, String user, long eventMillis) {
    events++;
    if (pageView) {
      pageViews++;
    } else {
      clicks++;
    }
    users.update(user);
    lastEventMillis = Math.max(lastEventMillis, eventMillis);
  }

  void merge(WindowTally other) {
    events += other.events;
    pageViews += other.pageViews;
    clicks += other.clicks;
    lastEventMillis = Math.max(lastEventMillis, other.lastEventMillis);
    Union union = new Union(UserSketches.LG_CONFIG_K);
    union.update(users);
    union.update(other.users);
    users = union.getResult(TgtHllType.HLL_4);
  }

  byte[] usersSketch() {
    return users.toCompactByteArray();
  }

  private static HllSketch newSketch() {
    return new HllSketch(UserSketches.LG_CONFIG_K, TgtHllType.HLL_4);
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    byte[] bytes = users.toCompactByteArray();
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    users = HllSketch.heapify(bytes);
  }
}
