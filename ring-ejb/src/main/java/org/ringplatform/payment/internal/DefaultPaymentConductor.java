package org.ringplatform.payment.internal;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;

/**
 * The payment conductor (§9): routes a purpose and rail to WayForPay, Stripe or internal credits,
 * keeps {@code payment_transactions} with its status history, makes starts and refunds idempotent
 * by the caller's key, and reconciles with the processors. Confirmation itself (exactly once, with
 * ledger recipe 1 and {@code PaymentConfirmed}) is {@link PaymentProcessing}'s.
 */
@Stateless
public class DefaultPaymentConductor implements PaymentConductor {

  private static final Logger LOG = Logger.getLogger(DefaultPaymentConductor.class.getName());
  private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{1,80}");

  @Inject private PaymentRows rows;
  @Inject private PaymentProcessing processing;
  @Inject private RefundBook refunds;
  @Inject private Ledger ledger;
  @Inject private PaymentSettings settings;
  @Inject private WayForPayGateway wayForPay;
  @Inject private StripeGateway stripe;

  @Override
  public PaymentStart start(PaymentRequest r) {
    if (r == null || r.purpose() == null || r.rail() == null || r.amount() == null) {
      throw RingException.invalid("payment_invalid", null, "A payment needs a purpose and rail.");
    }
    if (r.amount().minor() <= 0) {
      throw RingException.invalid("amount", "amount", "A payment needs a positive amount.");
    }
    if (r.userId() <= 0 || r.subjectId() <= 0) {
      throw RingException.invalid("payment_invalid", null, "A payment needs a payer and subject.");
    }
    if (r.clientKey() != null && !CLIENT_KEY.matcher(r.clientKey()).matches()) {
      throw RingException.invalid(
          "idempotency_key_invalid",
          "clientKey",
          "An idempotency key is 1 to 80 letters, digits and _.:- characters.");
    }
    if (r.rail() == PaymentRail.CREDITS && r.purpose() == PaymentPurpose.WALLET_TOPUP) {
      throw RingException.invalid(
          "rail_not_allowed", "rail", "Credits cannot be bought with credits.");
    }
    String processor =
        PaymentRouting.processor(r.purpose(), r.rail(), r.processor(), settings::get);
    settings.requireConfigured(processor);
    String currency = r.amount().currency();
    String returnTemplate = returnTemplate(r.returnUrl());
    String hash =
        GatewayCrypto.sha256Hex(
            String.join(
                    "|",
                    r.purpose().id(),
                    Long.toString(r.subjectId()),
                    Long.toString(r.userId()),
                    Long.toString(r.amount().minor()),
                    currency,
                    r.rail().id(),
                    processor,
                    returnTemplate)
                .getBytes(StandardCharsets.UTF_8));
    if (r.clientKey() != null) {
      Optional<PaymentRows.Row> first = rows.findByClientKey(r.userId(), r.clientKey());
      if (first.isPresent()) {
        return replay(first.get(), hash);
      }
    }
    long millis = System.currentTimeMillis();
    PaymentRows.Row row = null;
    for (int attempt = 0; attempt < 50 && row == null; attempt++) {
      // <prefix>_<subject>_<millis> (§9.2); a clash in the same millisecond takes the next one,
      // so the reference stays parseable and unique.
      String reference =
          r.purpose().referencePrefix() + "_" + r.subjectId() + "_" + (millis + attempt);
      Optional<Long> id =
          rows.insert(
              new PaymentRows.NewRow(
                  reference,
                  r.purpose().id(),
                  r.subjectId(),
                  processor,
                  r.rail().id(),
                  r.userId(),
                  r.amount().minor(),
                  currency,
                  r.clientKey(),
                  hash,
                  resolve(returnTemplate, reference),
                  processor.equals(PaymentRouting.STRIPE) ? UUID.randomUUID().toString() : null));
      if (id.isPresent()) {
        row = rows.lock(reference).orElseThrow();
      } else if (r.clientKey() != null) {
        Optional<PaymentRows.Row> first = rows.findByClientKey(r.userId(), r.clientKey());
        if (first.isPresent()) {
          return replay(first.get(), hash);
        }
      }
    }
    if (row == null) {
      throw new IllegalStateException("No free order reference for " + r.purpose().id());
    }
    rows.history(row.id(), "created", "start", processor + ", " + r.rail().id());
    return switch (processor) {
      case PaymentRouting.CREDITS -> {
        processing.confirm(row, "credits", "paid from the wallet", null, null, null);
        yield new PaymentStart(
            row.id(), row.reference(), "paid", PaymentStart.Mode.DONE, null, null);
      }
      case PaymentRouting.WAYFORPAY -> {
        Map<String, String> fields =
            wayForPay.purchase(
                row,
                r.description(),
                r.lines(),
                row.returnUrl(),
                System.currentTimeMillis() / 1000);
        rows.step(row.id(), GatewaySteps.form(wayForPay.payUrl(), fields), null);
        yield new PaymentStart(
            row.id(),
            row.reference(),
            row.status(),
            PaymentStart.Mode.FORM_POST,
            wayForPay.payUrl(),
            fields);
      }
      default -> {
        rows.step(row.id(), GatewaySteps.pending(r.description(), r.lines()), null);
        yield new PaymentStart(
            row.id(),
            row.reference(),
            row.status(),
            PaymentStart.Mode.NAVIGATE,
            payPage(row.reference()),
            null);
      }
    };
  }

