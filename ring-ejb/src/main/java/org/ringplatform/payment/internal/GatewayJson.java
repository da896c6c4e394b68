package org.ringplatform.payment.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the gateways, without a JSON-P provider (so signatures run in plain unit
 * tests). Numbers are kept as the exact text that was received ({@link Number}), because WayForPay
 * signs its fields as sent: {@code 100.00} and {@code 100} are different strings to an HMAC.
 * Objects keep their members' order.
 */
final class GatewayJson {

  /**
   * A JSON number exactly as written in the document.
   *
   * @param text the lexeme, e.g. {@code 1547.36}
   */
  record Number(String text) {
    BigDecimal decimal() {
      return new BigDecimal(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final String text;
  private int pos;

  private GatewayJson(String text) {
    this.text = text;
  }

  /**
   * Parses a document whose top level is an object.
   *
   * @throws IllegalArgumentException when it is not a JSON object
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (Map<String, Object>) v;
  }

  /** Parses a document into maps, lists, strings, {@link Number}s, booleans and nulls. */
  static Object parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no JSON");
    }
    GatewayJson p = new GatewayJson(text);
    p.space();
    Object v = p.value(0);
    p.space();
    if (p.pos != text.length()) {
      throw p.error();
    }
    return v;
  }

  /** The member at {@code path} of nested objects, or null. */
  @SuppressWarnings("unchecked")
  static Object at(Map<String, Object> root, String... path) {
    Object v = root;
    for (String key : path) {
      if (!(v instanceof Map)) {
        return null;
      }
      v = ((Map<String, Object>) v).get(key);
    }
    return v;
  }

  /**
   * A member as the text it stands for: a string's value, a number's or literal's lexeme, "" for
   * null or absent. This is the "as received" form WayForPay signs.
   */
  static String text(Map<String, Object> root, String... path) {
    Object v = at(root, path);
    return v == null ? "" : v.toString();
  }

  /** A member that must be a string, or null. */
  static String string(Map<String, Object> root, String... path) {
    return at(root, path) instanceof String s ? s : null;
  }

  /** A member that must be a whole number, or null. */
  static Long whole(Map<String, Object> root, String... path) {
    if (at(root, path) instanceof Number n) {
      try {
        return n.decimal().longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    return null;
  }

  /** A JSON string literal for {@code s} ({@code null} for null). */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private Object value(int depth) {
    if (depth > 64) {
      throw error();
    }
    if (pos >= text.length()) {
      throw error();
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    space();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      space();
      if (peek() != '"') {
        throw error();
      }
      String key = string();
      space();
      expect(':');
      space();
      map.put(key, value(depth + 1));
      space();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw error();
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    pos++;
    space();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      space();
      list.add(value(depth + 1));
      space();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw error();
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        throw error();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> b.append(e);
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error();
          }
          try {
            b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          } catch (NumberFormatException ex) {
            throw error();
          }
          pos += 4;
        }
        default -> throw error();
      }
    }
  }

  private Number number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    digits(true);
    if (peek() == '.') {
      pos++;
      digits(true);
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits(true);
    }
    return new Number(text.substring(start, pos));
  }

  private void digits(boolean required) {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (required && pos == start) {
      throw error();
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error();
    }
    pos += word.length();
    return value;
  }

  private void space() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error();
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw error();
    }
  }

  private IllegalArgumentException error() {
    return new IllegalArgumentException("malformed JSON at offset " + pos);
  }
}
