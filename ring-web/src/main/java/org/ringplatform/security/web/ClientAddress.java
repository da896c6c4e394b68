package org.ringplatform.security.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's network address for throttling and logs. Forwarded headers are ignored: a client
 * could forge them, and a proxy in front should be configured to set the remote address.
 */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    return request.getRemoteAddr();
  }
}
