package org.ringplatform.payment;

import org.ringplatform.ledger.Money;

/**
 * CDI event fired synchronously, exactly once per payment, inside the transaction that marks it
 * paid, after the collected money was posted to {@code payments_clearing}. Observers (with
 * {@code @Observes @Priority}) apply the purpose's effect in that same transaction and allocate the
 * money out of {@code payments_clearing} (recipes in {@code docs/ledger.md}); if an observer fails,
 * the whole confirmation rolls back and the gateway's retry tries again.
 *
 * @param transactionId payment_transactions id
 * @param reference the order reference
 * @param purpose what was paid for
 * @param subjectId the checkout, subscription or user paid for
 * @param userId who paid
 * @param amount the amount collected (equal to the requested amount; a mismatch never confirms)
 * @param processor wayforpay, stripe or credits
 * @param rail card or credits
 */
public record PaymentConfirmed(
    long transactionId,
    String reference,
    PaymentPurpose purpose,
    long subjectId,
    long userId,
    Money amount,
    String processor,
    PaymentRail rail) {}
