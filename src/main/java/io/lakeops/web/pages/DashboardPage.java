package io.lakeops.web.pages;

import io.lakeops.control.overview.LakeOverview;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first page, read at a glance (what it shows is read and its two panes rendered at most once
 * per {@code lakeops.dashboard.max-age}, 2 s by default, and shared by every operator who asks
 * meanwhile: the panes name no user, only the page around them does): job health worst first, each
 * extracted table's freshness, the streams' rates and latency, charts of run durations, rows
 * written and streaming throughput, runs by state, the live clusters and the latest changes.
 * Everything but the charts is one pane the page refreshes in place; the charts poll their figures
 * as JSON. Counts read at most a few pages, so a large installation shows "500+" rather than
 * scanning tables.
 */
@Path("/")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class DashboardPage {
  private static final int COUNT_PAGE = 100;
  private static final int MAX_JOBS_COUNTED = 5_000;

  /** A count that may be capped. */
  public record Count(String label, String value, String css) {}

  /**
   * What the page shows.
   *
   * @param moreJobs whether there are more jobs than the health lines shown
   */
  record View(
      String jobs,
      List<Count> runs,
      List<Cluster> clusters,
      String clusterCount,
      List<AuditEntry> audit,
      DemoLake.Status demo,
      List<JobHealthView> health,
      boolean moreJobs,
      List<FreshnessView> freshness,
      List<StreamView> streams) {

    /** How many of the jobs shown have a warning or worse. */
    public long alerting() {
      return health.stream().filter(h -> !h.alerts().isEmpty()).count();
    }
  }

  /** The view with its panes rendered, as every operator is shown it until it is out of date. */
  record Panes(View view, String glance, String activity) {}

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance dashboard(View view, String glance, String activity);

    static native TemplateInstance dashboard$glance(View view);

    static native TemplateInstance dashboard$activity(View view);
  }

  private final StateStore store;
  private final AuditLog audit;
  private final DemoLake demo;
  private final Recent<LakeOverview.Reading> readings;
  private final Recent<Panes> panes;

  DashboardPage(
      StateStore store,
      AuditLog audit,
      DemoLake demo,
      LakeOverview overview,
      Clock clock,
      @ConfigProperty(name = "lakeops.dashboard.max-age") Duration maxAge) {
    this.store = store;
    this.audit = audit;
    this.demo = demo;
    this.readings = new Recent<>(overview::read, maxAge, clock);
    this.panes = new Recent<>(this::panes, maxAge, clock);
  }

  @GET
  public TemplateInstance dashboard() {
    Panes shown = panes.get();
    return Templates.dashboard(shown.view(), shown.glance(), shown.activity());
  }

  /** The jobs at a glance (health, freshness, streams), for the page to refresh in place. */
  @GET
  @Path("dashboard/glance")
  public String glance() {
    return panes.get().glance();
  }

  /** Runs by state, live clusters and the latest changes, for the page to refresh in place. */
  @GET
  @Path("dashboard/activity")
  public String activity() {
    return panes.get().activity();
  }

  /** The charts' figures. */
  @GET
  @Path("dashboard/figures")
  @Produces(MediaType.APPLICATION_JSON)
  public ChartFigures figures() {
    return ChartFigures.of(readings.get());
  }

  private Panes panes() {
    View view = view();
    return new Panes(
        view,
        Templates.dashboard$glance(view).render(),
        Templates.dashboard$activity(view).render());
  }

  private View view() {
    Page<Cluster> clusters = store.findLiveClusters(PageRequest.first(COUNT_PAGE));
    LakeOverview.Reading reading = readings.get();
    return new View(
        store.countJobs(MAX_JOBS_COUNTED).toString(),
        Arrays.stream(RunState.values()).map(this::runCount).toList(),
        clusters.items(),
        capped(clusters.items().size(), clusters.next().isPresent()),
        audit.search(AuditQuery.ALL, PageRequest.first(10)).items(),
        demo.status(),
        reading.jobs().stream()
            .map(f -> JobHealthView.of(f, reading.at()))
            .sorted(JobHealthView::worstFirst)
            .toList(),
        reading.moreJobs(),
        reading.jobs().stream().flatMap(f -> FreshnessView.of(f).stream()).toList(),
        StreamView.of(reading.jobs(), reading.at()));
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
