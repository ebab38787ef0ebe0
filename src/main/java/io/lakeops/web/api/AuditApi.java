package io.lakeops.web.api;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log: who changed what, when and why; newest first. */
@Path("/api")
@Tag(name = "Audit", description = "Every change of job state, with actor and reason")
@RolesAllowed(Roles.VIEWER)
public class AuditApi {
  private final AuditLog log;

  AuditApi(AuditLog log) {
    this.log = log;
  }

  @GET
  @Path("audit")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Search the audit log, newest first, a page at a time")
  public PageView<AuditEntry> search(
      @QueryParam("entityKind") @Parameter(description = "job, run or cluster") String entityKind,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("from") @Parameter(description = "UTC time, inclusive") String from,
      @QueryParam("to") @Parameter(description = "UTC time, exclusive") String to,
      @QueryParam("limit") @Parameter(description = "page size, 1-500 (50)") String limit,
      @QueryParam("cursor") @Parameter(description = "the next of the previous page")
          String cursor) {
    return PageView.of(
        log.search(
            Params.audit(entityKind, entityId, actor, from, to), Params.page(limit, cursor)));
  }

  @GET
  @Path("audit.csv")
  @Produces("text/csv")
  @Operation(summary = "Export every matching audit entry as CSV")
  public Response export(
      @QueryParam("entityKind") String entityKind,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return csv(log, Params.audit(entityKind, entityId, actor, from, to));
  }

  /** The CSV answer, as a download. */
  public static Response csv(AuditLog log, io.lakeops.ports.AuditQuery query) {
    return Response.ok(AuditCsv.of(log, query))
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"lakeops-audit.csv\"")
        .build();
  }
}
