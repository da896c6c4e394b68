package org.ringplatform.tunnel;

import java.time.OffsetDateTime;
import org.ringplatform.identity.Visibility;

/**
 * One delivered Tunnel message as the outbox keeps it: its delivery number ({@code id}, increasing
 * in delivery order), channel, event and JSON payload, and for discovery events the visibility that
 * decides who receives it.
 *
 * @param id the delivery number; clients resume after the last one they saw
 * @param channel e.g. {@code user:42}, {@code entities}, {@code admin}
 * @param event e.g. {@code notification:new}, {@code entity:created}
 * @param targetUserId the one person a {@code user:} message is for, else null
 * @param visibility who may receive a discovery event, or null when the channel decides alone
 * @param confidential the discovery row's confidential flag
 * @param payload the JSON payload
 * @param createdAt when the message was recorded
 */
public record TunnelMessage(
    long id,
    String channel,
    String event,
    Long targetUserId,
    Visibility visibility,
    boolean confidential,
    String payload,
    OffsetDateTime createdAt) {}
