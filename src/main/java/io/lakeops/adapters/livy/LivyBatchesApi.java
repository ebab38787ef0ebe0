package io.lakeops.adapters.livy;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Livy's batch API, the part Lakeops uses. Livy 0.7 (local clusters) and 0.8 (EMR 7) serve the same
 * calls. Built per endpoint by {@link LivyEndpoints}, never injected.
 */
@Path("/batches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface LivyBatchesApi extends AutoCloseable {

  @POST
  LivyJson.Batch create(LivyJson.BatchRequest request);

  @GET
  @Path("/{id}")
  LivyJson.Batch get(@PathParam("id") String id);

  @GET
  LivyJson.Batches list(@QueryParam("from") int from, @QueryParam("size") int size);

  @GET
  @Path("/{id}/log")
  LivyJson.Log log(
      @PathParam("id") String id, @QueryParam("from") int from, @QueryParam("size") int size);

  @DELETE
  @Path("/{id}")
  LivyJson.Message delete(@PathParam("id") String id);

  @Override
  void close();
}
