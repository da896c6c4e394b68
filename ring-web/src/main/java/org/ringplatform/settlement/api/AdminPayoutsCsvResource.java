package org.ringplatform.settlement.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.settlement.SettlementService;

/**
 * The payouts as a CSV download that changes nothing ({@code /api/admin/payouts.csv}); exporting
 * for the bank is {@code POST /api/admin/payouts/export}.
 */
@Path("admin/payouts.csv")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
public class AdminPayoutsCsvResource {

  @Inject private Caller caller;
  @Inject private SettlementService settlements;

  @GET
  @Produces(AdminPayoutsResource.CSV)
  @Operation(summary = "Payouts of a status (all when absent) as CSV, without marking them")
  public Response csv(@QueryParam("status") String status) {
    return AdminPayoutsResource.csv(
        settlements.payoutsCsv(caller.require(), status), "payouts.csv");
  }
}
