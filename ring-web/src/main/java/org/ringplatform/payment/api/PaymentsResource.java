package org.ringplatform.payment.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringplatform.payment.PaymentPortal;
import org.ringplatform.payment.WalletTopUps;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * A payer's payments: one payment's status (to its payer and admins; to anyone else it does not
 * exist), the gateway step of an open one, and the start of a credits top-up by card.
 */
@Path("payments")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentsResource {

  @Inject private Caller caller;
  @Inject private PaymentPortal portal;
  @Inject private WalletTopUps topUps;

  /** A top-up the caller asks for. */
  public static class TopUpBody {
    /** Credits to buy, in minor units of the platform currency. */
    public Long amountMinor;

    /** The platform currency, or null. */
    public String currency;

    /** wayforpay or stripe, or null for the configured one. */
    public String processor;

    /** Where the gateway sends the payer back, a path on this site; {ref} is replaced. */
    public String returnUrl;

    /** The client's idempotency key (or send the Idempotency-Key header). */
    public String clientKey;
  }

  @GET
  @Path("{reference}")
  @Operation(summary = "A payment's status, for its payer or an admin")
  @APIResponse(responseCode = "404", description = "No such payment, or not the caller's")
  public PaymentJson.Payment get(@PathParam("reference") String reference) {
    return portal
        .view(caller.require(), reference)
        .map(PaymentJson.Payment::of)
        .orElseThrow(() -> RingException.notFound("There is no such payment."));
  }

  @POST
  @Path("{reference}/checkout")
  @Operation(
      summary = "The gateway step of an open payment",
      description =
          "WayForPay: the signed form to post to the payment page. Stripe: the Checkout"
              + " Session's URL, the session created on first use with a persisted idempotency"
              + " key. A payment that is no longer open answers DONE.")
  @APIResponse(responseCode = "503", description = "The processor is not available")
  public PaymentJson.Step checkout(@PathParam("reference") String reference) {
    return PaymentJson.Step.of(portal.checkout(caller.require(), reference));
  }

  @POST
  @Path("topups")
  @Operation(
      summary = "Buy credits by card",
      description =
          "Starts a wallet top-up; the credits reach the wallet when the gateway confirms the"
              + " payment. With an idempotency key (header or body), a retry with the same"
              + " parameters returns the first start; other parameters answer 422.")
  @APIResponse(responseCode = "201", description = "Started; follow the step")
  @APIResponse(
      responseCode = "422",
      description = "The idempotency key was used with other parameters")
  public Response topUp(TopUpBody body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (body == null || body.amountMinor == null) {
      throw RingException.invalid("amount_out_of_range", "amountMinor", "Say how much to buy.");
    }
    String key =
        idempotencyKey != null && !idempotencyKey.isBlank()
            ? idempotencyKey.strip()
            : body.clientKey;
    PaymentJson.Step step =
        PaymentJson.Step.of(
            topUps.start(
                caller.require(),
                new WalletTopUps.TopUp(
                    body.amountMinor, body.currency, body.processor, body.returnUrl, key)));
    return Response.status(Response.Status.CREATED).entity(step).build();
  }
}
