package org.ringplatform.platform;

import jakarta.ejb.ApplicationException;

/**
 * A refusal the caller can understand: bad input, a missing right, a conflict. It carries a stable
 * code (also a resource-bundle key suffix for pages), the field at fault when there is one, and the
 * HTTP status the API answers with. Raising it rolls the transaction back, so nothing is half
 * written.
 */
@ApplicationException(rollback = true)
public class RingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The kind of refusal, with its HTTP status. */
  public enum Kind {
    INVALID(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409),
    TOO_LARGE(413),
    UNSUPPORTED_TYPE(415),
    /** Well-formed but not acceptable, e.g. an idempotency key reused with other parameters. */
    UNPROCESSABLE(422),
    THROTTLED(429),
    UNAVAILABLE(503);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String code;
  private final String field;

  public RingException(Kind kind, String code, String field, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.field = field;
  }

  public static RingException invalid(String code, String field, String message) {
    return new RingException(Kind.INVALID, code, field, message);
  }

  public static RingException forbidden(String message) {
    return new RingException(Kind.FORBIDDEN, "forbidden", null, message);
  }

  public static RingException notFound(String message) {
    return new RingException(Kind.NOT_FOUND, "not_found", null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Stable machine-readable code, e.g. {@code password_common}. */
  public String code() {
    return code;
  }

  /** The input field at fault, or null. */
  public String field() {
    return field;
  }
}
