package io.lakeops.web.api;

import io.lakeops.control.actions.ClusterActions;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.PageRequest;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Clusters: the live ones across pools, or every cluster of one pool. */
@Path("/api/clusters")
@Tag(name = "Clusters", description = "Spark clusters of the pools")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class ClustersApi {
  private final ClusterStore clusters;
  private final ClusterActions actions;
  private final CurrentUser user;

  ClustersApi(ClusterStore clusters, ClusterActions actions, CurrentUser user) {
    this.clusters = clusters;
    this.actions = actions;
    this.user = user;
  }

  @GET
  @Operation(
      summary = "List clusters a page at a time",
      description =
          "Without pool: the live clusters of all pools. With pool: that pool's clusters,"
              + " ended ones included, newest first")
  public PageView<Cluster> list(
      @QueryParam("pool") @Parameter(description = "pool name") String pool,
      @QueryParam("limit") @Parameter(description = "page size, 1-500 (50)") String limit,
      @QueryParam("cursor") @Parameter(description = "the next of the previous page")
          String cursor) {
    Optional<PoolName> inPool = Params.pool(pool);
    PageRequest page = Params.page(limit, cursor);
    return PageView.of(
        inPool.isPresent()
            ? clusters.findClusters(inPool.get(), page)
            : clusters.findLiveClusters(page));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Read one cluster")
  public Cluster get(@PathParam("id") String id) {
    return clusters
        .findCluster(Params.clusterId(id))
        .orElseThrow(() -> new NotFoundException("cluster", id));
  }

  @POST
  @Path("{id}/terminate")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      summary = "Terminate a live cluster (operator)",
      description =
          "Its unfinished runs move to another READY cluster of its pool; the reconciler launches"
              + " a replacement if the pool falls short. 409 when the cluster is not live")
  public Cluster terminate(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = RunsApi.REASON) String reason) {
    return actions.terminate(Params.clusterId(id), user.attribution(reason));
  }

  @POST
  @Path("{id}/simulate-loss")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      summary = "Kill a local cluster's processes as a spot loss would (operator)",
      description =
          "For rehearsing failover in the embedded default; 409 where clusters cannot (EMR)")
  public Cluster simulateLoss(
      @PathParam("id") String id,
      @QueryParam("reason") @Parameter(description = RunsApi.REASON) String reason) {
    return actions.simulateLoss(Params.clusterId(id), user.attribution(reason));
  }
}
