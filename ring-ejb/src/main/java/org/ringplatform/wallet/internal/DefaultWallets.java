package org.ringplatform.wallet.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;
import org.ringplatform.wallet.Wallets;

/** Wallets on the ledger: balances and history from {@code wallet:<userId>}, top-ups by card. */
@Stateless
public class DefaultWallets implements Wallets {

  private static final Logger LOG = Logger.getLogger(DefaultWallets.class.getName());

  /** The largest single grant or penalty, a guard against a slipped digit. */
  static final long MAX_ADJUSTMENT = 1_000_000_000L;

  @Inject private Ledger ledger;
  @Inject private PaymentConductor payments;
  @Inject private AccountAdministration accounts;

  @Inject
  @ConfigProperty(name = "ring.store.currency", defaultValue = "UAH")
  private String storeCurrency;

  @Inject
  @ConfigProperty(name = "ring.wallet.topup.min-minor", defaultValue = "1000")
  private long topUpMin;

  @Inject
  @ConfigProperty(name = "ring.wallet.topup.max-minor", defaultValue = "1000000")
  private long topUpMax;

  @Inject
  @ConfigProperty(name = "ring.public-url", defaultValue = "http://localhost:8080")
  private String publicUrl;

  @Override
  public String currency() {
    return storeCurrency.strip().toUpperCase(Locale.ROOT);
  }

  @Override
  public Limits topUpLimits() {
    return new Limits(Math.max(1, topUpMin), Math.max(Math.max(1, topUpMin), topUpMax), currency());
  }

  private Account wallet(long userId) {
    return Account.wallet(userId, currency());
  }

  @Override
  public long balance(long userId) {
    return ledger.balance(wallet(userId));
  }

  @Override
  public History history(long userId, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > 100) {
      throw RingException.invalid(
          "page_invalid", "limit", "The offset is 0 or more and the limit 1 to 100.");
    }
    Account account = wallet(userId);
    List<Ledger.Movement> rows = ledger.history(account, offset, limit + 1);
    List<Movement> items =
        rows.stream()
            .limit(limit)
            .map(
                m ->
                    new Movement(
                        m.entryId(),
                        m.kind(),
                        m.description(),
                        m.reference(),
                        m.signedFor(account.normalSide()),
                        m.balanceAfter(),
                        m.at()))
            .toList();
    return new History(items, rows.size() > limit);
  }

  @Override
  public TopUp startTopUp(AuthenticatedUser user, long amountMinor, String clientKey) {
    if (user == null) {
      throw new RingException(
          RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    Limits limits = topUpLimits();
    if (amountMinor < limits.minMinor() || amountMinor > limits.maxMinor()) {
      throw RingException.invalid(
          "topup_amount",
          "amountMinor",
          "A top-up is "
              + Money.of(limits.minMinor(), limits.currency())
              + " to "
              + Money.of(limits.maxMinor(), limits.currency())
              + ".");
    }
    Money amount = Money.of(amountMinor, currency());
    PaymentStart start =
        payments.start(
            new PaymentRequest(
                PaymentPurpose.WALLET_TOPUP,
                user.id(),
                user.id(),
                amount,
                PaymentRail.CARD,
                null,
                "Wallet top-up",
                List.of(new PaymentRequest.Line("Wallet top-up", 1, amountMinor)),
                publicUrl.replaceAll("/+$", "") + "/wallet",
                clientKey(clientKey)));
    LOG.log(
        Level.INFO,
        "Account {0} started top-up {1} of {2}",
        new Object[] {user.id(), start.reference(), amount});
    return new TopUp(
        start.transactionId(),
        start.reference(),
        start.status(),
        start.paid() ? null : "/pay?ref=" + start.reference());
  }

  private static String clientKey(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String k = key.strip();
    if (!k.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw RingException.invalid(
          "client_key_invalid", "clientKey", "A client key is 1 to 64 letters, digits or _.:-");
    }
    return k;
  }

  @Override
  public Adjustment grant(
      AuthenticatedUser admin, long userId, long amountMinor, String reason, String clientKey) {
    return adjust(admin, userId, amountMinor, reason, clientKey, true);
  }

  @Override
  public Adjustment penalize(
      AuthenticatedUser admin, long userId, long amountMinor, String reason, String clientKey) {
    return adjust(admin, userId, amountMinor, reason, clientKey, false);
  }

  private Adjustment adjust(
      AuthenticatedUser admin,
      long userId,
      long amountMinor,
      String reason,
      String clientKey,
      boolean grant) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins grant or take back credits.");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw RingException.invalid(
          "reason_required", "reason", "Give a reason of 1 to 500 characters.");
    }
    if (amountMinor <= 0 || amountMinor > MAX_ADJUSTMENT) {
      throw RingException.invalid(
          "amount_invalid", "amountMinor", "The amount is a positive number of credits.");
    }
    // Refuses an unknown account (404) before anything is posted.
    accounts.user(admin, userId);
    String key = clientKey(clientKey);
    String kind = grant ? "credit_grant" : "credit_penalty";
    Account wallet = wallet(userId);
    Account grants = Account.creditGrants(currency());
    long entry =
        ledger.post(
            kind + ":" + userId + ":" + (key == null ? UUID.randomUUID() : key),
            kind,
            why,
            null,
            admin.id(),
            grant
                ? List.of(Posting.debit(grants, amountMinor), Posting.credit(wallet, amountMinor))
                : List.of(Posting.debit(wallet, amountMinor), Posting.credit(grants, amountMinor)));
    LOG.log(
        Level.INFO,
        "Account {0}: {1} of {2} credits for account {3}",
        new Object[] {admin.id(), kind, amountMinor, userId});
    return new Adjustment(entry, ledger.balance(wallet));
  }
}
