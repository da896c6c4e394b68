package org.ringplatform.store.order.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.cart.api.StrictJson;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;

/**
 * Orders for the parties to them: a buyer's own list, and one order with its lines, history and the
 * moves the caller may make, for its buyer, its vendor's owner or an admin. Someone else's order is
 * 404.
 */
@Path("store/orders")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

  @Inject private OrderService orders;
  @Inject private Caller caller;

  /** A move of the state machine. */
  @Schema(name = "OrderTransitionRequest")
  public static class TransitionBody {
    /** The status to move to, e.g. {@code fulfilling}, {@code shipped}, {@code cancelled}. */
    @Schema(required = true)
    public String to;

    /** Why; required when asking for a refund. */
    public String note;
  }

  @GET
  @Operation(summary = "The caller's orders as a buyer, newest first; filter by status")
  public OrderService.Page mine(
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    return orders.mine(caller.require(), status, offset(page, size), size);
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary =
          "One order with its lines, history and the moves the caller may make (404 when the"
              + " caller is not its buyer, its vendor or an admin)")
  public OrderService.Detail get(@PathParam("id") long id) {
    return orders.get(caller.require(), id);
  }

  @POST
  @Path("/{id}/transitions")
  @Operation(
      summary =
          "Move the order to another status as its state machine allows for the caller (409"
              + " transition_not_allowed otherwise); each move is recorded with who and when")
  @RequestBody(content = @Content(schema = @Schema(implementation = TransitionBody.class)))
  public OrderService.Detail transition(@PathParam("id") long id, String body) {
    StrictJson json = StrictJson.parse(body, Set.of("to", "note"));
    String to = json.string("to");
    OrderStatus target =
        to == null
            ? null
            : OrderStatus.fromId(to.strip())
                .orElseThrow(
                    () -> RingException.invalid("status_invalid", "to", "Unknown order status."));
    return orders.transition(caller.require(), id, target, json.string("note"));
  }

  /** The row offset of a page, refusing nonsense. */
  static int offset(int page, int size) {
    if (page < 0 || page > 10_000 || size < 1 || size > 100) {
      throw RingException.invalid("page_invalid", "size", "page is 0 to 10000 and size 1 to 100.");
    }
    return page * size;
  }
}
