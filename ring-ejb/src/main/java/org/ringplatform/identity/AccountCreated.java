package org.ringplatform.identity;

/**
 * CDI event fired synchronously, inside the sign-up transaction, when a new account has been
 * created, so that other features can record what belongs to a new account (the referral that
 * brought the person) in the same transaction. Not fired for a sign-up with an email that already
 * has an account.
 *
 * @param userId the new account
 */
public record AccountCreated(long userId) {}