  /** The first start of a client key, when the parameters are the same. */
  private PaymentStart replay(PaymentRows.Row first, String hash) {
    if (!hash.equals(first.requestHash())) {
      throw new RingException(
          RingException.Kind.UNPROCESSABLE,
          "idempotency_key_reused",
          "clientKey",
          "This idempotency key was used for a payment with other parameters.");
    }
    return startOf(first);
  }

  /** The gateway step of a stored payment. */
  static PaymentStart startOf(PaymentRows.Row row) {
    if (!PaymentStates.open(row.status()) || row.processor().equals(PaymentRouting.CREDITS)) {
      return new PaymentStart(
          row.id(), row.reference(), row.status(), PaymentStart.Mode.DONE, null, null);
    }
    if (row.processor().equals(PaymentRouting.WAYFORPAY)) {
      GatewaySteps.Step step = GatewaySteps.read(row.gatewayStep());
      return new PaymentStart(
          row.id(),
          row.reference(),
          row.status(),
          PaymentStart.Mode.FORM_POST,
          step.url(),
          step.fields());
    }
    return new PaymentStart(
        row.id(),
        row.reference(),
        row.status(),
        PaymentStart.Mode.NAVIGATE,
        payPage(row.reference()),
        null);
  }

  static String payPage(String reference) {
    return "/pay?ref=" + URLEncoder.encode(reference, StandardCharsets.UTF_8);
  }

  /**
   * The return URL as given, checked: a path on this site or an address under the public URL (no
   * open redirect through a gateway).
   */
  private String returnTemplate(String requested) {
    if (requested == null || requested.isBlank()) {
      return "/payment-return?ref={ref}";
    }
    String url = requested.strip();
    boolean path = url.startsWith("/") && !url.startsWith("//") && !url.contains("\\");
    boolean ours = url.startsWith(settings.publicUrl() + "/");
    if (!(path || ours) || url.length() > 400 || url.chars().anyMatch(c -> c < 0x21)) {
      throw RingException.invalid(
          "return_url_invalid", "returnUrl", "The return address must be on this site.");
    }
    return url;
  }

  private String resolve(String template, String reference) {
    String url = template.replace("{ref}", URLEncoder.encode(reference, StandardCharsets.UTF_8));
    return url.startsWith("/") ? settings.publicUrl() + url : url;
  }

