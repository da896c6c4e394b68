package org.ringplatform.store.refund.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.refund.RefundService;

/** All refunds and the orders waiting for a refund decision, for admins. */
@Path("admin/refunds")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminRefundsResource {

  @Inject private Caller caller;
  @Inject private RefundService refunds;

  @GET
  @Operation(summary = "Recent refunds, newest first, by status (requested, succeeded, failed)")
  public List<RefundService.Refund> list(
      @QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    return refunds.recent(caller.require(), status, limit == null ? 50 : limit);
  }

  @GET
  @Path("/pending")
  @Operation(summary = "Orders whose refund was requested and not yet decided, oldest first")
  public List<RefundService.Pending> pending(@QueryParam("limit") Integer limit) {
    return refunds.pending(caller.require(), limit == null ? 100 : limit);
  }
}
