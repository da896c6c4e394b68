package org.ringplatform.notification.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.ringplatform.notification.NotificationService;
import org.ringplatform.security.web.Caller;
import org.ringplatform.tunnel.Channels;

/**
 * The header's notification badge: the unread count when the page is rendered and the Tunnel
 * channel on which the page's script hears of new ones.
 */
@Named
@RequestScoped
public class NotificationBadge {

  @Inject private NotificationService notifications;
  @Inject private Caller caller;

  private Long unread;

  public long getUnread() {
    if (unread == null) {
      unread = caller.find().map(u -> notifications.unread(u.id())).orElse(0L);
    }
    return unread;
  }

  /** {@code user:<id>} of the signed-in person, or empty. */
  public String getChannel() {
    return caller.find().map(u -> Channels.user(u.id())).orElse("");
  }
}
