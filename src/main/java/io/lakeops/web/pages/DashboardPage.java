package io.lakeops.web.pages;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.RunState;
import io.lakeops.ports.AuditEntry;
import io.lakeops.ports.AuditLog;
import io.lakeops.ports.AuditQuery;
import io.lakeops.ports.DemoLake;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
import io.lakeops.ports.RunQuery;
import io.lakeops.ports.StateStore;
import io.lakeops.web.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The first page: how many jobs, runs by state, the live clusters and the latest changes. Counts
 * read at most a few pages, so a large installation shows "500+" rather than scanning tables.
 */
@Path("/")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {
  private static final int COUNT_PAGE = 100;
  private static final int MAX_JOB_PAGES = 10;

  /** A count that may be capped. */
  public record Count(String label, String value, String css) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(
        String jobs,
        List<Count> runs,
        List<Cluster> clusters,
        String clusterCount,
        List<AuditEntry> audit,
        DemoLake.Status demo);
  }

  private final StateStore store;
  private final AuditLog audit;
  private final DemoLake demo;

  DashboardPage(StateStore store, AuditLog audit, DemoLake demo) {
    this.store = store;
    this.audit = audit;
    this.demo = demo;
  }

  @GET
  public TemplateInstance dashboard() {
    Page<Cluster> clusters = store.findLiveClusters(PageRequest.first(COUNT_PAGE));
    return Templates.dashboard(
        jobCount(),
        Arrays.stream(RunState.values()).map(this::runCount).toList(),
        clusters.items(),
        capped(clusters.items().size(), clusters.next().isPresent()),
        audit.search(AuditQuery.ALL, PageRequest.first(10)).items(),
        demo.status());
  }

  private String jobCount() {
    int count = 0;
    Optional<String> cursor = Optional.empty();
    for (int i = 0; i < MAX_JOB_PAGES; i++) {
      var page = store.listJobs(new PageRequest(PageRequest.MAX_LIMIT, cursor));
      count += page.items().size();
      cursor = page.next();
      if (cursor.isEmpty()) {
        return Integer.toString(count);
      }
    }
    return count + "+";
  }

  private Count runCount(RunState state) {
    Page<?> page = store.findRuns(RunQuery.byState(state), PageRequest.first(COUNT_PAGE));
    return new Count(
        state.name().toLowerCase(),
        capped(page.items().size(), page.next().isPresent()),
        Display.badge(state));
  }

  private static String capped(int count, boolean more) {
    return more ? count + "+" : Integer.toString(count);
  }
}
