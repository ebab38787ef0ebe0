package io.lakeops.web.pages;

import io.lakeops.domain.Cluster;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.Page;
import io.lakeops.ports.PageRequest;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The pools and their clusters: live ones across pools, or every cluster of one pool. */
@Path("/clusters")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ClustersPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(
        List<Pool> pools, String pool, List<Cluster> clusters, String next);
  }

  private final ClusterStore clusters;
  private final List<Pool> pools;

  ClustersPage(ClusterStore clusters, List<Pool> pools) {
    this.clusters = clusters;
    this.pools = pools;
  }

  @GET
  public TemplateInstance list(
      @QueryParam("pool") String pool,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    Optional<PoolName> inPool = Params.pool(pool);
    PageRequest request = Params.page(limit, cursor);
    Page<Cluster> page =
        inPool.isPresent()
            ? clusters.findClusters(inPool.get(), request)
            : clusters.findLiveClusters(request);
    List<Cluster> shown =
        inPool.isPresent()
            ? page.items()
            : page.items().stream()
                .sorted(Comparator.comparing((Cluster c) -> c.pool().value()))
                .toList();
    String next =
        page.next()
            .map(
                c ->
                    Links.to("/clusters")
                        .with("pool", pool)
                        .with("limit", limit)
                        .with("cursor", c)
                        .toString())
            .orElse(null);
    return Templates.list(pools, inPool.map(PoolName::value).orElse(""), shown, next);
  }
}
