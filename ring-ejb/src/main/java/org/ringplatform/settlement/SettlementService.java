package org.ringplatform.settlement;

import java.time.OffsetDateTime;
import java.util.List;
import org.ringplatform.identity.AuthenticatedUser;

/**
 * What the settlements produce, for admins and vendors: settlements with their lines, payouts, the
 * payout export for the bank and marking payouts paid. Admins see everything; a vendor's owner sees
 * that vendor's statements only, and another vendor's settlement is not found.
 */
public interface SettlementService {

  /**
   * One settlement of a vendor in one currency.
   *
   * @param id settlement id
   * @param vendorId the vendor
   * @param vendorName its name
   * @param runId the last settlement run that added lines to it
   * @param currency currency
   * @param grossMinor order totals
   * @param commissionMinor commissions frozen on the orders
   * @param referralMinor referral shares of the orders
   * @param refundsMinor the vendor's part of the refunds made before settlement
   * @param netMinor gross - commission - referral - refunds
   * @param clawbackMinor earlier claw-backs netted against this settlement
   * @param adjustmentMinor paid on top of the lines: referral shares given back to the vendor after
   *     their orders were settled
   * @param lines orders settled
   * @param status open (lines being added), closed (payout scheduled) or paid
   * @param periodEnd the latest completion time it covers
   * @param createdAt when it was opened
   * @param closedAt when its payout was scheduled
   * @param payoutId its payout, or null when nothing was left to pay
   * @param payoutMinor the payout amount (net + adjustments - claw-backs), or null
   * @param payoutStatus scheduled, exported, paid or failed; null without payout
   */
  record Settlement(
      long id,
      long vendorId,
      String vendorName,
      Long runId,
      String currency,
      long grossMinor,
      long commissionMinor,
      long referralMinor,
      long refundsMinor,
      long netMinor,
      long clawbackMinor,
      long adjustmentMinor,
      int lines,
      String status,
      OffsetDateTime periodEnd,
      OffsetDateTime createdAt,
      OffsetDateTime closedAt,
      Long payoutId,
      Long payoutMinor,
      String payoutStatus) {}

  /**
   * One settled order.
   *
   * @param orderId the order
   * @param completedAt when it completed
   * @param grossMinor its total
   * @param commissionMinor its frozen commission
   * @param referralMinor its referral share
   * @param refundsMinor the vendor's part of its refunds before settlement
   * @param netMinor what the vendor gets for it
   */
  record Line(
      long orderId,
      OffsetDateTime completedAt,
      long grossMinor,
      long commissionMinor,
      long referralMinor,
      long refundsMinor,
      long netMinor) {}

  /**
   * A settlement with its lines.
   *
   * @param settlement the settlement
   * @param lines its orders, by order id
   */
  record Statement(Settlement settlement, List<Line> lines) {}

  /**
   * A payout of a settlement.
   *
   * @param id payout id
   * @param settlementId its settlement
   * @param vendorId the vendor
   * @param vendorName its name
   * @param payoutDetails where the bank sends it (the vendor's payout details)
   * @param amountMinor amount to transfer
   * @param clawbackMinor claw-backs netted before it
   * @param currency currency
   * @param status scheduled, exported, paid or failed
   * @param reference our reference for the transfer
   * @param bankReference the bank's reference, once paid
   * @param createdAt when it was scheduled
   * @param exportedAt when a bank export listed it
   * @param paidAt when it was marked paid
   */
  record Payout(
      long id,
      long settlementId,
      long vendorId,
      String vendorName,
      String payoutDetails,
      long amountMinor,
      long clawbackMinor,
      String currency,
      String status,
      String reference,
      String bankReference,
      OffsetDateTime createdAt,
      OffsetDateTime exportedAt,
      OffsetDateTime paidAt) {}

  /**
   * A vendor the caller may see statements of.
   *
   * @param id vendor id
   * @param name its name
   * @param status pending, active, suspended or rejected
   */
  record VendorRef(long id, String name, String status) {}

  /**
   * What the ledger holds for a vendor in one currency right now.
   *
   * @param currency currency
   * @param payableMinor owed to the vendor and not yet paid out (sales not yet settled, and
   *     referral shares given back after settlement)
   * @param receivableMinor claw-backs still to be netted against its next settlement
   */
  record Balance(String currency, long payableMinor, long receivableMinor) {}

  /**
   * A CSV file for the bank.
   *
   * @param csv the file, UTF-8 text with a header line
   * @param payouts how many payouts it lists
   */
  record Export(String csv, int payouts) {}

  /** Settlements, newest first; filters may be null. Admins only. */
  List<Settlement> settlements(AuthenticatedUser admin, Long vendorId, String status, int limit);

  /**
   * A settlement with its lines, for an admin or the vendor's owner.
   *
   * @throws org.ringplatform.platform.RingException not found for anyone else
   */
  Statement statement(AuthenticatedUser caller, long settlementId);

  /** Payouts, newest first; filters may be null. Admins only. */
  List<Payout> payouts(AuthenticatedUser admin, Long vendorId, String status, int limit);

  /**
   * The scheduled payouts as a CSV for the bank, marking them exported in the same transaction;
   * empty (a header only) when none is scheduled. Admins only.
   */
  Export exportPayouts(AuthenticatedUser admin);

  /** Payouts of a status (null: all) as CSV, changing nothing. Admins only. */
  Export payoutsCsv(AuthenticatedUser admin, String status);

  /**
   * Marks a scheduled or exported payout paid with the bank's reference, and its settlement paid.
   * Marking a paid payout again changes nothing. Admins only.
   */
  Payout markPaid(AuthenticatedUser admin, long payoutId, String bankReference);

  /** The vendors whose statements the caller sees: the ones they own (admins: all, by name). */
  List<VendorRef> vendorsOf(AuthenticatedUser caller);

  /**
   * Settlements of the caller's vendors (or of {@code vendorId}, which must be one of them, or any
   * for an admin), newest first.
   *
   * @throws org.ringplatform.platform.RingException not found when {@code vendorId} is not theirs
   */
  List<Settlement> vendorSettlements(AuthenticatedUser caller, Long vendorId, int limit);

  /** Payouts of the caller's vendors, like {@link #vendorSettlements}. */
  List<Payout> vendorPayouts(AuthenticatedUser caller, Long vendorId, int limit);

  /** The ledger balances of one of the caller's vendors, per currency. */
  List<Balance> vendorBalances(AuthenticatedUser caller, long vendorId);
}
