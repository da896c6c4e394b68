package org.ringplatform.notification.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationService;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.platform.MailMessage;
import org.ringplatform.platform.PlatformSettings;
import org.ringplatform.platform.RingException;
import org.ringplatform.tunnel.Tunnel;

/**
 * Notices on the {@code notifications} table with per-type preferences: stored in the caller's
 * transaction, pushed to the person's Tunnel channel and mailed (when opted in) only after it
 * commits, since both go through the outbox and the after-commit mailer.
 */
@Stateless
public class DefaultNotices implements NotificationService, Notices {

  private static final Logger LOG = Logger.getLogger(DefaultNotices.class.getName());

  /** Event on the person's channel when a notice arrives. */
  static final String EVENT_NEW = "notification:new";

  /** Event on the person's channel when notices were read (for badges in other tabs). */
  static final String EVENT_READ = "notification:read";

  @PersistenceContext private EntityManager em;
  @Inject private Tunnel tunnel;
  @Inject private Event<MailMessage> mail;
  @Inject private PlatformSettings settings;

  @Inject
  @ConfigProperty(name = "ring.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  // ---- Telling -------------------------------------------------------------------------------

  @Override
  public void tell(long userId, String type, String payload) {
    deliver(userId, type, null, payload);
  }

  @Override
  public boolean tellOnce(long userId, String type, String dedupeKey, String payload) {
    return deliver(userId, type, dedupeKey, payload);
  }

  private boolean deliver(long userId, String type, String dedupeKey, String payload) {
    String body = payload == null || payload.isBlank() ? "{}" : payload;
    boolean inApp = wants(userId, type, IN_APP);
    boolean email = wants(userId, type, EMAIL);
    @SuppressWarnings("unchecked")
    List<Object[]> inserted =
        em.createNativeQuery(
                "insert into ring.notifications(user_id, type, payload, dedupe_key, in_app)"
                    + " values (?1, ?2, ?3, ?4, ?5)"
                    + " on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing"
                    + " returning id, created_at")
            .setParameter(1, userId)
            .setParameter(2, type)
            .setParameter(3, body)
            .setParameter(4, dedupeKey)
            .setParameter(5, inApp)
            .getResultList();
    if (inserted.isEmpty()) {
      return false;
    }
    long id = ((Number) inserted.get(0)[0]).longValue();
    if (inApp) {
      Notice notice = new Notice(id, type, body, time(inserted.get(0)[1]), false);
      tunnel.toUser(
          userId,
          EVENT_NEW,
          Json.createObjectBuilder()
              .add("notification", json(notice))
              .add("unread", unread(userId))
              .build()
              .toString());
    }
    if (email) {
      mailTo(userId, id, type, body);
    }
    return true;
  }

  private void mailTo(long userId, long id, String type, String payload) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select email, locale from ring.users where id = ?1 and status = 'active'")
            .setParameter(1, userId)
            .getResultList();
    if (rows.isEmpty()) {
      return;
    }
    String locale = rows.get(0)[1] == null ? "en" : (String) rows.get(0)[1];
    String prefix = "en".equals(locale) ? "" : "/" + locale;
    String link = publicUrl.replaceAll("/+$", "") + prefix + "/notifications";
    mail.fire(compose((String) rows.get(0)[0], locale, type, link, payload));
    em.createNativeQuery("update ring.notifications set emailed_at = now() where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    LOG.log(Level.FINE, "Notice {0} of type {1} mailed", new Object[] {id, type});
  }

  /** The email for a notice, in the person's language, from the {@code mail} bundles. */
  MailMessage compose(String to, String locale, String type, String link, String payload) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            "org.ringplatform.notification.mail",
            Locale.forLanguageTag(locale),
            DefaultNotices.class.getClassLoader());
    String key = bundle.containsKey(type + ".subject") ? type : "other";
    String detail = detail(payload);
    Object[] args = {settings.whiteLabel().name(), link, detail};
    try {
      return new MailMessage(
          to,
          MessageFormat.format(bundle.getString(key + ".subject"), args),
          MessageFormat.format(bundle.getString(key + ".text"), args));
    } catch (MissingResourceException e) {
      throw new IllegalStateException("Notification mail text missing: " + key, e);
    }
  }

  /** The name a notice is about (a listing's title, an entity's name), for its email. */
  private static String detail(String payload) {
    JsonValue v = parse(payload);
    if (v instanceof JsonObject o) {
      for (String k : List.of("title", "entity", "name", "number")) {
        if (o.containsKey(k) && o.get(k).getValueType() == JsonValue.ValueType.STRING) {
          return o.getString(k);
        }
      }
    }
    return "";
  }

  // ---- Preferences ---------------------------------------------------------------------------

  private boolean wants(long userId, String type, String channel) {
    List<?> rows =
        em.createNativeQuery(
                "select enabled from ring.notification_preferences"
                    + " where user_id = ?1 and type = ?2 and channel = ?3")
            .setParameter(1, userId)
            .setParameter(2, type)
            .setParameter(3, channel)
            .getResultList();
    if (!rows.isEmpty()) {
      return Boolean.TRUE.equals(rows.get(0));
    }
    return IN_APP.equals(channel)
        || NotificationTypes.find(type).map(NotificationTypes.Type::emailByDefault).orElse(false);
  }

  @Override
  public List<Preference> preferences(long userId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select type, channel, enabled from ring.notification_preferences"
                    + " where user_id = ?1")
            .setParameter(1, userId)
            .getResultList();
    Map<String, Boolean> chosen = new HashMap<>();
    for (Object[] r : rows) {
      chosen.put(r[0] + "/" + r[1], Boolean.TRUE.equals(r[2]));
    }
    List<Preference> out = new ArrayList<>();
    for (NotificationTypes.Type t : NotificationTypes.ALL) {
      out.add(
          new Preference(
              t.id(),
              chosen.getOrDefault(t.id() + "/" + IN_APP, true),
              chosen.getOrDefault(t.id() + "/" + EMAIL, t.emailByDefault())));
    }
    return out;
  }

  @Override
  public List<Preference> updatePreferences(long userId, List<Preference> changes) {
    if (changes == null) {
      throw RingException.invalid("body_missing", null, "Send the preferences.");
    }
    for (Preference p : changes) {
      if (p == null || p.type() == null || NotificationTypes.find(p.type()).isEmpty()) {
        throw RingException.invalid(
            "type_invalid", "type", "Unknown notification type: " + (p == null ? null : p.type()));
      }
    }
    for (Preference p : changes) {
      store(userId, p.type(), IN_APP, p.inApp());
      store(userId, p.type(), EMAIL, p.email());
    }
    return preferences(userId);
  }

  private void store(long userId, String type, String channel, boolean enabled) {
    em.createNativeQuery(
            "insert into ring.notification_preferences(user_id, type, channel, enabled)"
                + " values (?1, ?2, ?3, ?4) on conflict (user_id, type, channel)"
                + " do update set enabled = excluded.enabled")
        .setParameter(1, userId)
        .setParameter(2, type)
        .setParameter(3, channel)
        .setParameter(4, enabled)
        .executeUpdate();
  }

  // ---- Reading -------------------------------------------------------------------------------

  @Override
  public List<Notice> recent(long userId, int limit) {
    return list(userId, false, null, 0, Math.max(1, Math.min(limit, 100))).items();
  }

  @Override
  public Page list(long userId, boolean unreadOnly, String type, int page, int size) {
    if (page < 0 || page > 10_000) {
      throw RingException.invalid("page_invalid", "page", "Give a page from 0 to 10000.");
    }
    if (size < 1 || size > 100) {
      throw RingException.invalid("size_invalid", "size", "Give a page size from 1 to 100.");
    }
    String where =
        " from ring.notifications where user_id = ?1 and in_app"
            + (unreadOnly ? " and read_at is null" : "")
            + (type == null || type.isBlank() ? "" : " and type = ?2");
    Query count = em.createNativeQuery("select count(*)" + where).setParameter(1, userId);
    Query rows =
        em.createNativeQuery(
                "select id, type, payload, created_at, read_at is not null"
                    + where
                    + " order by created_at desc, id desc limit ?3 offset ?4")
            .setParameter(1, userId)
            .setParameter(3, size)
            .setParameter(4, page * size);
    if (type != null && !type.isBlank()) {
      count.setParameter(2, type.strip());
      rows.setParameter(2, type.strip());
    }
    @SuppressWarnings("unchecked")
    List<Object[]> found = rows.getResultList();
    List<Notice> items =
        found.stream()
            .map(
                r ->
                    new Notice(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        time(r[3]),
                        Boolean.TRUE.equals(r[4])))
            .toList();
    return new Page(items, ((Number) count.getSingleResult()).longValue(), page, size);
  }

  @Override
  public long unread(long userId) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from ring.notifications"
                        + " where user_id = ?1 and read_at is null and in_app")
                .setParameter(1, userId)
                .getSingleResult())
        .longValue();
  }

  @Override
  public void markRead(long userId, long notificationId) {
    List<?> owner =
        em.createNativeQuery(
                "select user_id from ring.notifications where id = ?1 and user_id = ?2 and in_app")
            .setParameter(1, notificationId)
            .setParameter(2, userId)
            .getResultList();
    if (owner.isEmpty()) {
      throw RingException.notFound("No such notification.");
    }
    int changed =
        em.createNativeQuery(
                "update ring.notifications set read_at = now() where id = ?1 and read_at is null")
            .setParameter(1, notificationId)
            .executeUpdate();
    if (changed > 0) {
      announceRead(userId, Json.createArrayBuilder().add(notificationId).build());
    }
  }

  @Override
  public void markAllRead(long userId) {
    readAll(userId);
  }

  @Override
  public int readAll(long userId) {
    int changed =
        em.createNativeQuery(
                "update ring.notifications set read_at = now()"
                    + " where user_id = ?1 and read_at is null")
            .setParameter(1, userId)
            .executeUpdate();
    if (changed > 0) {
      announceRead(userId, JsonValue.NULL);
    }
    return changed;
  }

  private void announceRead(long userId, JsonValue ids) {
    tunnel.toUser(
        userId,
        EVENT_READ,
        Json.createObjectBuilder()
            .add("ids", ids)
            .add("unread", unread(userId))
            .build()
            .toString());
  }

  // ---- JSON ----------------------------------------------------------------------------------

  /** A notice as JSON, the payload embedded as JSON (or as a string if it is not JSON). */
  static JsonObjectBuilder json(Notice n) {
    return Json.createObjectBuilder()
        .add("id", n.id())
        .add("type", n.type())
        .add("payload", parse(n.payload()))
        .add("createdAt", n.createdAt().toString())
        .add("read", n.read());
  }

  private static JsonValue parse(String payload) {
    if (payload == null || payload.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (var reader = Json.createReader(new StringReader(payload))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      return Json.createValue(payload);
    }
  }

  private static OffsetDateTime time(Object value) {
    return value instanceof Timestamp t
        ? t.toInstant().atOffset(ZoneOffset.UTC)
        : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
