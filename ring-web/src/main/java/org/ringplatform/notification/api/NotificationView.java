package org.ringplatform.notification.api;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.ringplatform.notification.Notices;

/**
 * A notification as the API shows it to its owner.
 *
 * @param id notification id
 * @param type what happened ({@code NotificationTypes})
 * @param payload the details, as JSON
 * @param createdAt when
 * @param read whether it was read
 */
public record NotificationView(
    long id, String type, JsonValue payload, OffsetDateTime createdAt, boolean read) {

  public static NotificationView of(Notices.Notice n) {
    return new NotificationView(n.id(), n.type(), parse(n.payload()), n.createdAt(), n.read());
  }

  private static JsonValue parse(String payload) {
    if (payload == null || payload.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(payload))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      return Json.createValue(payload);
    }
  }
}
