package io.lakeops.web.pages;

import io.lakeops.control.actions.CancelAction;
import io.lakeops.control.actions.RerunAction;
import io.lakeops.control.audit.Attribution;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.RunId;
import io.lakeops.domain.RunState;
import io.lakeops.ports.Page;
import io.lakeops.ports.RunStore;
import io.lakeops.web.api.Params;
import io.lakeops.web.errors.BadParameterException;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Runs: the list, newest window first, filtered by state, job and cluster, a page at a time; a
 * run's page, whose status section a small script refreshes from {@code /runs/{id}/status} while
 * the run is unfinished; and the operators' re-run and cancel, as form posts with the CSRF token
 * and a reason, answered with a redirect to the run.
 */
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

    static native TemplateInstance detail(RunView view, LogTail.View log);

    static native TemplateInstance detail$status(RunView view);
  }

  private final RunStore runs;
  private final RunDetails details;
  private final LogTail logs;
  private final RerunAction rerun;
  private final CancelAction cancel;
  private final CurrentUser user;

  RunsPage(
      RunStore runs,
      RunDetails details,
      LogTail logs,
      RerunAction rerun,
      CancelAction cancel,
      CurrentUser user) {
    this.runs = runs;
    this.details = details;
    this.logs = logs;
    this.rerun = rerun;
    this.cancel = cancel;
    this.user = user;
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

  @GET
  @Path("{id}")
  public TemplateInstance detail(@PathParam("id") String id, @QueryParam("log") String log) {
    RunView view = details.of(Params.runId(id));
    return Templates.detail(view, logs.of(view.run(), line(log)));
  }

  /** The status section alone, for the page's live refresh. */
  @GET
  @Path("{id}/status")
  public TemplateInstance status(@PathParam("id") String id) {
    return Templates.detail$status(details.of(Params.runId(id)));
  }

  @POST
  @Path("{id}/rerun")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.OPERATOR)
  public Response rerun(@PathParam("id") String id, @RestForm("reason") String reason) {
    return act(id, reason, rerun::rerun);
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.OPERATOR)
  public Response cancel(@PathParam("id") String id, @RestForm("reason") String reason) {
    return act(id, reason, cancel::cancel);
  }

  /** One operator's action on run {@code id}, then back to the run's page. */
  private Response act(String id, String reason, BiConsumer<RunId, Attribution> action) {
    RunId runId = Params.runId(id);
    action.accept(runId, user.attribution(reason));
    return toRun(runId);
  }

  static Response toRun(RunId id) {
    return Response.seeOther(URI.create("/runs/" + id.value())).build();
  }

  private static Optional<Integer> line(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (!value.matches("[0-9]{1,9}")) {
      throw new BadParameterException("log", "must be a line number");
    }
    return Optional.of(Integer.parseInt(value));
  }

  static String blank(String value) {
    return value == null ? "" : value.trim();
  }
}
