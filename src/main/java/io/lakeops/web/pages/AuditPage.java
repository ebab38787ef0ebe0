package io.lakeops.web.pages;

import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.EntityKind;
import io.lakeops.ports.Page;
import io.lakeops.web.api.AuditApi;
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
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/** The audit log: filtered by record, actor and time, paged, and exported as CSV. */
@Path("/audit")
@RolesAllowed(Roles.VIEWER)
public class AuditPage {

  /** The filters as typed, to show them again in the form. */
  public record Filters(String entityKind, String entityId, String actor, String from, String to) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        Filters filters,
        List<String> kinds,
        List<AuditEntry> entries,
        String next,
        String first,
        String csv);
  }

  private final AuditLog log;

  AuditPage(AuditLog log) {
    this.log = log;
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public TemplateInstance list(
      @QueryParam("entityKind") String entityKind,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Page<AuditEntry> page =
        log.search(Params.audit(entityKind, entityId, actor, from, to), Params.page(limit, cursor));
    Links here = filtered("/audit", entityKind, entityId, actor, from, to).with("limit", limit);
    String first = here.toString();
    return Templates.list(
        new Filters(
            RunsPage.blank(entityKind),
            RunsPage.blank(entityId),
            RunsPage.blank(actor),
            RunsPage.blank(from),
            RunsPage.blank(to)),
        Arrays.stream(EntityKind.values()).map(k -> k.name().toLowerCase()).toList(),
        page.items(),
        page.next().map(c -> here.with("cursor", c).toString()).orElse(null),
        cursor == null || cursor.isBlank() ? null : first,
        filtered("/audit/export.csv", entityKind, entityId, actor, from, to).toString());
  }

  /** The same export as {@code /api/audit.csv}, for a logged-in browser. */
  @GET
  @Path("export.csv")
  @Produces("text/csv")
  public Response export(
      @QueryParam("entityKind") String entityKind,
      @QueryParam("entityId") String entityId,
      @QueryParam("actor") String actor,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return AuditApi.csv(log, Params.audit(entityKind, entityId, actor, from, to));
  }

  private static Links filtered(
      String path, String entityKind, String entityId, String actor, String from, String to) {
    return Links.to(path)
        .with("entityKind", entityKind)
        .with("entityId", entityId)
        .with("actor", actor)
        .with("from", from)
        .with("to", to);
  }
}
