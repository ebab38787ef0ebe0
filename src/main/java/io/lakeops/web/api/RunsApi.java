package io.lakeops.web.api;

import io.lakeops.control.actions.CancelAction;
import io.lakeops.control.actions.RerunAction;
import io.lakeops.domain.JobRun;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.RunStore;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs of jobs, newest window first; re-run and cancel for operators. */
@Path("/api/runs")
@Tag(name = "Runs", description = "Runs of jobs, one per job and scheduled window")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class RunsApi {
  static final String REASON = "Why the action is taken; kept in the audit log";

  private final RunStore runs;
  private final RerunAction rerun;
  private final CancelAction cancel;
  private final CurrentUser user;

  RunsApi(RunStore runs, RerunAction rerun, CancelAction cancel, CurrentUser user) {
    this.runs = runs;
    this.rerun = rerun;
    this.cancel = cancel;
    this.user = user;
  }

  @GET
  @Operation(summary = "List runs, filtered by state, job and cluster, a page at a time")
  public PageView<JobRun> list(
      @QueryParam("state") @Parameter(description = "scheduled, running, succeeded, ...")
          String state,
      @QueryParam("job") @Parameter(description = "job id") String job,
      @QueryParam("cluster") @Parameter(description = "cluster id") String cluster,
      @QueryParam("limit") @Parameter(description = "page size, 1-500 (50)") String limit,
      @QueryParam("cursor") @Parameter(description = "the next of the previous page")
          String cursor) {
    return PageView.of(runs.findRuns(Params.runs(state, job, cluster), Params.page(limit, cursor)));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one run")
  public JobRun get(@PathParam("id") String id) {
    return runs.findRun(Params.runId(id)).orElseThrow(() -> new NotFoundException("run", id));
  }

  @POST
  @Path("{id}/rerun")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      summary = "Re-run a finished run: a new attempt over the same window (operator)",
      description = "409 when the run is not finished (succeeded, failed, lost or cancelled)")
  public JobRun rerun(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    return rerun.rerun(Params.runId(id), user.attribution(reason));
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      summary = "Cancel a scheduled, submitted or running run and kill its batch (operator)",
      description =
          "409 when the run is finished. The kill is best effort; the audit entry says whether"
              + " it reached the cluster")
  public JobRun cancel(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    return cancel.cancel(Params.runId(id), user.attribution(reason)).run();
  }
}
