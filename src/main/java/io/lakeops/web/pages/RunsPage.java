package io.lakeops.web.pages;

import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunState;
import io.lakeops.ports.Page;
import io.lakeops.ports.RunStore;
import io.lakeops.web.api.Params;
import io.lakeops.web.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** Runs, newest window first, filtered by state, job and cluster, a page at a time. */
@Path("/runs")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class RunsPage {

  /** The filters as typed, to show them again in the form. */
  public record Filters(String state, String job, String cluster) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Filters filters, List<String> states, List<JobRun> runs, String next, String first);
  }

  private final RunStore runs;

  RunsPage(RunStore runs) {
    this.runs = runs;
  }

  @GET
  public TemplateInstance list(
      @QueryParam("state") String state,
      @QueryParam("job") String job,
      @QueryParam("cluster") String cluster,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Page<JobRun> page = runs.findRuns(Params.runs(state, job, cluster), Params.page(limit, cursor));
    Links here =
        Links.to("/runs")
            .with("state", state)
            .with("job", job)
            .with("cluster", cluster)
            .with("limit", limit);
    String first = here.toString();
    String next = page.next().map(c -> here.with("cursor", c).toString()).orElse(null);
    return Templates.list(
        new Filters(blank(state), blank(job), blank(cluster)),
        Arrays.stream(RunState.values()).map(s -> s.name().toLowerCase()).toList(),
        page.items(),
        next,
        cursor == null || cursor.isBlank() ? null : first);
  }

  static String blank(String value) {
    return value == null ? "" : value.trim();
  }
}
