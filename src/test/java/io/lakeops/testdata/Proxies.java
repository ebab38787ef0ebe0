package io.lakeops.testdata;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;

/** Proxies of an interface that call through to a real implementation and watch the calls. */
public final class Proxies {
  private Proxies() {}

  /** What to do with a call's result, by method name; returns what the caller gets. */
  public interface After {
    Object apply(String method, Object[] args, Object result) throws Exception;
  }

  /** Calls {@code target}, then hands the call and its result to {@code after}. */
  @SuppressWarnings("unchecked")
  public static <T> T around(Class<T> type, T target, After after) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              Object result;
              try {
                result = method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              return after.apply(method.getName(), args, result);
            });
  }

  /** Counts every call made through the interface in {@code calls}. */
  public static <T> T counting(Class<T> type, T target, AtomicLong calls) {
    return around(
        type,
        target,
        (method, args, result) -> {
          calls.incrementAndGet();
          return result;
        });
  }
}
