package org.ringplatform.platform;

/**
 * The checks every service applies to a free-text field before storing it: trimmed, length-bound,
 * refused with a field-named {@code <field>_invalid} problem.
 */
public final class TextInput {

  private TextInput() {}

  /** A field that must hold {@code min} to {@code max} characters after trimming. */
  public static String required(String value, int min, int max, String field, String message) {
    String v = value == null ? "" : value.strip();
    if (v.length() < Math.max(1, min) || v.length() > max) {
      throw RingException.invalid(field + "_invalid", field, message);
    }
    return v;
  }

  /** A field that may be empty (then null) or hold up to {@code max} characters after trimming. */
  public static String optional(String value, int max, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw RingException.invalid(field + "_invalid", field, "At most " + max + " characters.");
    }
    return v;
  }
}
