package org.ringplatform.identity;

import java.util.Optional;

/**
 * A person's own account: sign-up and email confirmation, sign-in by password or emailed code,
 * password reset and change, and the profile. Answers never reveal whether an email is registered.
 */
public interface AccountService {

  /**
   * Registers an account and mails a confirmation link; for an email already registered it mails
   * that account a note instead, and answers the same.
   */
  void signUp(String email, char[] password, String displayName, String locale);

  /** Confirms the email of the account the single-use {@code token} was sent to. */
  void confirmEmail(String token);

  /** Mails a single-use reset link valid 30 minutes, if the account exists. */
  void requestPasswordReset(String email);

  /** Sets a new password with a reset token; every session and token of the account ends. */
  void resetPassword(String token, char[] newPassword);

  /**
   * Changes the password after checking the current one; other sessions end.
   *
   * @return the caller's identity with the account's new session epoch
   */
  AuthenticatedUser changePassword(long userId, char[] currentPassword, char[] newPassword);

  /** Mails a six-digit sign-in code valid 10 minutes, if the account exists and may sign in. */
  void requestLoginCode(String email);

  /** Signs in with an emailed code (five attempts per code). */
  AuthenticatedUser signInWithCode(String email, String code, String address);

  /** Signs in with a password; throttled per account and per address. */
  AuthenticatedUser signIn(String email, char[] password, String address);

  /** The identity of an account if it is active and {@code epoch} is still its session epoch. */
  Optional<AuthenticatedUser> current(long userId, int epoch);

  /** The account, for its owner. */
  UserAccount account(long userId);

  /** Replaces the account's public profile. */
  UserAccount updateProfile(long userId, ProfileUpdate update);
}
