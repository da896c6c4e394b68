package org.ringplatform.store.cart.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.cart.CartService;
import org.ringplatform.store.cart.web.CartCookie;
import org.ringplatform.store.stock.Inventory;

/**
 * The caller's cart: a signed-in account's, or a visitor's (the {@code ring_cart} cookie), merged
 * into the account's at the first cart access after sign-in. Lines are priced from the catalogue on
 * every read; a body that carries a price is refused.
 */
@Path("store/cart")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CartResource {

  private static final Set<String> ADD_FIELDS = Set.of("productId", "variantId", "quantity");
  private static final Set<String> UPDATE_FIELDS = Set.of("quantity");

  @Inject private CartService carts;
  @Inject private CartCookie cookie;
  @Inject private Caller caller;
  @Context private HttpServletResponse response;

  /** What to add: a product, or one of its variants, and how many. */
  @Schema(name = "CartItemRequest")
  public static class AddItem {
    /** The product. */
    @Schema(required = true)
    public long productId;

    /** The variant; required when the product has variants. */
    public Long variantId;

    /** 1 to 999 (default 1). */
    public Integer quantity;
  }

  /** A new quantity for a line. */
  @Schema(name = "CartQuantityRequest")
  public static class SetQuantity {
    /** 1 to 999. */
    @Schema(required = true)
    public int quantity;
  }

  /** The caller's cart; a visitor without one has no line to change. */
  private CartService.Owner existing() {
    return cookie
        .reading(response)
        .orElseThrow(
            () ->
                new RingException(
                    RingException.Kind.NOT_FOUND,
                    "line_not_found",
                    "itemId",
                    "There is no such cart line."));
  }

  @GET
  @PermitAll
  @Operation(summary = "The caller's cart at today's prices (empty for a visitor without one)")
  public CartService.Cart get() {
    return cookie
        .reading(response)
        .map(carts::view)
        .orElse(new CartService.Cart(java.util.List.of(), 0, null, 0));
  }

  @POST
  @Path("/items")
  @PermitAll
  @Operation(
      summary =
          "Add a product (or variant) to the cart; a line already there grows. Prices are never"
              + " accepted from the client (400 client_price_refused)")
  @RequestBody(content = @Content(schema = @Schema(implementation = AddItem.class)))
  public CartService.Cart add(String body) {
    StrictJson json = StrictJson.parse(body, ADD_FIELDS);
    long productId = json.requiredLong("productId");
    Long variantId = json.longValue("variantId");
    int quantity = json.intValue("quantity", 1);
    return carts.add(cookie.writing(response), productId, variantId, quantity);
  }

  @PUT
  @Path("/items/{itemId}")
  @PermitAll
  @Operation(summary = "Set a cart line's quantity (1 to 999)")
  @RequestBody(content = @Content(schema = @Schema(implementation = SetQuantity.class)))
  public CartService.Cart update(@PathParam("itemId") long itemId, String body) {
    StrictJson json = StrictJson.parse(body, UPDATE_FIELDS);
    int quantity = json.intValue("quantity", 0);
    return carts.update(existing(), itemId, quantity);
  }

  @DELETE
  @Path("/items/{itemId}")
  @PermitAll
  @Operation(summary = "Remove a cart line")
  public CartService.Cart remove(@PathParam("itemId") long itemId) {
    return carts.remove(existing(), itemId);
  }

  @POST
  @Path("/hold")
  @RolesAllowed("subscriber")
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary =
          "Soft-hold the stock of the cart's physical lines for 5 minutes, replacing the previous"
              + " hold; 409 insufficient_stock names the item that is short")
  public Inventory.Hold hold() {
    cookie.reading(response);
    return carts.hold(caller.require());
  }
}
