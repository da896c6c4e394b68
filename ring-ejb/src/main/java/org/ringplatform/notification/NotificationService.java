package org.ringplatform.notification;

import java.util.List;

/**
 * The notification inbox and preferences on top of {@link Notices}: every notice stored for a
 * person is pushed live to their Tunnel channel {@code user:<id>} ({@code notification:new} with
 * the unread count) and, when they opted into email for its type, mailed after the commit.
 * Preferences are per type ({@link NotificationTypes}) and channel; in-app off means the notice is
 * kept only for "tell once" and never shown.
 */
public interface NotificationService extends Notices {

  /** The in-app channel. */
  String IN_APP = "in_app";

  /** The email channel. */
  String EMAIL = "email";

  /**
   * A person's choice for one type.
   *
   * @param type a {@link NotificationTypes} id
   * @param inApp show it in the inbox and live
   * @param email also send it by email
   */
  record Preference(String type, boolean inApp, boolean email) {}

  /**
   * One page of the inbox.
   *
   * @param items the notices on this page, newest first
   * @param total how many match the filter
   * @param page 0-based page number
   * @param size page size
   */
  record Page(List<Notice> items, long total, int page, int size) {}

  /**
   * The person's inbox, newest first.
   *
   * @param unreadOnly only unread notices
   * @param type only this type, or null for all
   * @param page 0-based page
   * @param size 1 to 100
   */
  Page list(long userId, boolean unreadOnly, String type, int page, int size);

  /** Marks one of the person's notices read; a notice of someone else is "not found". */
  void markRead(long userId, long notificationId);

  /**
   * Marks all of the person's notices read.
   *
   * @return how many were unread
   */
  int readAll(long userId);

  /** The person's preferences for every catalogued type, defaults filled in. */
  List<Preference> preferences(long userId);

  /**
   * Changes the person's preferences for the types given (others stay as they are).
   *
   * @return every preference after the change
   */
  List<Preference> updatePreferences(long userId, List<Preference> changes);
}