  @Override
  public RefundOutcome refund(
      String reference, long amountMinor, String idempotencyKey, String reason) {
    if (idempotencyKey == null || !CLIENT_KEY.matcher(idempotencyKey).matches()) {
      throw RingException.invalid(
          "idempotency_key_invalid",
          "idempotencyKey",
          "An idempotency key is 1 to 80 letters, digits and _.:- characters.");
    }
    if (amountMinor <= 0) {
      throw RingException.invalid("amount", "amount", "A refund needs a positive amount.");
    }
    PaymentRows.Row row =
        rows.find(reference).orElseThrow(() -> RingException.notFound("There is no such payment."));
    RefundBook.Ticket ticket =
        refunds.open(
            row.id(),
            row.status(),
            row.amountMinor(),
            amountMinor,
            row.currency(),
            idempotencyKey,
            reason);
    if (ticket.status().equals("requested")) {
      WayForPayGateway.RefundResult result = sendRefund(row, ticket, reason);
      ticket =
          refunds.close(ticket.id(), result.succeeded(), result.processorRef(), result.failure());
    }
    if (ticket.status().equals("failed")) {
      return new RefundOutcome(false, ticket.processorRef(), ticket.failure());
    }
    // The money left: book it once per key, under the payment's lock.
    PaymentRows.Row locked = rows.lock(reference).orElseThrow();
    if (!ledger.posted("refund:" + idempotencyKey)) {
      boolean credits = PaymentRouting.CREDITS.equals(locked.processor());
      ledger.post(
          "refund:" + idempotencyKey,
          "refund",
          reason == null || reason.isBlank() ? "Refund of " + reference : reason,
          reference,
          null,
          List.of(
              Posting.debit(Account.paymentsClearing(locked.currency()), amountMinor),
              Posting.credit(
                  credits
                      ? Account.wallet(locked.userId(), locked.currency())
                      : Account.gatewayCash(locked.currency()),
                  amountMinor)));
      rows.refunded(locked.id(), amountMinor);
      rows.history(
          locked.id(),
          locked.refundedMinor() + amountMinor >= locked.amountMinor()
              ? "refunded"
              : "partially_refunded",
          "refund",
          "refund "
              + idempotencyKey
              + " of "
              + org.ringplatform.ledger.Money.of(amountMinor, locked.currency()));
    }
    return new RefundOutcome(true, ticket.processorRef(), null);
  }

  private WayForPayGateway.RefundResult sendRefund(
      PaymentRows.Row row, RefundBook.Ticket ticket, String reason) {
    try {
      return switch (row.processor()) {
        case PaymentRouting.CREDITS ->
            new WayForPayGateway.RefundResult(true, "credits:" + ticket.id(), null);
        case PaymentRouting.WAYFORPAY -> {
          settings.requireConfigured(PaymentRouting.WAYFORPAY);
          yield wayForPay.refund(row.reference(), ticket.amountMinor(), row.currency(), reason);
        }
        default -> {
          settings.requireConfigured(PaymentRouting.STRIPE);
          yield stripe.refund(
              row.paymentRef(), ticket.amountMinor(), ticket.processorKey(), row.reference());
        }
      };
    } catch (GatewayUnavailable e) {
      // The outcome is unknown: the request stays "requested" and a retry with the same key asks
      // again with the same processor key.
      LOG.log(
          Level.WARNING,
          "Refund {0} of {1}: {2}",
          new Object[] {ticket.id(), row.reference(), e.getMessage()});
      throw PaymentSettings.unavailable(row.processor());
    }
  }

  @Override
  public Optional<PaymentView> find(String reference) {
    return reference == null ? Optional.empty() : rows.find(reference).map(PaymentRows.Row::view);
  }

  @Override
  public Optional<PaymentView> latestFor(PaymentPurpose purpose, long subjectId) {
    return rows.latestFor(purpose.id(), subjectId).map(PaymentRows.Row::view);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PaymentView reconcile(String reference) {
    PaymentRows.Row row =
        rows.find(reference).orElseThrow(() -> RingException.notFound("There is no such payment."));
    if (row.processor().equals(PaymentRouting.CREDITS) || !PaymentStates.open(row.status())) {
      return row.view();
    }
    settings.requireConfigured(row.processor());
    GatewayEvent answer;
    try {
      if (row.processor().equals(PaymentRouting.WAYFORPAY)) {
        answer = wayForPay.checkStatus(reference).orElse(null);
      } else if (row.processorRef() == null) {
        answer = null;
      } else {
        StripeGateway.Session s = stripe.retrieve(row.processorRef());
        answer = reference.equals(s.reference()) ? stripe.event(s) : null;
        if (answer == null && "open".equals(s.status())) {
          // The session is still open: nothing to apply, nothing abandoned yet.
          return processing.reconciled(reference, null, OffsetDateTime.MIN).view();
        }
      }
    } catch (GatewayUnavailable e) {
      LOG.log(Level.WARNING, "Reconciling {0}: {1}", new Object[] {reference, e.getMessage()});
      throw PaymentSettings.unavailable(row.processor());
    }
    OffsetDateTime abandonBefore =
        OffsetDateTime.now(ZoneOffset.UTC).minus(settings.abandonAfter());
    return processing.reconciled(reference, answer, abandonBefore).view();
  }
}
