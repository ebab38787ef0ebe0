package io.lakeops.web.pages;

import io.lakeops.control.actions.RunNowAction;
import io.lakeops.control.jobs.JobDefinitionService;
import io.lakeops.domain.JobId;
import io.lakeops.web.api.Params;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The operators' buttons on a job's page: pause, resume and run now. Form posts with the CSRF token
 * and a reason, answered with a redirect: to the new run after a run now of an extraction job,
 * otherwise back to the job.
 */
@Path("/jobs/{id}")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class JobActionsPage {
  private final JobDefinitionService definitions;
  private final RunNowAction runNow;
  private final CurrentUser user;

  JobActionsPage(JobDefinitionService definitions, RunNowAction runNow, CurrentUser user) {
    this.definitions = definitions;
    this.runNow = runNow;
    this.user = user;
  }

  @POST
  @Path("pause")
  public Response pause(@PathParam("id") String id, @RestForm("reason") String reason) {
    return paused(id, true, reason);
  }

  @POST
  @Path("resume")
  public Response resume(@PathParam("id") String id, @RestForm("reason") String reason) {
    return paused(id, false, reason);
  }

  @POST
  @Path("run-now")
  public Response runNow(@PathParam("id") String id, @RestForm("reason") String reason) {
    RunNowAction.Started started = runNow.runNow(Params.jobId(id), user.attribution(reason));
    return started.run() == null ? toJob(started.job()) : RunsPage.toRun(started.run().id());
  }

  private Response paused(String id, boolean paused, String reason) {
    JobId jobId = Params.jobId(id);
    definitions.setPaused(jobId, paused, user.attribution(reason));
    return toJob(jobId);
  }

  private static Response toJob(JobId id) {
    return Response.seeOther(URI.create("/jobs/" + id.value())).build();
  }
}
