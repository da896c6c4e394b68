package org.ringplatform.tunnel;

import java.util.Optional;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.VisibilityPolicy;

/**
 * The Tunnel's channels and who may use them, the same rules for the WebSocket and the SSE
 * fallback: {@code user:<id>} (a person's own channel and notification inbox) only its owner; the
 * discovery channels {@code entities} and {@code opportunities} anyone, guests included, each event
 * filtered by its visibility; {@code admin} only admins. Clients publish only to {@code admin}, and
 * only admins; inbox and discovery channels are written by the server alone.
 */
public final class Channels {

  /** Prefix of a person's own channel. */
  public static final String USER_PREFIX = "user:";

  /** The administrators' channel. */
  public static final String ADMIN = "admin";

  /** Why an operation on a channel is refused. */
  public enum Refusal {
    /** The operation needs a signed-in caller. */
    UNAUTHORIZED,
    /** The caller may not use this channel this way. */
    FORBIDDEN
  }

  private Channels() {}

  /** The channel of person {@code userId}. */
  public static String user(long userId) {
    return USER_PREFIX + userId;
  }

  /** Whether {@code channel} is a discovery channel. */
  public static boolean isDiscovery(String channel) {
    return Discovery.ENTITIES.equals(channel) || Discovery.OPPORTUNITIES.equals(channel);
  }

  /** Whether {@code channel} is a name the Tunnel knows. */
  public static boolean isKnown(String channel) {
    return isDiscovery(channel) || ADMIN.equals(channel) || ownerOf(channel).isPresent();
  }

  /** The owner of a {@code user:<id>} channel. */
  public static Optional<Long> ownerOf(String channel) {
    if (channel == null || !channel.startsWith(USER_PREFIX)) {
      return Optional.empty();
    }
    String id = channel.substring(USER_PREFIX.length());
    if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(id));
  }

  /**
   * Why {@code userId} (null for a guest) with {@code role} may not subscribe to {@code channel},
   * or empty when they may.
   */
  public static Optional<Refusal> refuseSubscribe(String channel, Long userId, Role role) {
    if (isDiscovery(channel)) {
      return Optional.empty();
    }
    Optional<Long> owner = ownerOf(channel);
    if (owner.isPresent() || ADMIN.equals(channel)) {
      if (userId == null) {
        return Optional.of(Refusal.UNAUTHORIZED);
      }
      boolean allowed = owner.isPresent() ? owner.get().equals(userId) : role.isPlatformAdmin();
      return allowed ? Optional.empty() : Optional.of(Refusal.FORBIDDEN);
    }
    return Optional.of(Refusal.FORBIDDEN);
  }

  /** Why {@code userId} with {@code role} may not publish to {@code channel}, or empty. */
  public static Optional<Refusal> refusePublish(String channel, Long userId, Role role) {
    if (userId == null) {
      return Optional.of(Refusal.UNAUTHORIZED);
    }
    return ADMIN.equals(channel) && role.isPlatformAdmin()
        ? Optional.empty()
        : Optional.of(Refusal.FORBIDDEN);
  }

  /**
   * Whether a subscriber with {@code role} receives {@code message}: discovery events only when the
   * visibility policy lets them see the row (a confidential row never reaches a subscriber without
   * confidential access; guests see public rows only).
   */
  public static boolean delivers(TunnelMessage message, Role role) {
    return message.visibility() == null
        || VisibilityPolicy.canSee(role, message.visibility(), message.confidential());
  }
}
