package org.ringplatform.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * "Remember me" devices: a long-lived cookie of a public series id and a secret that rotates on
 * each use. A secret presented twice means the cookie was copied; every device of the account is
 * then forgotten.
 */
public interface RememberMeService {

  /** Lifetime of a remembered device, in days. */
  int DAYS = 30;

  /**
   * A device after use: who it signs in and the rotated cookie value to send back.
   *
   * @param user the account
   * @param cookie the new cookie value
   */
  record Remembered(AuthenticatedUser user, String cookie) {}

  /**
   * A remembered device as its owner sees it.
   *
   * @param id device id
   * @param userAgent browser description
   * @param address network address when remembered
   * @param createdAt when it was remembered
   * @param lastUsedAt when it last signed in
   */
  record Device(
      long id,
      String userAgent,
      String address,
      OffsetDateTime createdAt,
      OffsetDateTime lastUsedAt) {}

  /** Remembers a device and returns its cookie value. */
  String remember(long userId, String userAgent, String address);

  /** Signs in with a cookie value, rotating its secret. */
  Optional<Remembered> use(String cookie);

  /** The account's remembered devices. */
  List<Device> devices(long userId);

  /** Forgets one of the account's devices. */
  void forget(long userId, long deviceId);

  /** Forgets the device of this cookie (sign-out). */
  void forget(String cookie);
}
