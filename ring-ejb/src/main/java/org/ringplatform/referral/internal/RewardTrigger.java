package org.ringplatform.referral.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.ringplatform.payment.PaymentConfirmed;

/**
 * Earns referral rewards inside the transaction that confirms a payment, after the purpose's own
 * observers (the store's allocation and the membership's activation run at {@code APPLICATION}), so
 * that the referral share already sits in {@code referral_payable} or the fee in {@code
 * membership_revenue}. A failure here rolls the confirmation back with everything else.
 */
@ApplicationScoped
public class RewardTrigger {

  /** Later than the purposes' own observers. */
  public static final int PRIORITY = Interceptor.Priority.APPLICATION + 100;

  @Inject private DefaultReferralRewards rewards;

  void onConfirmed(@Observes @Priority(PRIORITY) PaymentConfirmed payment) {
    rewards.onPaymentConfirmed(payment);
  }
}
