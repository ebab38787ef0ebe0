package io.lakeops.web.api;

import io.lakeops.domain.Pool;
import io.lakeops.web.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The configured pools of clusters. */
@Path("/api/pools")
@Tag(name = "Pools", description = "Pools of clusters of one size class")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
public class PoolsApi {
  private final List<Pool> pools;

  PoolsApi(List<Pool> pools) {
    this.pools = pools;
  }

  @GET
  @Operation(summary = "List the pools jobs can name")
  public List<Pool> list() {
    return pools;
  }
}
