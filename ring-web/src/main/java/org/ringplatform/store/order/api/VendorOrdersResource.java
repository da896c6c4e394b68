package org.ringplatform.store.order.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.order.OrderService;

/**
 * The paid orders of the vendors the caller owns, to fulfil. Another vendor's orders never appear,
 * whatever {@code vendorId} says.
 */
@Path("store/vendor/orders")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class VendorOrdersResource {

  @Inject private OrderService orders;
  @Inject private Caller caller;

  @GET
  @Operation(
      summary =
          "The paid orders of the caller's stores, newest first; filter by one store and status")
  public OrderService.Page list(
      @QueryParam("vendorId") Long vendorId,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    return orders.forVendor(
        caller.require(), vendorId, status, OrdersResource.offset(page, size), size);
  }
}
