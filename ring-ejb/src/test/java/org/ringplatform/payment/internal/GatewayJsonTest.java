package org.ringplatform.payment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway JSON reader keeps numbers exactly as written and reads nested events. */
class GatewayJsonTest {

  @Test
  void numbersKeepTheirTextSoSignaturesSeeWhatWasSent() {
    Map<String, Object> o = GatewayJson.object("{\"a\":100.00,\"b\":1E+2,\"c\":-0.5,\"d\":7}");
    assertEquals("100.00", GatewayJson.text(o, "a"));
    assertEquals("1E+2", GatewayJson.text(o, "b"));
    assertEquals("-0.5", GatewayJson.text(o, "c"));
    assertEquals(7L, GatewayJson.whole(o, "d"));
    assertNull(GatewayJson.whole(o, "c"));
  }

  @Test
  void stringsAreUnescapedAndMissingOrNullFieldsReadAsEmpty() {
    Map<String, Object> o =
        GatewayJson.object("{\"name\":\"\\u041a\\u0430\\u0432\\u0430 \\\"x\\\"\",\"n\":null}");
    assertEquals("Кава \"x\"", GatewayJson.text(o, "name"));
    assertEquals("", GatewayJson.text(o, "n"));
    assertEquals("", GatewayJson.text(o, "absent"));
  }

  @Test
  void nestedMembersAreReachedByPath() {
    Map<String, Object> e =
        GatewayJson.object(
            "{\"id\":\"evt_1\",\"data\":{\"object\":{\"amount_total\":1050,"
                + "\"metadata\":{\"reference\":\"wallettopup_1_2\"}}},\"list\":[1,{\"x\":true}]}");
    assertEquals(1050L, GatewayJson.whole(e, "data", "object", "amount_total"));
    assertEquals(
        "wallettopup_1_2", GatewayJson.string(e, "data", "object", "metadata", "reference"));
  }

  @Test
  void malformedDocumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> GatewayJson.object("{\"a\":1"));
    assertThrows(IllegalArgumentException.class, () -> GatewayJson.object("[1]"));
    assertThrows(IllegalArgumentException.class, () -> GatewayJson.object("{\"a\":1} x"));
    assertThrows(IllegalArgumentException.class, () -> GatewayJson.object("{'a':1}"));
  }

  @Test
  void quotingRoundTrips() {
    String s = "a\"b\\c\nd\u0001Кава";
    assertEquals(
        s, GatewayJson.text(GatewayJson.object("{\"v\":" + GatewayJson.quote(s) + "}"), "v"));
  }
}
