package org.ringplatform.store.cart.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ringplatform.platform.RingException;

/**
 * Request bodies of the store's money endpoints, read strictly: only the fields an operation
 * documents are accepted, and anything that looks like a price, total, discount or fee is refused
 * by name ({@code 400 client_price_refused}), because the server computes every amount itself
 * (§22.1). A client that sends one learns at once that it is ignored, rather than believing it.
 */
public final class StrictJson {

  private static final Pattern PRICE_LIKE =
      Pattern.compile(".*(price|total|amount|discount|subtotal|commission|cost|fee|minor|tax).*");

  private final JsonObject body;

  private StrictJson(JsonObject body) {
    this.body = body;
  }

  /** Parses a JSON object body that may hold only {@code allowed} fields. */
  public static StrictJson parse(String text, Set<String> allowed) {
    if (text == null || text.isBlank()) {
      throw RingException.invalid("body_missing", null, "Send a JSON object.");
    }
    JsonValue value;
    try (JsonReader r = Json.createReader(new StringReader(text))) {
      value = r.readValue();
    } catch (JsonException e) {
      throw RingException.invalid("body_malformed", null, "The body is not valid JSON.");
    }
    if (!(value instanceof JsonObject o)) {
      throw RingException.invalid("body_malformed", null, "The body must be a JSON object.");
    }
    return of(o, allowed);
  }

  /** A nested object, held to the same rules. */
  public static StrictJson of(JsonObject o, Set<String> allowed) {
    for (String key : o.keySet()) {
      if (allowed.contains(key)) {
        continue;
      }
      if (PRICE_LIKE.matcher(key.toLowerCase(Locale.ROOT)).matches()) {
        throw RingException.invalid(
            "client_price_refused",
            key,
            "Prices, totals, discounts and shipping are computed by the server; remove \""
                + key
                + "\".");
      }
      throw RingException.invalid("unknown_field", key, "Unknown field \"" + key + "\".");
    }
    return new StrictJson(o);
  }

  private boolean absent(String key) {
    return !body.containsKey(key) || body.isNull(key);
  }

  /** A whole number, or null when absent. */
  public Long longValue(String key) {
    if (absent(key)) {
      return null;
    }
    if (body.get(key) instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.longValueExact();
      } catch (ArithmeticException e) {
        // Falls through to the refusal.
      }
    }
    throw RingException.invalid(key + "_invalid", key, key + " must be a whole number.");
  }

  /** A whole number that is required. */
  public long requiredLong(String key) {
    Long v = longValue(key);
    if (v == null) {
      throw RingException.invalid(key + "_invalid", key, key + " is required.");
    }
    return v;
  }

  /** A whole number of int range, or {@code fallback} when absent. */
  public int intValue(String key, int fallback) {
    Long v = longValue(key);
    if (v == null) {
      return fallback;
    }
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw RingException.invalid(key + "_invalid", key, key + " is out of range.");
    }
    return v.intValue();
  }

  /** A string, or null when absent. */
  public String string(String key) {
    if (absent(key)) {
      return null;
    }
    if (body.get(key) instanceof JsonString s) {
      return s.getString();
    }
    throw RingException.invalid(key + "_invalid", key, key + " must be a string.");
  }

  /** A nested object held to {@code allowed}, or null when absent. */
  public StrictJson object(String key, Set<String> allowed) {
    if (absent(key)) {
      return null;
    }
    if (body.get(key) instanceof JsonObject o) {
      return of(o, allowed);
    }
    throw RingException.invalid(key + "_invalid", key, key + " must be an object.");
  }
}
