package org.ringplatform.payment.api;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentConsole;
import org.ringplatform.payment.WalletTopUps;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The payments console for admins: transactions with filters, one transaction with its status
 * history, webhook deliveries and refunds, the webhook log, reconciliation with the processor, and
 * refunds of wallet top-ups (orders and memberships are refunded through them).
 */
@Path("admin/payments")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Tag(name = "Payments administration")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminPaymentsResource {

  @Inject private Caller caller;
  @Inject private PaymentConsole console;
  @Inject private WalletTopUps topUps;

  /** A refund of a top-up. */
  public static class RefundBody {
    /** Amount in minor units. */
    public Long amountMinor;

    /** The caller's idempotency key: the same key refunds once. */
    public String idempotencyKey;

    /** Why. */
    public String reason;
  }

  /**
   * What a refund did.
   *
   * @param succeeded whether the money went back
   * @param processorRef the processor's refund id
   * @param payment the payment afterwards
   */
  public record RefundResult(boolean succeeded, String processorRef, PaymentJson.Payment payment) {}

  @GET
  @Operation(summary = "Payment transactions, newest first, with filters")
  public PaymentConsole.Page<PaymentConsole.Payment> list(
      @QueryParam("status") String status,
      @QueryParam("processor") String processor,
      @QueryParam("purpose") String purpose,
      @QueryParam("reference") String reference,
      @QueryParam("userId") Long userId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    checkPage(page, size);
    PaymentConsole.Filter filter =
        new PaymentConsole.Filter(
            oneOf("status", status, PaymentStatuses.ALL),
            oneOf("processor", processor, PaymentStatuses.PROCESSORS),
            oneOf("purpose", purpose, PaymentStatuses.PURPOSES),
            reference == null || reference.isBlank() ? null : reference.strip(),
            userId,
            day("from", from, 0),
            day("to", to, 1));
    return console.payments(caller.require(), filter, page * size, size);
  }

  @GET
  @Path("webhooks")
  @Operation(summary = "The webhook log: every delivery, accepted or not, newest first")
  public PaymentConsole.Page<PaymentConsole.Delivery> webhooks(
      @QueryParam("processor") String processor,
      @QueryParam("outcome") String outcome,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    checkPage(page, size);
    return console.deliveries(
        caller.require(),
        oneOf("processor", processor, List.of("wayforpay", "stripe")),
        outcome == null || outcome.isBlank() ? null : outcome.strip(),
        page * size,
        size);
  }

  @GET
  @Path("{reference}")
  @Operation(summary = "A transaction with its status history, webhook deliveries and refunds")
  public PaymentConsole.Detail detail(@PathParam("reference") String reference) {
    return console
        .detail(caller.require(), reference)
        .orElseThrow(() -> RingException.notFound("There is no such payment."));
  }

  @POST
  @Path("{reference}/reconcile")
  @Operation(
      summary = "Ask the processor for the payment's state and apply it",
      description = "WayForPay CHECK_STATUS or the Stripe Checkout Session, verified.")
  public PaymentJson.Payment reconcile(@PathParam("reference") String reference) {
    return PaymentJson.Payment.of(console.reconcile(caller.require(), reference));
  }

  @POST
  @Path("{reference}/refund")
  @Operation(
      summary = "Refund (part of) a wallet top-up",
      description =
          "Takes the credits back from the wallet (409 insufficient_funds when they were spent),"
              + " then refunds through the processor. Idempotent by idempotencyKey; the same key"
              + " with another amount answers 422.")
  public RefundResult refund(@PathParam("reference") String reference, RefundBody body) {
    if (body == null || body.amountMinor == null || body.idempotencyKey == null) {
      throw RingException.invalid(
          "refund_invalid", "amountMinor", "Give an amount and an idempotency key.");
    }
    PaymentConductor.RefundOutcome outcome =
        topUps.refund(
            caller.require(), reference, body.amountMinor, body.idempotencyKey, body.reason);
    return new RefundResult(
        outcome.succeeded(),
        outcome.processorRef(),
        console.detail(caller.require(), reference).map(d -> toView(d.payment())).orElse(null));
  }

  private static PaymentJson.Payment toView(PaymentConsole.Payment p) {
    return PaymentJson.Payment.of(
        new PaymentConductor.PaymentView(
            p.id(),
            p.reference(),
            p.purpose(),
            p.subjectId(),
            p.userId(),
            p.processor(),
            p.rail(),
            p.amountMinor(),
            p.currency(),
            p.status(),
            p.refundedMinor()));
  }

  private static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > 200) {
      throw RingException.invalid(
          "page_invalid", "size", "page must be 0 or more and size 1 to 200.");
    }
  }

  private static String oneOf(String field, String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value.strip())) {
      throw RingException.invalid("filter_invalid", field, field + " must be one of " + allowed);
    }
    return value.strip();
  }

  private static OffsetDateTime day(String field, String value, int plusDays) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip())
          .plusDays(plusDays)
          .atStartOfDay()
          .atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw RingException.invalid("filter_invalid", field, field + " must be a date, YYYY-MM-DD.");
    }
  }
}
