package io.lakeops.web.api;

import io.lakeops.domain.JobRun;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.RunStore;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs of jobs, newest window first. */
@Path("/api/runs")
@Tag(name = "Runs", description = "Runs of jobs, one per job and scheduled window")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class RunsApi {
  private final RunStore runs;

  RunsApi(RunStore runs) {
    this.runs = runs;
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
}
