package io.lakeops.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lakeops.ports.Page;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a listing: the items and the cursor of the next page ({@code null} on the last), to
 * pass back as {@code ?cursor=}.
 */
@Schema(name = "Page")
public record PageView<T>(
    List<T> items,
    @Schema(description = "cursor of the next page; null on the last page")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        String next) {

  public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
    return new PageView<>(page.items().stream().map(view).toList(), page.next().orElse(null));
  }

  public static <T> PageView<T> of(Page<T> page) {
    return new PageView<>(page.items(), page.next().orElse(null));
  }
}
