package org.ringplatform.payment.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;

/**
 * Applies what a processor says about a payment, exactly once: the event's receipt (processor,
 * event id) is inserted in the same transaction as its effect, the payment row is locked before its
 * status changes, the status machine ({@link PaymentStates}) never moves backwards, and an amount
 * or currency that differs from the payment's never marks it paid. The first "paid" posts ledger
 * recipe 1 and fires {@link PaymentConfirmed}, whose observers run in this transaction.
 */
@Stateless
public class PaymentProcessing {

  /**
   * What applying an event did.
   *
   * @param outcome accepted, duplicate, ignored, amount_mismatch or unknown_reference
   * @param reference the payment, when known
   * @param status its status afterwards, when known
   * @param detail a line for the log
   */
  public record Applied(String outcome, String reference, String status, String detail) {}

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private PaymentRows rows;
  @Inject private Ledger ledger;
  @Inject private Event<PaymentConfirmed> confirmed;

  /**
   * Applies a verified webhook event and writes its log row (answered 200) in the same transaction:
   * the delivery is on record exactly when its effect is.
   *
   * @param logReference the reference to log, or null for the payment the event settled (else the
   *     one it named)
   * @param bodySha256 hex SHA-256 of the delivery's body
   */
  public Applied applyAndLog(GatewayEvent e, String logReference, String bodySha256) {
    Applied applied = apply(e, e.processor());
    WebhookJournal.insert(
        dataSource,
        e.processor(),
        e.eventId(),
        logReference != null
            ? logReference
            : applied.reference() != null ? applied.reference() : e.reference(),
        applied.outcome(),
        200,
        applied.detail(),
        bodySha256);
    return applied;
  }

  /**
   * Applies a verified event, in the caller's transaction (a new one for webhooks).
   *
   * @param source what told us: wayforpay, stripe or reconcile
   */
  public Applied apply(GatewayEvent e, String source) {
    String reference = e.reference();
    if (reference == null && e.paymentRef() != null) {
      reference = rows.referenceOfPayment(e.processor(), e.paymentRef()).orElse(null);
    }
    if (reference == null) {
      return unknown(e);
    }
    if (e.eventId() != null && e.kind() != GatewayEvent.Kind.IGNORED) {
      // One statement for the common case: a duplicate costs nothing more.
      PaymentRows.Receipt receipt = rows.receipt(e.processor(), e.eventId(), reference);
      if (receipt.transactionId() == null) {
        return unknown(e);
      }
      if (!receipt.first()) {
        return new Applied("duplicate", reference, null, "event " + e.eventId() + " seen before");
      }
    } else {
      Optional<PaymentRows.Row> found = rows.find(reference);
      // A reference of another processor is treated as unknown: a Stripe event never settles a
      // WayForPay payment, whatever it names.
      if (found.isEmpty() || !found.get().processor().equals(e.processor())) {
        return unknown(e);
      }
      if (e.kind() == GatewayEvent.Kind.IGNORED) {
        return new Applied("ignored", reference, found.get().status(), e.detail());
      }
    }
    PaymentRows.Row row = rows.lock(reference).orElseThrow();
    return switch (e.kind()) {
      case PAID -> paid(row, e, source);
      case REFUNDED -> refundedAtGateway(row, e, source);
      default -> move(row, e, source);
    };
  }

  private static Applied unknown(GatewayEvent e) {
    return new Applied("unknown_reference", null, null, "no " + e.processor() + " payment");
  }

  private Applied paid(PaymentRows.Row row, GatewayEvent e, String source) {
    if (PaymentStates.settled(row.status())) {
      return new Applied("ignored", row.reference(), row.status(), "already " + row.status());
    }
    boolean amountOk =
        e.amountMinor() != null
            && e.amountMinor() == row.amountMinor()
            && row.currency().equals(e.currency());
    if (!amountOk) {
      String why =
          "amount check failed: the gateway says "
              + e.amountText()
              + " "
              + e.currency()
              + ", the payment is "
              + Money.of(row.amountMinor(), row.currency());
      rows.history(row.id(), "check_failed", source, why);
      return new Applied("amount_mismatch", row.reference(), row.status(), why);
    }
    String detail =
        row.status().equals("failed") || row.status().equals("cancelled")
            ? e.detail() + " (after " + row.status() + ")"
            : e.detail();
    confirm(row, source, detail, e.processorRef(), e.paymentRef(), e.cardLast4());
    return new Applied("accepted", row.reference(), "paid", e.detail());
  }

  private Applied move(PaymentRows.Row row, GatewayEvent e, String source) {
    if (!PaymentStates.moves(row.status(), e.kind())) {
      return new Applied(
          "ignored",
          row.reference(),
          row.status(),
          e.detail() + " does not move a " + row.status() + " payment");
    }
    rows.status(row.id(), e.kind().status());
    rows.history(row.id(), e.kind().status(), source, e.detail());
    return new Applied("accepted", row.reference(), e.kind().status(), e.detail());
  }

