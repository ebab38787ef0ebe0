package io.lakeops.web.pages;

import io.lakeops.control.jobs.FieldError;
import io.lakeops.control.jobs.InvalidDefinitionException;
import io.lakeops.control.jobs.JobDefinition;
import io.lakeops.control.jobs.JobDefinitionService;
import io.lakeops.control.jobs.JobDefinitionValidator;
import io.lakeops.domain.Job;
import io.lakeops.domain.JobId;
import io.lakeops.domain.JobKind;
import io.lakeops.domain.JobRun;
import io.lakeops.domain.Pool;
import io.lakeops.ports.AlreadyExistsException;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.ScheduleEntry;
import io.lakeops.ports.ScheduleStore;
import io.lakeops.ports.StateStore;
import io.lakeops.ports.StreamingProgress;
import io.lakeops.ports.VersionConflictException;
import io.lakeops.web.api.Params;
import io.lakeops.web.errors.BadParameterException;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Job definitions in the console: the list and a job's page for everyone, the form and delete for
 * admins (the operators' buttons are {@link JobActionsPage}). Every change is a form post with the
 * CSRF token and a reason, answered with a redirect (post/redirect/get).
 */
@Path("/jobs")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class JobsPage {
  /** The path of the new-job form; '_' cannot start a job id, so it never hides a job. */
  static final String NEW = "_new";

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(List<Job> jobs, String next, String first);

    static native TemplateInstance detail(
        Job job,
        JobDefinition definition,
        ScheduleEntry schedule,
        List<JobRun> runs,
        List<AuditEntry> changes,
        ProgressView progress);

    /** The live progress of a streaming job, refreshed in place. */
    static native TemplateInstance detail$progress(Job job, ProgressView progress);

    static native TemplateInstance form(JobForm form, Choices choices);
  }

  private final JobDefinitionService definitions;
  private final ScheduleStore schedule;
  private final StateStore store;
  private final AuditLog audit;
  private final List<Pool> pools;
  private final CurrentUser user;
  private final StreamingProgress progress;
  private final Clock clock;

  /**
   * The service's own rules (the same bean), run on a form that also has unreadable numbers, to
   * show all errors at once.
   */
  private final JobDefinitionValidator rules;

  JobsPage(
      JobDefinitionService definitions,
      StateStore store,
      ScheduleStore schedule,
      AuditLog audit,
      List<Pool> pools,
      CurrentUser user,
      JobDefinitionValidator rules,
      StreamingProgress progress,
      Clock clock) {
    this.definitions = definitions;
    this.progress = progress;
    this.clock = clock;
    this.rules = rules;
    this.store = store;
    this.schedule = schedule;
    this.audit = audit;
    this.pools = pools;
    this.user = user;
  }

  @GET
  public TemplateInstance list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    var page = store.listJobs(Params.page(limit, cursor));
    Links here = Links.to("/jobs").with("limit", limit);
    String first = cursor == null || cursor.isBlank() ? null : here.toString();
    return Templates.list(
        page.items(), page.next().map(c -> here.with("cursor", c).toString()).orElse(null), first);
  }

  @GET
  @Path("{id}")
  public TemplateInstance detail(@PathParam("id") String id) {
    Job job = find(id);
    return Templates.detail(
        job,
        JobDefinition.of(job),
        schedule.findEntry(job.id()).orElse(null),
        store.findRuns(RunQuery.byJob(job.id()), PageRequest.first(20)).items(),
        audit
            .search(
                new AuditQuery(
                    Optional.of(EntityKind.JOB),
                    Optional.of(job.id().value()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()),
                PageRequest.first(10))
            .items(),
        progressOf(job));
  }

  /** The streaming job's progress section alone, for the page to refresh in place. */
  @GET
  @Path("{id}/progress")
  public TemplateInstance progress(@PathParam("id") String id) {
    Job job = find(id);
    return Templates.detail$progress(job, progressOf(job));
  }

  private ProgressView progressOf(Job job) {
    if (job.kind() != JobKind.STREAMING) {
      return null;
    }
    return progress.latest(job.id()).map(r -> ProgressView.of(r, clock.instant())).orElse(null);
  }

  @GET
  @Path(NEW)
  @RolesAllowed(Roles.ADMIN)
  public TemplateInstance newForm() {
    return Templates.form(JobForm.blank(), choices());
  }

  @GET
  @Path("{id}/edit")
  @RolesAllowed(Roles.ADMIN)
  public TemplateInstance editForm(@PathParam("id") String id) {
    Job job = find(id);
    return Templates.form(JobForm.of(JobDefinition.of(job), job.version()), choices());
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response create(@BeanParam JobFormParams posted) {
    JobForm form = new JobForm(posted.values(), 0);
    JobDefinition definition = form.definition();
    if (form.hasErrors()) {
      return unreadable(form, definition);
    }
    try {
      Job stored = definitions.create(definition, user.attribution(posted.reason));
      return toJob(stored.id());
    } catch (InvalidDefinitionException e) {
      return refused(form.refused(e.errors()));
    } catch (AlreadyExistsException e) {
      return refused(form.refused(List.of(new FieldError("id", "is taken by another job"))));
    }
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response replace(@PathParam("id") String id, @BeanParam JobFormParams posted) {
    JobId jobId = Params.jobId(id);
    long version = version(posted.version);
    JobForm form = new JobForm(posted.values(), version);
    JobDefinition definition = form.definition();
    if (form.hasErrors()) {
      return unreadable(form, definition);
    }
    try {
      definitions.replace(jobId, definition, version, user.attribution(posted.reason));
      return toJob(jobId);
    } catch (InvalidDefinitionException e) {
      return refused(form.refused(e.errors()));
    } catch (VersionConflictException e) {
      return Response.status(409)
          .entity(
              Templates.form(
                  form.problem(
                      "Someone changed this job since you opened the form. Open it again to see"
                          + " their change, then make yours."),
                  choices()))
          .build();
    }
  }

  @POST
  @Path("{id}/delete")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @RolesAllowed(Roles.ADMIN)
  public Response delete(
      @PathParam("id") String id,
      @RestForm("version") String version,
      @RestForm("reason") String reason) {
    definitions.delete(Params.jobId(id), version(version), user.attribution(reason));
    return Response.seeOther(URI.create("/jobs")).build();
  }

  /** What the form's menus offer: the configured pools and sources. */
  record Choices(List<String> pools, List<String> sources) {}

  private Choices choices() {
    return new Choices(pools.stream().map(p -> p.name().value()).toList(), rules.knownSources());
  }

  private Job find(String id) {
    JobId jobId = Params.jobId(id);
    return store.findJob(jobId).orElseThrow(() -> new NotFoundException("job", jobId.value()));
  }

  private Response refused(JobForm form) {
    return Response.status(400).entity(Templates.form(form, choices())).build();
  }

  /** A form whose numbers did not parse: the other fields are checked too, nothing is stored. */
  private Response unreadable(JobForm form, JobDefinition definition) {
    try {
      rules.validate(definition);
    } catch (InvalidDefinitionException e) {
      form.refused(e.errors());
    }
    return refused(form);
  }

  private static Response toJob(JobId id) {
    return Response.seeOther(URI.create("/jobs/" + id.value())).build();
  }

  private static long version(String value) {
    if (value == null || !value.matches("[0-9]{1,18}")) {
      throw new BadParameterException(
          "version", "must be the version of the job the form was opened at");
    }
    return Long.parseLong(value);
  }
}
