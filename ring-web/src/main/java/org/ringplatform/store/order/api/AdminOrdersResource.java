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

/** Every order, for admins, with filters by status, vendor, buyer and checkout. */
@Path("admin/store/orders")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrdersResource {

  @Inject private OrderService orders;
  @Inject private Caller caller;

  @GET
  @Operation(summary = "All orders, newest first; filter by status, vendor, buyer or checkout")
  public OrderService.Page list(
      @QueryParam("status") String status,
      @QueryParam("vendorId") Long vendorId,
      @QueryParam("buyerId") Long buyerId,
      @QueryParam("checkoutId") Long checkoutId,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    return orders.all(
        caller.require(),
        new OrderService.Filter(status, vendorId, buyerId, checkoutId),
        OrdersResource.offset(page, size),
        size);
  }
}