  /**
   * A refund the gateway reports. Refunds Ring sent are already on the books, so only the part the
   * gateway refunded beyond them (a refund made in the gateway's dashboard) is posted: the money
   * leaves {@code payments_clearing}; reversing the purpose's allocation is then up to an admin,
   * which the history says.
   */
  private Applied refundedAtGateway(PaymentRows.Row row, GatewayEvent e, String source) {
    if (!PaymentStates.settled(row.status())) {
      return new Applied("ignored", row.reference(), row.status(), "refund of an unpaid payment");
    }
    long known = Math.max(rows.knownRefunds(row.id()), row.refundedMinor());
    long total;
    if (e.processor().equals(PaymentRouting.STRIPE) && e.amountMinor() != null) {
      total = Math.min(e.amountMinor(), row.amountMinor());
    } else {
      // WayForPay does not say how much; a refund Ring asked for explains it, else it was all.
      total = known > 0 ? known : row.amountMinor();
    }
    long extra = total - known;
    if (extra <= 0) {
      return new Applied("ignored", row.reference(), row.status(), "refund already recorded");
    }
    ledger.post(
        "refund:gateway:" + row.reference() + ":" + total,
        "refund",
        "Refunded at the gateway: " + row.reference(),
        row.reference(),
        null,
        List.of(
            Posting.debit(Account.paymentsClearing(row.currency()), extra),
            Posting.credit(Account.gatewayCash(row.currency()), extra)));
    rows.refunded(row.id(), extra);
    String status = known + extra >= row.amountMinor() ? "refunded" : "partially_refunded";
    rows.history(
        row.id(),
        status,
        source,
        "refunded at the gateway, not through Ring ("
            + Money.of(extra, row.currency())
            + "): reverse the purpose's allocation by hand");
    return new Applied("accepted", row.reference(), status, e.detail());
  }

  /**
   * Marks a locked, unpaid row paid: history, ledger recipe 1 ({@code [payment:<ref>]}: card D
   * gateway_cash, credits D wallet; C payments_clearing), then {@link PaymentConfirmed}.
   */
  public void confirm(
      PaymentRows.Row row,
      String source,
      String detail,
      String processorRef,
      String paymentRef,
      String cardLast4) {
    rows.paid(row.id(), processorRef, paymentRef, cardLast4);
    rows.history(row.id(), "paid", source, detail);
    boolean credits = PaymentRouting.CREDITS.equals(row.processor());
    String currency = row.currency();
    ledger.post(
        "payment:" + row.reference(),
        "payment",
        "Payment " + row.reference(),
        row.reference(),
        row.userId(),
        List.of(
            Posting.debit(
                credits ? Account.wallet(row.userId(), currency) : Account.gatewayCash(currency),
                row.amountMinor()),
            Posting.credit(Account.paymentsClearing(currency), row.amountMinor())));
    confirmed.fire(
        new PaymentConfirmed(
            row.id(),
            row.reference(),
            PaymentPurpose.fromId(row.purpose()).orElseThrow(),
            row.subjectId(),
            row.userId(),
            Money.of(row.amountMinor(), currency),
            row.processor(),
            credits ? PaymentRail.CREDITS : PaymentRail.CARD));
  }

  /**
   * The payer went to the gateway: {@code created -> redirected}, and the gateway step (with the
   * processor's id of it) stored when given.
   */
  public PaymentRows.Row redirected(String reference, String stepJson, String processorRef) {
    PaymentRows.Row row = rows.lock(reference).orElseThrow();
    if (stepJson != null) {
      rows.step(row.id(), stepJson, processorRef);
    }
    if (row.status().equals("created")) {
      rows.status(row.id(), "redirected");
      rows.history(row.id(), "redirected", "checkout", processorRef);
    }
    return rows.find(reference).orElseThrow();
  }

  /**
   * Applies a processor's answer to our own question (no receipt: the status machine and the ledger
   * key keep it exactly-once), or, when the gateway knows nothing of a payment older than {@code
   * abandonBefore}, cancels it.
   */
  public PaymentRows.Row reconciled(
      String reference, GatewayEvent answer, OffsetDateTime abandonBefore) {
    PaymentRows.Row row = rows.lock(reference).orElseThrow();
    rows.reconciled(row.id());
    if (answer != null && reference.equals(answer.reference())) {
      apply(answer, "reconcile");
    } else if (answer == null
        && PaymentStates.open(row.status())
        && row.createdAt().isBefore(abandonBefore)) {
      rows.status(row.id(), "cancelled");
      rows.history(
          row.id(),
          "cancelled",
          "reconcile",
          "abandoned: the gateway has no payment after "
              + java.time.Duration.between(row.createdAt(), OffsetDateTime.now(ZoneOffset.UTC))
                  .toMinutes()
              + " minutes");
    }
    return rows.find(reference).orElseThrow();
  }
}
