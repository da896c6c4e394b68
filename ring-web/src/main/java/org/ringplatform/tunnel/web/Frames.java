package org.ringplatform.tunnel.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;

/**
 * The Tunnel's JSON frames (docs/tunnel-protocol.md): reading a client frame and writing the
 * server's. A frame that is not a JSON object with a known {@code op} and well-typed fields is
 * refused with {@code INVALID_FRAME} and changes nothing.
 */
final class Frames {

  static final String INVALID_FRAME = "INVALID_FRAME";
  static final String UNAUTHORIZED = "UNAUTHORIZED";
  static final String AUTH_FAILED = "AUTH_FAILED";
  static final String FORBIDDEN = "FORBIDDEN";

  /** A frame refused as malformed. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private Frames() {}

  /** The frame as a JSON object with a string {@code op}. */
  static JsonObject parse(String text) throws Invalid {
    if (text == null || text.isBlank()) {
      throw new Invalid("Send a JSON object.");
    }
    JsonValue value;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonParsingException | IllegalStateException e) {
      throw new Invalid("Not valid JSON.");
    }
    if (!(value instanceof JsonObject frame)) {
      throw new Invalid("Send a JSON object.");
    }
    if (!(frame.get("op") instanceof jakarta.json.JsonString)) {
      throw new Invalid("The frame needs a string \"op\".");
    }
    return frame;
  }

  /** A required string field of 1 to {@code max} characters. */
  static String string(JsonObject frame, String field, int max) throws Invalid {
    JsonValue v = frame.get(field);
    if (!(v instanceof jakarta.json.JsonString s)
        || s.getString().isBlank()
        || s.getString().length() > max) {
      throw new Invalid("\"" + field + "\" must be a string of 1 to " + max + " characters.");
    }
    return s.getString();
  }

  /** An optional string field (null or absent: empty). */
  static Optional<String> optionalString(JsonObject frame, String field) throws Invalid {
    JsonValue v = frame.get(field);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof jakarta.json.JsonString s)) {
      throw new Invalid("\"" + field + "\" must be a string.");
    }
    return Optional.of(s.getString());
  }

  /** An optional non-negative whole number, also accepted as a string of digits. */
  static Optional<Long> optionalId(JsonObject frame, String field) throws Invalid {
    JsonValue v = frame.get(field);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    try {
      long id =
          v instanceof jakarta.json.JsonNumber n
              ? n.longValueExact()
              : v instanceof jakarta.json.JsonString s ? Long.parseLong(s.getString()) : -1;
      if (id < 0) {
        throw new Invalid("\"" + field + "\" must be a message id.");
      }
      return Optional.of(id);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new Invalid("\"" + field + "\" must be a message id.");
    }
  }

  static String error(String code, String message) {
    return Json.createObjectBuilder()
        .add("op", "error")
        .add("code", code)
        .add("message", message)
        .build()
        .toString();
  }

  static String authOk(Long userId, String role, int idleTimeoutSeconds) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("op", "auth_ok");
    if (userId == null) {
      b.addNull("userId");
    } else {
      b.add("userId", userId);
    }
    return b.add("role", role).add("idleTimeout", idleTimeoutSeconds).build().toString();
  }

  static String pong(JsonValue id) {
    return Json.createObjectBuilder()
        .add("op", "pong")
        .add("id", id == null ? JsonValue.NULL : id)
        .build()
        .toString();
  }

  static String subscribed(String channel, long lastId) {
    return Json.createObjectBuilder()
        .add("op", "subscribed")
        .add("channel", channel)
        .add("lastId", lastId)
        .build()
        .toString();
  }
}
