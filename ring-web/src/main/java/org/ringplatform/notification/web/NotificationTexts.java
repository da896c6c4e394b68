package org.ringplatform.notification.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.ringplatform.notification.Notices.Notice;
import org.ringplatform.portal.web.BundleMessages;

/** The text of a notification in the page's language, from the {@code ntf} bundle. */
final class NotificationTexts {

  static final BundleMessages NTF = new BundleMessages("ntf");

  private NotificationTexts() {}

  static String text(Notice n) {
    String key = "type." + n.type();
    if (!NTF.has(key)) {
      return NTF.text("type.other");
    }
    String detail = detail(n.payload());
    return NTF.text(key, detail.isEmpty() ? "" : ": " + detail);
  }

  /**
   * The portal page a notice is about (a listing, an entity, a product, a store or an order), as a
   * path with its query, or null. Only ids are taken from the payload; the page itself checks who
   * may see it.
   */
  static String target(String payload) {
    if (payload == null || !payload.strip().startsWith("{")) {
      return null;
    }
    try (JsonReader r = Json.createReader(new StringReader(payload))) {
      JsonObject o = r.readObject();
      if (o.get("opportunityId") instanceof jakarta.json.JsonNumber id) {
        return "/opportunity?id=" + id.longValue();
      }
      if (o.containsKey("entity") && o.get("id") instanceof jakarta.json.JsonNumber id) {
        return "/entity?id=" + id.longValue();
      }
      // An order's notice may name its vendor and products too; the order is what it is about.
      if (o.get("orderId") instanceof jakarta.json.JsonNumber id) {
        return "/order?id=" + id.longValue();
      }
      if (o.get("productId") instanceof jakarta.json.JsonNumber id) {
        return "/store/product?id=" + id.longValue();
      }
      if (o.get("vendorId") instanceof jakarta.json.JsonNumber id) {
        return "/vendor?id=" + id.longValue();
      }
    } catch (RuntimeException e) {
      // Not JSON: no link.
    }
    return null;
  }

  /** What the notice is about, from its payload (a title, an entity's name, a number). */
  static String detail(String payload) {
    if (payload == null || !payload.strip().startsWith("{")) {
      return "";
    }
    try (JsonReader r = Json.createReader(new StringReader(payload))) {
      JsonObject o = r.readObject();
      for (String k : List.of("title", "entity", "name", "number")) {
        if (o.get(k) != null && o.get(k).getValueType() == JsonValue.ValueType.STRING) {
          return o.getString(k);
        }
      }
    } catch (RuntimeException e) {
      // Not JSON: no detail.
    }
    return "";
  }
}
