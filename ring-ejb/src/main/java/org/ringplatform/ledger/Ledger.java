package org.ringplatform.ledger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The double-entry ledger: every movement of money is an entry whose debits equal its credits in
 * each currency, posted atomically in the caller's transaction, never changed afterwards (a
 * correction is a reversing entry). Balances live on the account rows, locked while posting, so
 * concurrent debits of an account that must not be overdrawn never take it below zero.
 */
public interface Ledger {

  /**
   * Posts an entry in the caller's transaction, at most once per idempotency key: a second call
   * with the same key posts nothing and returns the first entry's id.
   *
   * @param idempotencyKey unique key of this movement, e.g. {@code payment:<reference>}
   * @param kind what it is ({@code payment}, {@code sale}, {@code refund}, {@code payout}, ...)
   * @param description a line for statements
   * @param reference the payment or order reference it belongs to, or null
   * @param actorId who caused it, or null for the system
   * @param postings at least two legs that balance per currency
   * @return the entry id
   * @throws org.ringplatform.platform.RingException INVALID when the legs do not balance, CONFLICT
   *     ({@code insufficient_funds}) when an account that must not be overdrawn would go below zero
   */
  long post(
      String idempotencyKey,
      String kind,
      String description,
      String reference,
      Long actorId,
      List<Posting> postings);

  /** Whether an entry with this idempotency key has been posted. */
  boolean posted(String idempotencyKey);

  /**
   * Posts the mirror image of an entry (debits become credits) under a new key; refused with
   * INVALID when the original does not exist. Idempotent like {@link #post}.
   */
  long reverse(long entryId, String idempotencyKey, String description, Long actorId);

  /** The balance of an account on its normal side, 0 when it has never been posted to. */
  long balance(Account account);

  /** The balance of the account with this code and currency, 0 when unknown. */
  long balance(String code, String currency);

  /**
   * One account and its balance.
   *
   * @param code account code
   * @param currency currency
   * @param kind account kind
   * @param balanceMinor balance on the normal side
   */
  record Balance(String code, String currency, String kind, long balanceMinor) {}

  /** All accounts whose code starts with {@code codePrefix} (empty for all), by code. */
  List<Balance> balances(String codePrefix, int limit);

  /**
   * One posting of an account's history.
   *
   * @param entryId the entry
   * @param kind the entry's kind
   * @param description the entry's description
   * @param reference the entry's reference
   * @param side D or C
   * @param amountMinor amount
   * @param balanceAfter the account's balance after this posting
   * @param at when
   */
  record Movement(
      long entryId,
      String kind,
      String description,
      String reference,
      char side,
      long amountMinor,
      long balanceAfter,
      OffsetDateTime at) {

    /** The amount signed on the account's normal side: positive when the balance grew. */
    public long signedFor(char normalSide) {
      return side == normalSide ? amountMinor : -amountMinor;
    }
  }

  /** An account's postings, newest first. */
  List<Movement> history(Account account, int offset, int limit);

  /**
   * What the balance check found wrong; empty lists mean the ledger is sound.
   *
   * @param unbalancedCurrencies currencies whose debits and credits differ over all postings
   * @param unbalancedEntries entries (ids) whose legs do not balance
   * @param driftingAccounts account codes whose stored balance differs from their postings
   * @param checkedAt when
   */
  record Check(
      List<String> unbalancedCurrencies,
      List<Long> unbalancedEntries,
      List<String> driftingAccounts,
      OffsetDateTime checkedAt) {

    public boolean sound() {
      return unbalancedCurrencies.isEmpty()
          && unbalancedEntries.isEmpty()
          && driftingAccounts.isEmpty();
    }
  }

  /** Verifies that all postings balance per currency and per entry and that balances agree. */
  Check check();

  /** The entry id posted under a key. */
  Optional<Long> entryFor(String idempotencyKey);
}
