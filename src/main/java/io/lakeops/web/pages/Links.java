package io.lakeops.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Page links that carry the current filters (and a cursor), encoded once, here. */
final class Links {
  private final String path;
  private final Map<String, String> params = new LinkedHashMap<>();

  private Links(String path) {
    this.path = path;
  }

  static Links to(String path) {
    return new Links(path);
  }

  Links with(String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value.trim());
    }
    return this;
  }

  Links with(String name, Optional<String> value) {
    return with(name, value.orElse(null));
  }

  @Override
  public String toString() {
    if (params.isEmpty()) {
      return path;
    }
    return path
        + "?"
        + params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
