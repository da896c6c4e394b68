package org.ringplatform.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.tunnel.Channels.Refusal;

/** The Tunnel's channel rules, shared by the WebSocket and the SSE stream. */
class ChannelsTest {

  private static TunnelMessage discovery(Visibility visibility, boolean confidential) {
    return new TunnelMessage(
        1,
        Discovery.ENTITIES,
        "entity:created",
        null,
        visibility,
        confidential,
        "{}",
        OffsetDateTime.now());
  }

  @Test
  void aPersonsChannelIsOnlyTheirs() {
    assertEquals(Optional.empty(), Channels.refuseSubscribe("user:7", 7L, Role.MEMBER));
    assertEquals(
        Optional.of(Refusal.FORBIDDEN), Channels.refuseSubscribe("user:8", 7L, Role.ADMIN));
    assertEquals(
        Optional.of(Refusal.UNAUTHORIZED), Channels.refuseSubscribe("user:7", null, Role.VISITOR));
  }

  @Test
  void discoveryIsOpenToGuestsAndAdminOnlyToAdmins() {
    assertEquals(Optional.empty(), Channels.refuseSubscribe("entities", null, Role.VISITOR));
    assertEquals(Optional.empty(), Channels.refuseSubscribe("opportunities", null, Role.VISITOR));
    assertEquals(
        Optional.of(Refusal.FORBIDDEN), Channels.refuseSubscribe("admin", 1L, Role.MEMBER));
    assertEquals(Optional.empty(), Channels.refuseSubscribe("admin", 1L, Role.ADMIN));
  }

  @Test
  void unknownAndMalformedChannelsAreRefused() {
    for (String name : new String[] {"chat", "user:", "user:abc", "user:-1", "entities2"}) {
      assertFalse(Channels.isKnown(name), name);
      assertEquals(
          Optional.of(Refusal.FORBIDDEN), Channels.refuseSubscribe(name, 1L, Role.SUPERADMIN));
    }
  }

  @Test
  void clientsPublishOnlyToTheAdminChannelAndOnlyAsAdmins() {
    for (String channel : new String[] {"user:1", "entities", "opportunities"}) {
      assertEquals(
          Optional.of(Refusal.FORBIDDEN), Channels.refusePublish(channel, 1L, Role.SUPERADMIN));
    }
    assertEquals(Optional.empty(), Channels.refusePublish("admin", 1L, Role.ADMIN));
    assertEquals(Optional.of(Refusal.FORBIDDEN), Channels.refusePublish("admin", 1L, Role.MEMBER));
    assertEquals(
        Optional.of(Refusal.UNAUTHORIZED), Channels.refusePublish("admin", null, Role.VISITOR));
  }

  @Test
  void aConfidentialRowReachesOnlyConfidentialAccessAndGuestsSeePublicOnly() {
    TunnelMessage secret = discovery(Visibility.PUBLIC, true);
    assertFalse(Channels.delivers(secret, Role.MEMBER));
    assertFalse(Channels.delivers(secret, Role.VISITOR));
    assertTrue(Channels.delivers(secret, Role.CONFIDENTIAL));
    assertTrue(Channels.delivers(secret, Role.ADMIN));
    assertTrue(Channels.delivers(discovery(Visibility.PUBLIC, false), Role.VISITOR));
    assertFalse(Channels.delivers(discovery(Visibility.SUBSCRIBER, false), Role.VISITOR));
    assertFalse(Channels.delivers(discovery(Visibility.CONFIDENTIAL, false), Role.MEMBER));
  }
}
