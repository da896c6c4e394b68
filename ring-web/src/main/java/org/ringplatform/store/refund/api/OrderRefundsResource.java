package org.ringplatform.store.refund.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.refund.RefundService;

/**
 * The refunds of one vendor order: made by an admin or the order's vendor, listed for them and the
 * buyer, requested by the buyer, declined by the vendor. Anyone else finds no such order.
 */
@Path("store/orders/{orderId}/refunds")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderRefundsResource {

  @Inject private Caller caller;
  @Inject private RefundService refunds;

  /** A refund to make. */
  public static class RefundBody {
    /** Amount in minor units of the order's currency; absent for all that is left. */
    public Long amountMinor;

    /** Why, 1 to 500 characters. */
    public String reason;

    /** Return the order's goods to stock (once per order). */
    public boolean restock;

    /** The client's idempotency key (or the Idempotency-Key header): a retry returns the first. */
    public String idempotencyKey;
  }

  /** A buyer's request or a vendor's decline. */
  public static class NoteBody {
    /** Why, up to 500 characters (required for a request). */
    public String reason;
  }

  @POST
  @Operation(
      summary =
          "Refund the order in full or in part (admin or the order's vendor): 201 with the refund,"
              + " 200 when the idempotency key named an earlier one, 503 refund_failed when the"
              + " processor refused (the order stays refund_requested)")
  public Response refund(
      @PathParam("orderId") long orderId,
      @HeaderParam("Idempotency-Key") String keyHeader,
      RefundBody body) {
    RefundBody b = body == null ? new RefundBody() : body;
    String key = b.idempotencyKey != null ? b.idempotencyKey : keyHeader;
    RefundService.Outcome outcome =
        refunds.refund(
            caller.require(),
            new RefundService.Request(orderId, b.amountMinor, b.reason, b.restock, key));
    RefundService.Refund r = outcome.refund();
    if ("failed".equals(r.status())) {
      throw new RingException(
          RingException.Kind.UNAVAILABLE,
          "refund_failed",
          null,
          "Refund " + r.id() + " failed: " + r.failure());
    }
    return Response.status(outcome.created() ? 201 : 200).entity(r).build();
  }

  @GET
  @Operation(summary = "The order's refunds, newest first (admin, its vendor or its buyer)")
  public List<RefundService.Refund> list(@PathParam("orderId") long orderId) {
    return refunds.refundsOf(caller.require(), orderId);
  }

  @POST
  @Path("/request")
  @Operation(summary = "Ask for a refund (the buyer): the order becomes refund_requested")
  public Map<String, String> request(@PathParam("orderId") long orderId, NoteBody body) {
    return Map.of(
        "status",
        refunds.requestRefund(caller.require(), orderId, body == null ? null : body.reason));
  }

  @POST
  @Path("/decline")
  @Operation(
      summary =
          "Decline a pending refund request (admin or the order's vendor): the order goes back"
              + " to where it was")
  public Map<String, String> decline(@PathParam("orderId") long orderId, NoteBody body) {
    return Map.of(
        "status", refunds.decline(caller.require(), orderId, body == null ? null : body.reason));
  }
}
