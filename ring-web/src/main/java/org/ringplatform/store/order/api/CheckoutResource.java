package org.ringplatform.store.order.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.platform.RingException;
import org.ringplatform.referral.Referrals;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.cart.api.StrictJson;
import org.ringplatform.store.cart.web.CartCookie;
import org.ringplatform.store.order.CheckoutService;

/**
 * Checkout of the caller's cart: one order per vendor, one payment. Retried safely with an {@code
 * Idempotency-Key} header (or {@code clientKey}): the same key returns the same checkout. The body
 * names the rail and the shipping address only; a price, total, discount or fee in it is refused.
 */
@Path("store/checkout")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckoutResource {

  static final Set<String> FIELDS = Set.of("rail", "processor", "shipping", "clientKey");
  static final Set<String> ADDRESS_FIELDS =
      Set.of("name", "phone", "address", "city", "postalCode", "country", "email", "notes");

  @Inject private CheckoutService checkouts;
  @Inject private Caller caller;
  @Inject private CartCookie cookie;
  @Context private HttpServletResponse response;

  /** Where a physical order goes. */
  @Schema(name = "ShippingAddress")
  public static class AddressBody {
    public String name;
    public String phone;
    public String address;
    public String city;
    public String postalCode;

    /** ISO 3166 alpha-2. */
    public String country;

    public String email;
    public String notes;
  }

  /** A checkout request; it carries no amounts. */
  @Schema(name = "CheckoutRequest")
  public static class CheckoutBody {
    /** {@code card} or {@code credits}. */
    @Schema(required = true)
    public String rail;

    /** {@code wayforpay} or {@code stripe} for cards; optional. */
    public String processor;

    /** Required when the cart holds a physical product. */
    public AddressBody shipping;

    /** An idempotency key, if not sent as the Idempotency-Key header. */
    public String clientKey;
  }

  @POST
  @Operation(
      summary =
          "Check out the cart: prices, shipping, commission and referral share are computed on"
              + " the server; 201 with the checkout and where to go next (/pay?ref= for cards),"
              + " 200 for a retried key; 409 insufficient_stock / insufficient_funds, 503 when"
              + " card payments are not available")
  @RequestBody(content = @Content(schema = @Schema(implementation = CheckoutBody.class)))
  public Response checkout(
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @CookieParam(Referrals.COOKIE) String referralCode,
      String body) {
    StrictJson json = StrictJson.parse(body, FIELDS);
    String bodyKey = json.string("clientKey");
    if (idempotencyKey != null && bodyKey != null && !idempotencyKey.equals(bodyKey)) {
      throw RingException.invalid(
          "client_key_invalid", "clientKey", "The Idempotency-Key header and clientKey differ.");
    }
    CheckoutService.Request request =
        new CheckoutService.Request(
            rail(json.string("rail")),
            json.string("processor"),
            address(json.object("shipping", ADDRESS_FIELDS)),
            idempotencyKey != null ? idempotencyKey : bodyKey,
            referralCode);
    cookie.reading(response);
    CheckoutService.Result result = checkouts.checkout(caller.require(), request);
    return Response.status(result.created() ? 201 : 200).entity(result).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One of the caller's checkouts with its orders and payment")
  public CheckoutService.View get(@PathParam("id") long id) {
    return checkouts.get(caller.require(), id);
  }

  static PaymentRail rail(String rail) {
    if (rail == null) {
      throw RingException.invalid("rail_invalid", "rail", "Choose to pay by card or credits.");
    }
    return switch (rail.strip().toLowerCase(Locale.ROOT)) {
      case "card" -> PaymentRail.CARD;
      case "credits" -> PaymentRail.CREDITS;
      default ->
          throw RingException.invalid("rail_invalid", "rail", "The rail is card or credits.");
    };
  }

  static CheckoutService.Address address(StrictJson a) {
    if (a == null) {
      return null;
    }
    return new CheckoutService.Address(
        a.string("name"),
        a.string("phone"),
        a.string("address"),
        a.string("city"),
        a.string("postalCode"),
        a.string("country"),
        a.string("email"),
        a.string("notes"));
  }
}
