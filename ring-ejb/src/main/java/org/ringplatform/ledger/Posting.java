package org.ringplatform.ledger;

/**
 * One leg of a ledger entry: a debit or a credit of a positive amount to one account.
 *
 * @param account the account
 * @param side {@code 'D'} debit or {@code 'C'} credit
 * @param amountMinor positive amount in the account's currency, minor units
 */
public record Posting(Account account, char side, long amountMinor) {

  public Posting {
    if (side != 'D' && side != 'C') {
      throw new IllegalArgumentException("side must be D or C");
    }
    if (amountMinor <= 0) {
      throw new IllegalArgumentException("A posting moves a positive amount");
    }
  }

  public static Posting debit(Account account, long amountMinor) {
    return new Posting(account, 'D', amountMinor);
  }

  public static Posting credit(Account account, long amountMinor) {
    return new Posting(account, 'C', amountMinor);
  }
}
