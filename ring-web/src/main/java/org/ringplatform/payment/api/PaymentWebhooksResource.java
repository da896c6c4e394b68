package org.ringplatform.payment.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringplatform.payment.PaymentWebhooks;

/**
 * The gateways' callbacks. Public (the gateways hold no Ring account) and exempt from nothing else:
 * the body is read as raw bytes and verified before anything is parsed or changed; a forged, stale
 * or malformed delivery gets 400 and changes nothing. See docs/payments.md. One instance serves
 * every delivery (it holds no request state), which keeps a busy gateway's hot path free of
 * per-request injection.
 */
@Path("payments/webhooks")
@ApplicationScoped
@PermitAll
@Tag(name = "Payment webhooks", description = "Callbacks of the payment gateways")
public class PaymentWebhooksResource {

  @Inject private PaymentWebhooks webhooks;

  @POST
  @Path("stripe")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Stripe webhook",
      description =
          "Verifies Stripe-Signature (HMAC-SHA256 over t.body, any v1, 300 s tolerance either"
              + " way) on the raw body, then applies checkout.session.* and charge.refunded"
              + " events exactly once. Other event types are acknowledged and ignored.")
  @APIResponse(responseCode = "200", description = "Verified and handled (or ignored)")
  @APIResponse(responseCode = "400", description = "Not signed by Stripe, stale, or malformed")
  public Response stripe(@HeaderParam("Stripe-Signature") String signature, byte[] body) {
    return answer(
        webhooks.receive(
            "stripe", body, name -> "Stripe-Signature".equalsIgnoreCase(name) ? signature : null));
  }

  @POST
  @Path("wayforpay")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "WayForPay serviceUrl callback",
      description =
          "Verifies merchantSignature (HMAC-MD5 over merchantAccount;orderReference;amount;"
              + "currency;authCode;cardPan;transactionStatus;reasonCode as received) and the"
              + " merchant account, applies the status exactly once and answers the signed"
              + " accept.")
  @APIResponse(
      responseCode = "200",
      description = "{orderReference, status: accept, time, signature}")
  @APIResponse(responseCode = "400", description = "Not signed by WayForPay, or malformed")
  public Response wayForPay(byte[] body) {
    return answer(webhooks.receive("wayforpay", body, name -> null));
  }

  private static Response answer(PaymentWebhooks.Answer a) {
    return Response.ok(a.body(), a.contentType()).build();
  }
}
