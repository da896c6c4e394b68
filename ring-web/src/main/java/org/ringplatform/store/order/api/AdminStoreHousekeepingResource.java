package org.ringplatform.store.order.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/**
 * Starts the store's housekeeping job now (it also runs every minute): lapsed checkouts, lapsed
 * holds, orders to complete. Its progress is at {@code GET /api/admin/matcher/runs/{runId}}.
 */
@Path("admin/store/housekeeping")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStoreHousekeepingResource {

  @Inject private JobControl jobs;

  @POST
  @Operation(summary = "Run the store's housekeeping now; 409 while a run is under way")
  public Response start() {
    return jobs.start(BatchRuns.STORE_HOUSEKEEPING, null, null, "manual")
        .map(run -> Response.accepted(run).build())
        .orElseThrow(
            () ->
                new RingException(
                    RingException.Kind.CONFLICT,
                    "run_in_progress",
                    null,
                    "A run of the store's housekeeping is under way."));
  }
}
