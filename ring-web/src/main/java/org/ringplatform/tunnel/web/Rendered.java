package org.ringplatform.tunnel.web;

import jakarta.json.Json;
import org.ringplatform.tunnel.TunnelMessage;

/**
 * A message and its text in each transport's format, made once per message however many clients
 * receive it.
 */
final class Rendered {

  final TunnelMessage message;
  private String webSocket;
  private String sse;
  private String sseUnnamed;

  Rendered(TunnelMessage message) {
    this.message = message;
  }

  /** {@code {"op":"message","id":..,"channel":..,"event":..,"payload":..}}. */
  synchronized String webSocket() {
    if (webSocket == null) {
      webSocket =
          "{\"op\":\"message\",\"id\":"
              + message.id()
              + ",\"channel\":"
              + Json.createValue(message.channel())
              + ",\"event\":"
              + Json.createValue(message.event())
              + ",\"payload\":"
              + message.payload()
              + "}";
    }
    return webSocket;
  }

  /**
   * An SSE event without an event name, so that a browser's {@code onmessage} receives it (the
   * event is in the data).
   */
  synchronized String sseUnnamed() {
    if (sseUnnamed == null) {
      sseUnnamed =
          "id: " + message.id() + "\ndata: " + webSocket().replaceAll("[\\r\\n]", "") + "\n\n";
    }
    return sseUnnamed;
  }

  /** An SSE event: {@code id}, {@code event} and the same JSON as data. */
  synchronized String sse() {
    if (sse == null) {
      sse =
          "id: "
              + message.id()
              + "\nevent: "
              + message.event().replaceAll("[\\r\\n]", "")
              + "\ndata: "
              + webSocket().replaceAll("[\\r\\n]", "")
              + "\n\n";
    }
    return sse;
  }
}
