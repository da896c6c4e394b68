package org.ringplatform.notification.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.notification.Notices.Notice;
import org.ringplatform.notification.NotificationService;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The inbox page ({@code /notifications}): the signed-in person's notifications, newest first,
 * unread ones highlighted, with "unread only", mark one read and mark all read. The layout's live
 * badge tells the page when a new one arrives.
 */
@Named
@ViewScoped
public class NotificationInbox implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 20;

  @Inject private NotificationService notifications;
  @Inject private Caller caller;

  private boolean unreadOnly;
  private int shown = PAGE;
  private transient NotificationService.Page page;

  @PostConstruct
  void init() {
    load();
  }

  private void load() {
    page = notifications.list(caller.require().id(), unreadOnly, null, 0, Math.min(shown, 100));
  }

  public List<Notice> getItems() {
    if (page == null) {
      load();
    }
    return page.items();
  }

  public boolean isMore() {
    return page != null && page.total() > page.items().size() && shown < 100;
  }

  public long getUnread() {
    return notifications.unread(caller.require().id());
  }

  public String text(Notice n) {
    return NotificationTexts.text(n);
  }

  /** The page the notice is about, as a path for {@code portalLocale.href}, or null. */
  public String target(Notice n) {
    return NotificationTexts.target(n.payload());
  }

  public void markRead(long id) {
    try {
      notifications.markRead(caller.require().id(), id);
    } catch (RingException e) {
      NotificationTexts.NTF.refusal(e, null);
    }
    load();
  }

  public void markAllRead() {
    notifications.readAll(caller.require().id());
    NotificationTexts.NTF.info("inbox.markedAll");
    load();
  }

  public void more() {
    shown += PAGE;
    load();
  }

  public void refresh() {
    load();
  }

  public boolean isUnreadOnly() {
    return unreadOnly;
  }

  public void setUnreadOnly(boolean unreadOnly) {
    this.unreadOnly = unreadOnly;
  }
}
