package org.ringplatform.identity.web;

/**
 * Where to go after signing in: the {@code next} address only when it is a path on this site, so
 * that a crafted link cannot send someone elsewhere after they sign in (an open redirect).
 */
public final class SignInTarget {

  private SignInTarget() {}

  /**
   * True for a local absolute path: starts with one slash (not {@code //}, which a browser reads as
   * another host), and has no backslash, whitespace or control character (browsers drop or rewrite
   * those, so {@code /\t/evil} could become {@code //evil}).
   */
  public static boolean isSafe(String next) {
    if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")) {
      return false;
    }
    for (int i = 0; i < next.length(); i++) {
      char c = next.charAt(i);
      if (c == '\\' || c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }
}
