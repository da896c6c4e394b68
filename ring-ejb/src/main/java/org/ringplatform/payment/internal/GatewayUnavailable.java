package org.ringplatform.payment.internal;

/**
 * A processor could not be asked or did not answer usably (network error, 5xx, an answer that fails
 * its signature). Callers turn it into 503 {@code processor_unavailable} or a failed refund; its
 * message never holds a secret.
 */
class GatewayUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  GatewayUnavailable(String message) {
    super(message, null, false, false);
  }

  GatewayUnavailable(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
