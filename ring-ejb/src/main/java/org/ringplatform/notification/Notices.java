package org.ringplatform.notification;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Messages to a person shown in the portal ("your upgrade was approved"). The notification feature
 * (channels, preferences, live delivery) builds on the same table.
 */
public interface Notices {

  /**
   * One notice.
   *
   * @param id notice id
   * @param type what happened, also the resource-bundle key suffix of its text
   * @param payload JSON details
   * @param createdAt when
   * @param read whether the person has seen it
   */
  record Notice(long id, String type, String payload, OffsetDateTime createdAt, boolean read) {
    public long getId() {
      return id;
    }

    public String getPayload() {
      return payload;
    }

    public String getType() {
      return type;
    }

    public OffsetDateTime getCreatedAt() {
      return createdAt;
    }

    public boolean isRead() {
      return read;
    }
  }

  /** Tells {@code userId} that {@code type} happened. */
  void tell(long userId, String type, String payload);

  /**
   * Tells {@code userId} that {@code type} happened unless a notice with the same {@code dedupeKey}
   * was already stored for them (in this or any earlier transaction); safe to call again after a
   * retry or a restart.
   *
   * @return whether a notice was stored now
   */
  boolean tellOnce(long userId, String type, String dedupeKey, String payload);

  /** The person's latest notices, newest first. */
  List<Notice> recent(long userId, int limit);

  /** How many the person has not read. */
  long unread(long userId);

  /** Marks all of the person's notices read. */
  void markAllRead(long userId);
}
