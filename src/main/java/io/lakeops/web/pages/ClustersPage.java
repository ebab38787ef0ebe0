package io.lakeops.web.pages;

import io.lakeops.control.actions.ClusterActions;
import io.lakeops.domain.Cluster;
import io.lakeops.domain.Pool;
import io.lakeops.domain.PoolName;
import io.lakeops.ports.ClusterStore;
import io.lakeops.ports.NotFoundException;
import io.lakeops.ports.Page;
import io.lakeops.web.api.Params;
import io.lakeops.web.security.CurrentUser;
import io.lakeops.web.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The clusters pane: per pool, its live clusters (state, age, next rotation, market mix, Livy
 * pings, the runs on them) and recent events, refreshed in place by a small script from {@code
 * /clusters/pane}; and the operators' buttons (rotate a pool, launch, terminate, simulate a spot
 * loss), each a form post with the CSRF token, a reason and a confirmation. {@code ?pool=} lists a
 * pool's whole history instead.
 */
@Path("/clusters")
@RolesAllowed(Roles.VIEWER)
@Produces(MediaType.TEXT_HTML)
public class ClustersPage {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance list(ClustersView.Pane pane);

    static native TemplateInstance list$pane(ClustersView.Pane pane);

    static native TemplateInstance history(Pool pool, List<Cluster> clusters, String next);
  }

  private final ClusterStore clusters;
  private final List<Pool> pools;
  private final ClustersView view;
  private final ClusterActions actions;
  private final CurrentUser user;

  ClustersPage(
      ClusterStore clusters,
      List<Pool> pools,
      ClustersView view,
      ClusterActions actions,
      CurrentUser user) {
    this.clusters = clusters;
    this.pools = pools;
    this.view = view;
    this.actions = actions;
    this.user = user;
  }

  @GET
  public TemplateInstance list(
      @QueryParam("pool") String pool,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (Params.pool(pool).isEmpty()) {
      return Templates.list(view.pane());
    }
    PoolName name = Params.pool(pool).get();
    Pool configured =
        pools.stream()
            .filter(p -> p.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("pool", pool));
    Page<Cluster> page = clusters.findClusters(name, Params.page(limit, cursor));
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
    return Templates.history(configured, page.items(), next);
  }

  /** The pools' section alone, for the live refresh. */
  @GET
  @Path("pane")
  public TemplateInstance pane() {
    return Templates.list$pane(view.pane());
  }

  @POST
  @Path("pools/{pool}/rotate")
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response rotate(@PathParam("pool") String pool, @RestForm("reason") String reason) {
    actions.rotate(Params.poolName(pool), user.attribution(reason));
    return back();
  }

  @POST
  @Path("pools/{pool}/launch")
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response launch(@PathParam("pool") String pool, @RestForm("reason") String reason) {
    actions.launch(Params.poolName(pool), user.attribution(reason));
    return back();
  }

  @POST
  @Path("{id}/terminate")
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response terminate(@PathParam("id") String id, @RestForm("reason") String reason) {
    actions.terminate(Params.clusterId(id), user.attribution(reason));
    return back();
  }

  @POST
  @Path("{id}/simulate-loss")
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response simulateLoss(@PathParam("id") String id, @RestForm("reason") String reason) {
    actions.simulateLoss(Params.clusterId(id), user.attribution(reason));
    return back();
  }

  private static Response back() {
    return Response.seeOther(URI.create("/clusters")).build();
  }
}
