package org.ringplatform.settlement.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.settlement.SettlementService;

/**
 * A vendor's statements: the settlements of the caller's stores with their lines. Another vendor's
 * settlement is not found.
 */
@Path("store/vendor/settlements")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VendorSettlementsResource {

  @Inject private Caller caller;
  @Inject private SettlementService settlements;

  @GET
  @Operation(
      summary =
          "Settlements of the caller's stores (or of one of them, vendorId), newest first; empty"
              + " for a caller without a store")
  public List<SettlementService.Settlement> list(
      @QueryParam("vendorId") Long vendorId, @QueryParam("limit") Integer limit) {
    return settlements.vendorSettlements(caller.require(), vendorId, limit == null ? 50 : limit);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One of the caller's settlements with its lines; 404 for anyone else's")
  public SettlementService.Statement get(@PathParam("id") long id) {
    return settlements.statement(caller.require(), id);
  }
}
