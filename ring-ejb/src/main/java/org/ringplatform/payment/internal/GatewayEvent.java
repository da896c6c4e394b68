package org.ringplatform.payment.internal;

/**
 * A verified statement from a processor about one payment, in Ring's terms: which payment, what
 * happened, and the amount and currency the processor saw.
 *
 * @param processor wayforpay or stripe
 * @param eventId the dedup key of a webhook event, or null for an answer to our own question
 *     (reconciliation), which is not deduplicated but still cannot apply twice
 * @param reference the order reference, or null when only {@code paymentRef} names the payment
 * @param kind what happened
 * @param amountMinor the amount in minor units, or null when it could not be read (never paid)
 * @param currency the currency as the processor wrote it, upper case
 * @param amountText the amount exactly as received, for the history
 * @param processorRef the processor's object id (Checkout Session), or null
 * @param paymentRef the processor's payment id (payment_intent), or null
 * @param cardLast4 the card's last four digits, or null
 * @param detail the gateway's status words, for the history
 */
record GatewayEvent(
    String processor,
    String eventId,
    String reference,
    Kind kind,
    Long amountMinor,
    String currency,
    String amountText,
    String processorRef,
    String paymentRef,
    String cardLast4,
    String detail) {

  /** What a processor says happened, mapped from its own statuses. */
  enum Kind {
    PENDING("pending"),
    PROCESSING("processing"),
    PAID("paid"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    /** Money went back at the gateway; the amount is what the gateway has refunded in all. */
    REFUNDED("refunded"),
    /** Nothing Ring acts on (unknown event types, refunds still in processing). */
    IGNORED(null);

    private final String status;

    Kind(String status) {
      this.status = status;
    }

    /** The transaction status this moves to, or null. */
    String status() {
      return status;
    }
  }
}
