package org.ringplatform.api;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An RFC 9457 problem-details body, the one shape every API error takes.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} for plain HTTP errors)
 * @param title short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail explanation of this occurrence, safe to show to the caller
 * @param instance the request path
 * @param errors field-level validation failures, empty unless the input was invalid
 * @param code a stable machine-readable code for Ring's own refusals (e.g. {@code
 *     password_common}), absent otherwise
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
@JsonbNillable(false)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors,
    String code) {

  /** The media type of problem bodies. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /**
   * One invalid input field.
   *
   * @param field the field (or parameter) name
   * @param message why it is invalid
   */
  public record FieldError(String field, String message) {}
}
