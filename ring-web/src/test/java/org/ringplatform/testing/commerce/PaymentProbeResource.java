package org.ringplatform.testing.commerce;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.security.web.Caller;

/**
 * Test-only entry points, deployed by the commerce ITs alone: pay a purpose's subject as the caller
 * with credits (through the real PaymentConductor) or by a confirmed card payment (the {@link
 * CardPaymentStandIn}), and run the ledger's balance check.
 */
@Path("test/payments")
@RequestScoped
@RolesAllowed("subscriber")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentProbeResource {

  @Inject private Caller caller;
  @Inject private PaymentConductor conductor;
  @Inject private CardPaymentStandIn card;
  @Inject private Ledger ledger;

  /** What to pay. */
  public static class Payment {
    public String purpose;
    public long subjectId;
    public long amountMinor;
    public String currency = "UAH";
  }

  @POST
  @Path("credits")
  public Map<String, Object> credits(Payment p) {
    PaymentStart start =
        conductor.start(
            new PaymentRequest(
                PaymentPurpose.fromId(p.purpose).orElseThrow(),
                p.subjectId,
                caller.require().id(),
                Money.of(p.amountMinor, p.currency),
                PaymentRail.CREDITS,
                null,
                "Test payment",
                List.of(),
                null,
                null));
    return Map.of("reference", start.reference(), "status", start.status());
  }

  @POST
  @Path("card")
  public Map<String, Object> card(Payment p) {
    return Map.of(
        "reference",
        card.confirm(
            PaymentPurpose.fromId(p.purpose).orElseThrow(),
            p.subjectId,
            caller.require().id(),
            Money.of(p.amountMinor, p.currency)));
  }

  @GET
  @Path("ledger-check")
  public Ledger.Check check() {
    return ledger.check();
  }
}
