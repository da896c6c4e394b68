package org.ringplatform.settlement.api;

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
import org.ringplatform.settlement.SettlementService;

/** A vendor's payouts: those of the caller's stores only. */
@Path("store/vendor/payouts")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VendorPayoutsResource {

  @Inject private Caller caller;
  @Inject private SettlementService settlements;

  @GET
  @Operation(
      summary =
          "Payouts of the caller's stores (or of one of them, vendorId), newest first; empty for"
              + " a caller without a store")
  public List<SettlementService.Payout> list(
      @QueryParam("vendorId") Long vendorId, @QueryParam("limit") Integer limit) {
    return settlements.vendorPayouts(caller.require(), vendorId, limit == null ? 50 : limit);
  }
}
