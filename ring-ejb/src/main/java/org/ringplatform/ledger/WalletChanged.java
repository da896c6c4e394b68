package org.ringplatform.ledger;

/**
 * CDI event fired by the ledger, inside the posting transaction, for each credit wallet an entry
 * changed. Observe it with {@code during = TransactionPhase.AFTER_SUCCESS} to tell the owner (the
 * Tunnel pushes the new balance), so a rolled-back spend is never announced.
 *
 * @param userId the wallet's owner
 * @param currency its currency
 * @param balanceMinor the balance after the entry
 * @param entryId the entry
 */
public record WalletChanged(long userId, String currency, long balanceMinor, long entryId) {}
