package org.ringplatform.payment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.payment.PaymentRequest;

/**
 * The gateway step stored on a payment ({@code gateway_step}, JSON), which {@code /pay} renders:
 * the signed WayForPay form, or what a Stripe Checkout Session needs and, once created, its URL.
 */
final class GatewaySteps {

  /**
   * A stored step.
   *
   * @param url the form's target, or the session's page
   * @param fields the form's fields, in order
   * @param session the Stripe session id, or null
   * @param description the payment's description
   * @param lines the products
   */
  record Step(
      String url,
      Map<String, String> fields,
      String session,
      String description,
      List<PaymentRequest.Line> lines) {}

  private GatewaySteps() {}

  static String form(String url, Map<String, String> fields) {
    StringBuilder b = new StringBuilder("{\"url\":").append(GatewayJson.quote(url));
    b.append(",\"fields\":{");
    boolean first = true;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      b.append(first ? "" : ",")
          .append(GatewayJson.quote(f.getKey()))
          .append(':')
          .append(GatewayJson.quote(f.getValue()));
      first = false;
    }
    return b.append("}}").toString();
  }

  static String pending(String description, List<PaymentRequest.Line> lines) {
    return session(null, null, description, lines);
  }

  static String session(
      String url, String session, String description, List<PaymentRequest.Line> lines) {
    StringBuilder b = new StringBuilder("{\"url\":").append(GatewayJson.quote(url));
    b.append(",\"session\":").append(GatewayJson.quote(session));
    b.append(",\"description\":").append(GatewayJson.quote(description));
    b.append(",\"lines\":[");
    for (int i = 0; i < lines.size(); i++) {
      PaymentRequest.Line l = lines.get(i);
      b.append(i == 0 ? "" : ",")
          .append("{\"name\":")
          .append(GatewayJson.quote(l.name()))
          .append(",\"count\":")
          .append(l.count())
          .append(",\"unit\":")
          .append(l.unitMinor())
          .append('}');
    }
    return b.append("]}").toString();
  }

  @SuppressWarnings("unchecked")
  static Step read(String json) {
    if (json == null || json.isBlank()) {
      return new Step(null, Map.of(), null, null, List.of());
    }
    Map<String, Object> o = GatewayJson.object(json);
    Map<String, String> fields = new LinkedHashMap<>();
    if (o.get("fields") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> fields.put(String.valueOf(k), v == null ? "" : v.toString()));
    }
    List<PaymentRequest.Line> lines = new ArrayList<>();
    if (o.get("lines") instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> l) {
          Map<String, Object> line = (Map<String, Object>) l;
          Long count = GatewayJson.whole(line, "count");
          Long unit = GatewayJson.whole(line, "unit");
          if (count != null && unit != null) {
            lines.add(
                new PaymentRequest.Line(GatewayJson.text(line, "name"), count.intValue(), unit));
          }
        }
      }
    }
    return new Step(
        GatewayJson.string(o, "url"),
        fields,
        GatewayJson.string(o, "session"),
        GatewayJson.string(o, "description"),
        lines);
  }
}
