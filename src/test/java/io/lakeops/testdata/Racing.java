package io.lakeops.testdata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A port whose store another writer gets to first: just before a call of {@code method} passes
 * through, the other writer changes the stored record, so a conditional write loses on its version
 * as it would against a racing replica, the monitor or the dispatcher.
 */
public final class Racing<T> {
  private final AtomicInteger races = new AtomicInteger();
  private final T port;

  private Racing(Class<T> type, T store, String method, Runnable otherWriter, int times) {
    this.port =
        type.cast(
            Proxy.newProxyInstance(
                type.getClassLoader(),
                new Class<?>[] {type},
                (proxy, called, args) -> {
                  if (called.getName().equals(method) && races.get() < times) {
                    races.incrementAndGet();
                    otherWriter.run();
                  }
                  try {
                    return called.invoke(store, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                }));
  }

  /** The other writer acts before the first call of {@code method} only. */
  public static <T> Racing<T> once(Class<T> type, T store, String method, Runnable otherWriter) {
    return new Racing<>(type, store, method, otherWriter, 1);
  }

  /** The other writer acts before every call of {@code method}. */
  public static <T> Racing<T> always(Class<T> type, T store, String method, Runnable otherWriter) {
    return new Racing<>(type, store, method, otherWriter, Integer.MAX_VALUE);
  }

  public T port() {
    return port;
  }

  /** How many times the other writer got there first. */
  public int races() {
    return races.get();
  }
}
