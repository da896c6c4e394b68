package org.ringplatform.membership.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;

/**
 * Activates a membership inside the transaction that confirms its payment, at the purposes'
 * priority ({@code APPLICATION}), before referral rewards are earned on it. A failure rolls the
 * confirmation back, so a membership is never paid without being active, nor active unpaid.
 */
@ApplicationScoped
public class MembershipTrigger {

  @Inject private DefaultMemberships memberships;

  void onConfirmed(@Observes @Priority(Interceptor.Priority.APPLICATION) PaymentConfirmed payment) {
    if (payment.purpose() == PaymentPurpose.MEMBERSHIP) {
      memberships.activate(payment);
    }
  }
}
