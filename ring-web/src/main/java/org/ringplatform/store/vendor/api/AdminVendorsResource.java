package org.ringplatform.store.vendor.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.vendor.VendorDecision;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorStatus;

/** The admin side of stores: the queue and list, the four decisions and the tier of each store. */
@Path("admin/store/vendors")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminVendorsResource {

  @Inject private Caller caller;
  @Inject private VendorService vendors;

  /** An admin's note; required to reject and to suspend. */
  public static class NoteBody {
    public String note;
  }

  /** A tier to move a store to. */
  public static class TierBody {
    public String tier;
  }

  /**
   * One page of stores.
   *
   * @param items the stores
   * @param total how many match
   * @param page page number from 0
   * @param size page size
   */
  public record VendorPage(List<VendorView> items, long total, int page, int size) {}

  @GET
  @Operation(summary = "Stores in a status (pending: oldest first), or all")
  public VendorPage list(
      @Parameter(description = "pending, active, suspended or rejected") @QueryParam("status")
          String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 200.");
    }
    VendorStatus wanted =
        status == null || status.isBlank()
            ? null
            : VendorStatus.fromId(status)
                .orElseThrow(
                    () -> RingException.invalid("status_invalid", "status", "Unknown status."));
    VendorService.Page result = vendors.list(caller.require(), wanted, page * size, size);
    return new VendorPage(
        result.items().stream().map(VendorView::of).toList(), result.total(), page, size);
  }

  @POST
  @Path("{id}/{action}")
  @Operation(
      summary =
          "approve or reject a pending store, suspend an active one, reinstate a suspended one;"
              + " reject and suspend need a note; the owner is told")
  public VendorView decide(
      @PathParam("id") long id, @PathParam("action") String action, NoteBody body) {
    VendorDecision decision =
        VendorDecision.fromId(action)
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "action_invalid", "action", "Approve, reject, suspend or reinstate."));
    return VendorView.of(
        vendors.decide(caller.require(), id, decision, body == null ? null : body.note));
  }

  @PUT
  @Path("{id}/tier")
  @Operation(summary = "Move a store to another tier; the owner is told")
  public VendorView tier(@PathParam("id") long id, TierBody body) {
    return VendorView.of(vendors.assignTier(caller.require(), id, body == null ? null : body.tier));
  }
}
