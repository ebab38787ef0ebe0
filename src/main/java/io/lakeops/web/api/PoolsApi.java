package io.lakeops.web.api;

import io.lakeops.control.actions.ClusterActions;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.Pool;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configured pools of clusters. */
@Path("/api/pools")
@Tag(name = "Pools", description = "Pools of clusters of one size class")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class PoolsApi {
  private final List<Pool> pools;
  private final ClusterActions actions;
  private final CurrentUser user;

  PoolsApi(List<Pool> pools, ClusterActions actions, CurrentUser user) {
    this.pools = pools;
    this.actions = actions;
    this.user = user;
  }

  @GET
  @Operation(
      summary = "List the pools jobs can name, with their configuration",
      description = "Read-only: pools are configured with lakeops.pools.<name>.* keys")
  public List<Pool> list() {
    return pools;
  }

  @POST
  @Path("{pool}/rotate")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(
      summary = "Rotate the pool's longest-serving READY cluster, make-before-break (operator)",
      description =
          "Answers at once with the cluster to be rotated; the leader launches its replacement,"
              + " drains it once the replacement is READY, then terminates it. 409 while the pool"
              + " rotates already or has fewer READY clusters than it wants")
  public Cluster rotate(
      @PathParam("pool") String pool,
      @QueryParam("reason") @Parameter(description = RunsApi.REASON) String reason) {
    return actions.rotate(Params.poolName(pool), user.attribution(reason));
  }

  @POST
  @Path("{pool}/launch")
  @RolesAllowed(Roles.OPERATOR)
  @Operation(summary = "Launch one more cluster in the pool (operator)")
  public Cluster launch(
      @PathParam("pool") String pool,
      @QueryParam("reason") @Parameter(description = RunsApi.REASON) String reason) {
    return actions.launch(Params.poolName(pool), user.attribution(reason));
  }
}
