package org.ringplatform.identity;

import java.util.Optional;

/**
 * API tokens: a 15-minute RS256 access token that MicroProfile JWT verifies, and an opaque,
 * single-use refresh token, stored hashed, that rotates on every use. Presenting a used refresh
 * token again revokes its whole family.
 */
public interface TokenService {

  /** Lifetime of an access token, in seconds. */
  long ACCESS_SECONDS = 15 * 60;

  /**
   * What the token endpoint returns.
   *
   * @param accessToken the signed JWT
   * @param refreshToken the opaque refresh token
   * @param expiresIn seconds until the access token expires
   */
  record TokenPair(String accessToken, String refreshToken, long expiresIn) {}

  /** True when this deployment has a signing key. */
  boolean available();

  /** A new token family for a caller who just proved who they are. */
  TokenPair issue(AuthenticatedUser user);

  /** The next pair of a family, or empty for an unknown, used, revoked or expired token. */
  Optional<TokenPair> refresh(String refreshToken);

  /** Revokes the family of this refresh token (sign-out); unknown tokens are ignored. */
  void revoke(String refreshToken);
}
