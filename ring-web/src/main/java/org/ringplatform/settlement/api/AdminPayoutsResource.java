package org.ringplatform.settlement.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.settlement.SettlementService;

/**
 * Payouts for admins: the list, the export for the bank (a CSV of the scheduled payouts, which
 * become exported) and marking a payout paid with the bank's reference.
 */
@Path("admin/payouts")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminPayoutsResource {

  /** The media type of the bank's CSV. */
  static final String CSV = "text/csv; charset=UTF-8";

  @Inject private Caller caller;
  @Inject private SettlementService settlements;

  /** The bank's confirmation of a transfer. */
  public static class PaidRequest {
    /** The bank's reference of the transfer, 1 to 100 characters. */
    public String bankReference;
  }

  @GET
  @Operation(summary = "Payouts, newest first, by vendor and status (scheduled, exported, paid)")
  public List<SettlementService.Payout> list(
      @QueryParam("vendorId") Long vendorId,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit) {
    return settlements.payouts(caller.require(), vendorId, status, limit == null ? 50 : limit);
  }

  @POST
  @Path("/export")
  @Produces(CSV)
  @Operation(
      summary =
          "The scheduled payouts as a CSV for the bank (vendor, payout details, amount, currency,"
              + " reference); they become exported. Only a header when none is scheduled.")
  public Response export() {
    return csv(settlements.exportPayouts(caller.require()), "payouts-export.csv");
  }

  @POST
  @Path("/{id}/paid")
  @Operation(summary = "Mark a scheduled or exported payout paid with the bank's reference")
  public SettlementService.Payout paid(@PathParam("id") long id, PaidRequest body) {
    return settlements.markPaid(caller.require(), id, body == null ? null : body.bankReference);
  }

  static Response csv(SettlementService.Export export, String filename) {
    return Response.ok(export.csv(), CSV)
        .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
        .header("X-Ring-Payouts", export.payouts())
        .build();
  }
}
