package io.lakeops.web.api;

import io.lakeops.control.actions.RunNowAction;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Run now" of a job, beside the job definitions. */
@Path("/api/jobs/{id}/run-now")
@Tag(name = "Jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class RunNowApi {
  private final RunNowAction runNow;
  private final CurrentUser user;

  /** What a run now of a streaming job did: the scheduler starts it, there is no run yet. */
  public record Accepted(String job, String message) {}

  RunNowApi(RunNowAction runNow, CurrentUser user) {
    this.runNow = runNow;
    this.user = user;
  }

  @POST
  @Operation(
      summary = "Run a job now (operator)",
      description =
          "Extraction: 201 with the new run, whose window continues the job's chain. Streaming:"
              + " 202, the scheduler starts it. 409 when the job is paused or already running, a"
              + " scheduled window is due, or the previous id window is still open")
  public Response runNow(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = "Why; kept in the audit log") String reason) {
    RunNowAction.Started started = runNow.runNow(Params.jobId(id), user.attribution(reason));
    if (started.run() == null) {
      return Response.accepted(new Accepted(started.job().value(), started.message())).build();
    }
    return Response.created(URI.create("/api/runs/" + started.run().id().value()))
        .entity(started.run())
        .build();
  }
}
