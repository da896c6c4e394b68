package org.ringplatform.referral.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.identity.AccountCreated;
import org.ringplatform.referral.Referrals;

/**
 * Sign-up attribution (§11.2): an account created by a request that carries the first-touch cookie
 * is recorded as referred by the code's owner, in the sign-up transaction, under the same rules as
 * an order (an active code that is not the new account's own). The page and the API sign-ups both
 * pass through here; an account created outside a request (demo data) has no cookie.
 */
@ApplicationScoped
public class SignUpAttribution {

  private static final Logger LOG = Logger.getLogger(SignUpAttribution.class.getName());

  @Inject private HttpServletRequest request;
  @Inject private Referrals referrals;

  void onCreated(@Observes AccountCreated created) {
    String code;
    try {
      code = ReferralCookieFilter.cookie(request);
    } catch (ContextNotActiveException | IllegalStateException e) {
      return;
    }
    if (code != null && referrals.attributeSignUp(created.userId(), code)) {
      LOG.log(
          Level.INFO,
          "Account {0} was referred by code {1}",
          new Object[] {created.userId(), code});
    }
  }
}
