package org.ringplatform.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The ledger as admins read it (the console and its API): balances by account with filters, recent
 * entries with their legs, and the platform's revenue per day. Reads only; every movement goes
 * through {@link Ledger}.
 */
public interface LedgerConsole {

  /**
   * One leg of an entry.
   *
   * @param account account code
   * @param currency currency
   * @param side D or C
   * @param amountMinor amount
   */
  record Leg(String account, String currency, String side, long amountMinor) {}

  /**
   * An entry with its legs.
   *
   * @param id entry id
   * @param key its idempotency key
   * @param kind its kind
   * @param description its description
   * @param reference the payment or payout reference, or null
   * @param reversesId the entry it reverses, or null
   * @param actorId who caused it, or null
   * @param at when
   * @param legs its postings
   */
  record Entry(
      long id,
      String key,
      String kind,
      String description,
      String reference,
      Long reversesId,
      Long actorId,
      OffsetDateTime at,
      List<Leg> legs) {}

  /**
   * The platform's revenue of one UTC day: what was credited less what was debited (refunds).
   *
   * @param day the day
   * @param commissionMinor net change of {@code platform_commission}
   * @param membershipMinor net change of {@code membership_revenue}
   */
  record DayRevenue(LocalDate day, long commissionMinor, long membershipMinor) {

    public long totalMinor() {
      return commissionMinor + membershipMinor;
    }
  }

  /**
   * Balances of the accounts whose code starts with {@code codePrefix} (empty for all) in {@code
   * currency} (null for all), by code.
   */
  List<Ledger.Balance> balances(String codePrefix, String currency, int offset, int limit);

  /** How many accounts {@link #balances} would list without paging. */
  long accountCount(String codePrefix, String currency);

  /**
   * Entries newest first: of a kind (null for all), touching an account code (null for all), with
   * ids below {@code beforeId} (null for the newest).
   */
  List<Entry> entries(String kind, String accountCode, Long beforeId, int limit);

  /** The entry kinds posted so far, by name. */
  List<String> kinds();

  /** The currencies the ledger has accounts in, by code. */
  List<String> currencies();

  /** Revenue per day of the last {@code days} UTC days in {@code currency}, oldest first. */
  List<DayRevenue> revenueByDay(String currency, int days);
}
