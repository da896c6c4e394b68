package org.ringplatform.notification.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.ringplatform.notification.NotificationService;
import org.ringplatform.notification.NotificationService.Preference;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The notification settings page ({@code /account/notifications}): a table of notification types by
 * channel (in the app, by email), each a checkbox, saved together.
 */
@Named
@ViewScoped
public class NotificationSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One editable row. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String type;
    private boolean inApp;
    private boolean email;

    Row(Preference p) {
      this.type = p.type();
      this.inApp = p.inApp();
      this.email = p.email();
    }

    public String getType() {
      return type;
    }

    public boolean isInApp() {
      return inApp;
    }

    public void setInApp(boolean inApp) {
      this.inApp = inApp;
    }

    public boolean isEmail() {
      return email;
    }

    public void setEmail(boolean email) {
      this.email = email;
    }
  }

  @Inject private NotificationService notifications;
  @Inject private Caller caller;

  private List<Row> rows = new ArrayList<>();

  @PostConstruct
  void init() {
    show(notifications.preferences(caller.require().id()));
  }

  private void show(List<Preference> preferences) {
    rows = new ArrayList<>(preferences.stream().map(Row::new).toList());
  }

  public void save() {
    try {
      show(
          notifications.updatePreferences(
              caller.require().id(),
              rows.stream().map(r -> new Preference(r.type, r.inApp, r.email)).toList()));
      NotificationTexts.NTF.info("settings.saved");
    } catch (RingException e) {
      NotificationTexts.NTF.refusal(e, "settings");
    }
  }

  public List<Row> getRows() {
    return rows;
  }
}
