package io.lakeops.web.api;

import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.control.jobs.JobDefinitionService;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.ports.JobStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.StreamingProgress;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Job definitions: read by every role, changed by admins, paused and resumed by operators. */
@Path("/api/jobs")
@Tag(name = "Jobs", description = "Job definitions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class JobsApi {
  private static final String REASON = "Why the change is made; kept in the audit log";

  private final JobDefinitionService definitions;
  private final JobStore jobs;
  private final CurrentUser user;
  private final StreamingProgress progress;

  JobsApi(
      JobDefinitionService definitions,
      JobStore jobs,
      CurrentUser user,
      StreamingProgress progress) {
    this.progress = progress;
    this.definitions = definitions;
    this.jobs = jobs;
    this.user = user;
  }

  @GET
  @Operation(summary = "List job definitions in id order, a page at a time")
  public PageView<JobView> list(
      @QueryParam("limit") @Parameter(description = "page size, 1-500 (50)") String limit,
      @QueryParam("cursor") @Parameter(description = "the next of the previous page")
          String cursor) {
    return PageView.of(jobs.listJobs(Params.page(limit, cursor)), JobView::of);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one job definition; its ETag is its version")
  public Response get(@PathParam("id") String id) {
    return withVersion(Response.ok(), find(Params.jobId(id))).build();
  }

  @GET
  @Path("{id}/progress")
  @Operation(
      summary = "A streaming job's latest progress",
      description =
          "Each query's newest batch (rates, batch duration, watermark, latency) and the dead"
              + " letters, as the job last published them; 404 before its first batch")
  public StreamingProgress.Report progress(@PathParam("id") String id) {
    Job job = find(Params.jobId(id));
    return progress
        .latest(job.id())
        .orElseThrow(() -> new NotFoundException("progress of job", job.id().value()));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(summary = "Create a job definition (admin)")
  public Response create(
      JobDefinition definition,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    Job stored = definitions.create(definition, user.attribution(reason));
    return withVersion(Response.created(URI.create("/api/jobs/" + stored.id().value())), stored)
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Replace a job definition (admin)",
      description = "Send the version you read in If-Match: 409 when it changed since, 428 without")
  public Response replace(
      @PathParam("id") String id,
      @HeaderParam(Versions.IF_MATCH) @Parameter(description = "the version being replaced")
          String ifMatch,
      JobDefinition definition,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    JobId jobId = Params.jobId(id);
    long version = Versions.required(ifMatch);
    Job stored = definitions.replace(jobId, definition, version, user.attribution(reason));
    return withVersion(Response.ok(), stored).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      summary = "Delete a job definition (admin); its runs stay",
      description = "Send the version you read in If-Match: 409 when it changed since, 428 without")
  public Response delete(
      @PathParam("id") String id,
      @HeaderParam(Versions.IF_MATCH) @Parameter(description = "the version being deleted")
          String ifMatch,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    JobId jobId = Params.jobId(id);
    definitions.delete(jobId, Versions.required(ifMatch), user.attribution(reason));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/pause")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(summary = "Pause a job: no new runs are scheduled (operator)")
  public Response pause(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    return paused(id, true, reason);
  }

  @POST
  @Path("{id}/resume")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(summary = "Resume a paused job (operator)")
  public Response resume(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = REASON) String reason) {
    return paused(id, false, reason);
  }

  private Response paused(String id, boolean paused, String reason) {
    Job stored = definitions.setPaused(Params.jobId(id), paused, user.attribution(reason));
    return withVersion(Response.ok(), stored).build();
  }

  private Job find(JobId id) {
    return jobs.findJob(id).orElseThrow(() -> new NotFoundException("job", id.value()));
  }

  private static Response.ResponseBuilder withVersion(Response.ResponseBuilder response, Job job) {
    return response.entity(JobView.of(job)).tag(Versions.tag(job.version()));
  }
}
