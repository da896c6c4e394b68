package org.ringplatform.ledger;

import java.util.Locale;

/**
 * A ledger account in one currency, named by a code. The chart of accounts is fixed here, so every
 * feature posts to the same accounts the same way (recipes in {@code docs/ledger.md}).
 *
 * @param code stable code, e.g. {@code vendor_payable:42}
 * @param currency ISO 4217 code
 * @param kind asset, liability, revenue, expense or equity
 * @param normalSide {@code 'D'} for debit-normal (assets, expenses), {@code 'C'} otherwise
 * @param ownerType who the account belongs to ({@code vendor}, {@code user}) or null
 * @param ownerId the owner's id, or null
 * @param noOverdraft whether the balance may never go below zero
 */
public record Account(
    String code,
    String currency,
    String kind,
    char normalSide,
    String ownerType,
    Long ownerId,
    boolean noOverdraft) {

  /** Money held at the payment gateways and the bank (asset). */
  public static Account gatewayCash(String currency) {
    return platform("gateway_cash", currency, "asset", 'D');
  }

  /** Money received for a payment and not yet allocated to its purpose (liability). */
  public static Account paymentsClearing(String currency) {
    return platform("payments_clearing", currency, "liability", 'C');
  }

  /** The platform's commission on sales (revenue). */
  public static Account platformCommission(String currency) {
    return platform("platform_commission", currency, "revenue", 'C');
  }

  /** Membership fees (revenue). */
  public static Account membershipRevenue(String currency) {
    return platform("membership_revenue", currency, "revenue", 'C');
  }

  /** Referral rewards earned and not yet paid out to the referrers (liability). */
  public static Account referralPayable(String currency) {
    return platform("referral_payable", currency, "liability", 'C');
  }

  /** Fees charged by the gateways (expense). */
  public static Account gatewayFees(String currency) {
    return platform("gateway_fees", currency, "expense", 'D');
  }

  /**
   * Credits the platform grants (or takes back as a penalty) outside any payment (expense): an
   * admin's grant moves credits from here into a wallet, a penalty moves them back.
   */
  public static Account creditGrants(String currency) {
    return platform("credit_grants", currency, "expense", 'D');
  }

  /** What the platform owes a vendor for its sales (liability). */
  public static Account vendorPayable(long vendorId, String currency) {
    return owned(
        "vendor_payable:" + vendorId, currency, "liability", 'C', "vendor", vendorId, false);
  }

  /**
   * What a vendor owes back after a refund of an order already paid out (asset: a claw-back
   * deducted from its next settlement).
   */
  public static Account vendorReceivable(long vendorId, String currency) {
    return owned(
        "vendor_receivable:" + vendorId, currency, "asset", 'D', "vendor", vendorId, false);
  }

  /**
   * What the platform owes a vendor outside its order lines (liability): a referral share given
   * back after its order was settled, paid with the vendor's next settlement.
   */
  public static Account vendorAdjustment(long vendorId, String currency) {
    return owned(
        "vendor_adjustment:" + vendorId, currency, "liability", 'C', "vendor", vendorId, false);
  }

  /** A member's credit wallet (liability); it can never go below zero. */
  public static Account wallet(long userId, String currency) {
    return owned("wallet:" + userId, currency, "liability", 'C', "user", userId, true);
  }

  /**
   * Whether the balance is kept in stripes: the platform's own accounts (no owner, overdraft
   * allowed), which nearly every entry touches. Their changes are spread over a few rows so that
   * concurrent transactions do not queue for one; no check needs their exact balance mid-entry.
   */
  public boolean striped() {
    return ownerId == null && !noOverdraft;
  }

  private static Account platform(String code, String currency, String kind, char side) {
    return new Account(code, currency.toUpperCase(Locale.ROOT), kind, side, null, null, false);
  }

  private static Account owned(
      String code,
      String currency,
      String kind,
      char side,
      String ownerType,
      long ownerId,
      boolean noOverdraft) {
    return new Account(
        code, currency.toUpperCase(Locale.ROOT), kind, side, ownerType, ownerId, noOverdraft);
  }
}
