package org.ringplatform.testing.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader and writer for the gateway stand-ins, written apart from Ring's own so that
 * the stand-ins check Ring's messages independently. Numbers are kept as the text that was sent
 * ({@link Num}), as the gateways sign them.
 */
public final class MiniJson {

  /**
   * A number as written.
   *
   * @param text its lexeme
   */
  public record Num(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private final String s;
  private int i;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Parses an object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String json) {
    MiniJson p = new MiniJson(json);
    Object v = p.value();
    p.ws();
    if (p.i != json.length() || !(v instanceof Map)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return (Map<String, Object>) v;
  }

  /** A member's text ("" for null or absent); {@code path} descends into objects. */
  @SuppressWarnings("unchecked")
  public static String text(Map<String, Object> o, String... path) {
    Object v = o;
    for (String k : path) {
      v = v instanceof Map ? ((Map<String, Object>) v).get(k) : null;
    }
    return v == null ? "" : v.toString();
  }

  /** A JSON string literal. */
  public static String q(String v) {
    if (v == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private Object value() {
    ws();
    char c = s.charAt(i);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      i++;
      ws();
      if (s.charAt(i) == '}') {
        i++;
        return m;
      }
      do {
        ws();
        String k = str();
        ws();
        expect(':');
        m.put(k, value());
        ws();
      } while (s.charAt(i++) == ',');
      if (s.charAt(i - 1) != '}') {
        throw new IllegalArgumentException("bad object");
      }
      return m;
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      i++;
      ws();
      if (s.charAt(i) == ']') {
        i++;
        return l;
      }
      do {
        l.add(value());
        ws();
      } while (s.charAt(i++) == ',');
      if (s.charAt(i - 1) != ']') {
        throw new IllegalArgumentException("bad array");
      }
      return l;
    }
    if (c == '"') {
      return str();
    }
    for (String lit : new String[] {"true", "false", "null"}) {
      if (s.startsWith(lit, i)) {
        i += lit.length();
        return lit.equals("null") ? null : Boolean.valueOf(lit);
      }
    }
    int start = i;
    while (i < s.length() && "+-.eE0123456789".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    if (start == i) {
      throw new IllegalArgumentException("bad value at " + i);
    }
    return new Num(s.substring(start, i));
  }

  private String str() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private void expect(char c) {
    if (s.charAt(i++) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
    }
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }
}
