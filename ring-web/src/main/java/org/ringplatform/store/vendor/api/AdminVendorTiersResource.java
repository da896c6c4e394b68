package org.ringplatform.store.vendor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorTier;

/**
 * The vendor tiers, the one commission model: each tier's commission (basis points), settlement
 * hold and product limit. A changed rate applies to orders placed afterwards.
 */
@Path("admin/store/tiers")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminVendorTiersResource {

  @Inject private Caller caller;
  @Inject private VendorService vendors;

  /** A tier's numbers. */
  public static class TierBody {
    public Integer commissionBps;
    public Integer settlementHoldDays;
    public Integer maxProducts;
  }

  @GET
  @Operation(summary = "Every tier, in display order")
  public List<VendorTier> list() {
    caller.require();
    return vendors.tiers();
  }

  @PUT
  @Path("{code}")
  @Operation(
      summary =
          "Change a tier: commissionBps 0-10000, settlementHoldDays 0-365, maxProducts 1 or more"
              + " or null for no limit")
  public VendorTier update(@PathParam("code") String code, @Valid @NotNull TierBody body) {
    if (body.commissionBps == null) {
      throw RingException.invalid(
          "commissionBps_invalid", "commissionBps", "Give a commission of 0 to 10000 bps.");
    }
    if (body.settlementHoldDays == null) {
      throw RingException.invalid(
          "settlementHoldDays_invalid", "settlementHoldDays", "Give a hold of 0 to 365 days.");
    }
    return vendors.updateTier(
        caller.require(), code, body.commissionBps, body.settlementHoldDays, body.maxProducts);
  }
}
