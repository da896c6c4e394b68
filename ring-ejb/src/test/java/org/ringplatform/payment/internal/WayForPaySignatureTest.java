package org.ringplatform.payment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * WayForPay's signatures against golden vectors. The expected values were computed with an
 * independent implementation (Python's hmac module), not with this code:
 *
 * <pre>
 * import hmac, hashlib
 * def md5(secret, parts):
 *     return hmac.new(secret.encode(), ';'.join(parts).encode('utf-8'), hashlib.md5).hexdigest()
 * sec = 'flk3409refn54t54t*FNJRET'
 * md5(sec, ['test_merch_n1', 'www.market.ua', 'DH783023', '1415379863', '1547.36', 'UAH',
 *     'Процессор Intel Core i5-4670 3.4GHz', 'Память Kingston DDR3-1600 4096MB PC3-12800',
 *     '1', '1', '1000', '547.36'])                       # c9bc2d1b724bf410e36f6d6adc0d3c45
 * md5(sec, ['test_merch_n1', 'ring.test', 'wallettopup_42_1700000000000', '1700000000', '1',
 *     'UAH', 'Кава', '1', '1'])                          # 268ab3928055a430ce29897249320b90
 * md5(sec, ['test_merch_n1', 'ring.test', 'store_7_1700000000123', '1700000000', '100', 'UAH',
 *     'Чай зелений', 'Печиво «Марія»', '2', '1', '25', '50'])  # 5d0f13cab87ce39f1368041c0296abef
 * md5(sec, ['test_merch_n1', 'DH783023', '1547.36', 'UAH', '541963', '41****8217', 'Approved',
 *     '1100'])                                           # ee460de4b316672fa974295ed4dba738
 * md5(sec, ['test_merch_n1', 'DH783023', '100.00', 'UAH', '', '', 'Declined', '1101'])
 *                                                        # 2fb7ac30b0467e92ac5fb5317188cb94
 * md5(sec, ['DH783023', 'accept', '1415379863'])         # bd8d3443f99fb2c7a8b610ac600c80b0
 * md5(sec, ['test_merch_n1', 'DH783023'])                # b1877c0b08a7d49a579f18ed68855ec6
 * md5(sec, ['test_merch_n1', 'DH783023', '1547.36', 'UAH'])  # aeef7da70d54098937a7930f64193710
 * </pre>
 *
 * The secret and merchant are WayForPay's published test credentials.
 */
class WayForPaySignatureTest {

  private static final String SECRET = "flk3409refn54t54t*FNJRET";
  private static final String MERCHANT = "test_merch_n1";

  @Test
  void purchaseSignsNamesThenCountsThenPricesWithCyrillicNames() {
    assertEquals(
        "c9bc2d1b724bf410e36f6d6adc0d3c45",
        WayForPaySignature.purchase(
            SECRET,
            MERCHANT,
            "www.market.ua",
            "DH783023",
            "1415379863",
            WayForPaySignature.amount(154736, "UAH"),
            "UAH",
            List.of(
                new WayForPaySignature.Product(
                    "Процессор Intel Core i5-4670 3.4GHz",
                    "1",
                    WayForPaySignature.amount(100000, "UAH")),
                new WayForPaySignature.Product(
                    "Память Kingston DDR3-1600 4096MB PC3-12800",
                    "1",
                    WayForPaySignature.amount(54736, "UAH")))));
  }

  @Test
  void purchaseOfOneHryvnia() {
    assertEquals(
        "268ab3928055a430ce29897249320b90",
        WayForPaySignature.purchase(
            SECRET,
            MERCHANT,
            "ring.test",
            "wallettopup_42_1700000000000",
            "1700000000",
            WayForPaySignature.amount(100, "UAH"),
            "UAH",
            List.of(
                new WayForPaySignature.Product(
                    "Кава", "1", WayForPaySignature.amount(100, "UAH")))));
  }

  @Test
  void purchaseOfAHundredWithSeveralProducts() {
    assertEquals(
        "5d0f13cab87ce39f1368041c0296abef",
        WayForPaySignature.purchase(
            SECRET,
            MERCHANT,
            "ring.test",
            "store_7_1700000000123",
            "1700000000",
            WayForPaySignature.amount(10000, "UAH"),
            "UAH",
            List.of(
                new WayForPaySignature.Product(
                    "Чай зелений", "2", WayForPaySignature.amount(2500, "UAH")),
                new WayForPaySignature.Product(
                    "Печиво «Марія»", "1", WayForPaySignature.amount(5000, "UAH")))));
  }

  @Test
  void amountsAreSentInPhpFloatFormNotWithFixedDecimals() {
    assertEquals("1", WayForPaySignature.amount(100, "UAH"));
    assertEquals("100", WayForPaySignature.amount(10000, "UAH"));
    assertEquals("1547.36", WayForPaySignature.amount(154736, "UAH"));
    assertEquals("10.5", WayForPaySignature.amount(1050, "UAH"));
    assertEquals("0.01", WayForPaySignature.amount(1, "UAH"));
  }

  @Test
  void aCallbackIsVerifiedOnItsFieldsAsReceived() {
    Map<String, Object> callback =
        GatewayJson.object(
            "{\"merchantAccount\":\"test_merch_n1\",\"orderReference\":\"DH783023\","
                + "\"merchantSignature\":\"ee460de4b316672fa974295ed4dba738\",\"amount\":1547.36,"
                + "\"currency\":\"UAH\",\"authCode\":\"541963\",\"email\":\"client@mail.ua\","
                + "\"phone\":\"380501234567\",\"createdDate\":1415379863,"
                + "\"processingDate\":1415379873,\"cardPan\":\"41****8217\",\"cardType\":\"Visa\","
                + "\"issuerBankCountry\":\"980\",\"issuerBankName\":\"Privatbank\","
                + "\"transactionStatus\":\"Approved\",\"reason\":\"Ok\",\"reasonCode\":1100,"
                + "\"fee\":0,\"paymentSystem\":\"card\"}");
    assertEquals("ee460de4b316672fa974295ed4dba738", WayForPaySignature.callback(SECRET, callback));
    assertTrue(WayForPaySignature.verify(SECRET, callback, WayForPaySignature.CALLBACK_FIELDS));
    assertFalse(
        WayForPaySignature.verify("another-secret", callback, WayForPaySignature.CALLBACK_FIELDS));
  }

  @Test
  void aReceivedAmountIsNeverReformatted() {
    // 100.00 as sent is signed as "100.00", empty and missing fields as "".
    Map<String, Object> declined =
        GatewayJson.object(
            "{\"merchantAccount\":\"test_merch_n1\",\"orderReference\":\"DH783023\","
                + "\"amount\":100.00,\"currency\":\"UAH\",\"authCode\":\"\","
                + "\"transactionStatus\":\"Declined\",\"reasonCode\":1101,"
                + "\"merchantSignature\":\"2fb7ac30b0467e92ac5fb5317188cb94\"}");
    assertTrue(WayForPaySignature.verify(SECRET, declined, WayForPaySignature.CALLBACK_FIELDS));
    Map<String, Object> reformatted =
        GatewayJson.object(
            "{\"merchantAccount\":\"test_merch_n1\",\"orderReference\":\"DH783023\","
                + "\"amount\":100,\"currency\":\"UAH\",\"authCode\":\"\","
                + "\"transactionStatus\":\"Declined\",\"reasonCode\":1101,"
                + "\"merchantSignature\":\"2fb7ac30b0467e92ac5fb5317188cb94\"}");
    assertFalse(WayForPaySignature.verify(SECRET, reformatted, WayForPaySignature.CALLBACK_FIELDS));
  }

  @Test
  void aTamperedCallbackFailsVerification() {
    Map<String, Object> tampered =
        GatewayJson.object(
            "{\"merchantAccount\":\"test_merch_n1\",\"orderReference\":\"DH783023\","
                + "\"merchantSignature\":\"ee460de4b316672fa974295ed4dba738\",\"amount\":1.00,"
                + "\"currency\":\"UAH\",\"authCode\":\"541963\",\"cardPan\":\"41****8217\","
                + "\"transactionStatus\":\"Approved\",\"reasonCode\":1100}");
    assertFalse(WayForPaySignature.verify(SECRET, tampered, WayForPaySignature.CALLBACK_FIELDS));
  }

  @Test
  void ourAcceptAnswerAndTheApiRequestsAreSignedAsDocumented() {
    assertEquals(
        "bd8d3443f99fb2c7a8b610ac600c80b0",
        WayForPaySignature.accept(SECRET, "DH783023", 1415379863L));
    assertEquals(
        "b1877c0b08a7d49a579f18ed68855ec6",
        WayForPaySignature.checkStatus(SECRET, MERCHANT, "DH783023"));
    assertEquals(
        "aeef7da70d54098937a7930f64193710",
        WayForPaySignature.refund(SECRET, MERCHANT, "DH783023", "1547.36", "UAH"));
  }

  @Test
  void gatewayStatusesMapToRingStatuses() {
    assertEquals(GatewayEvent.Kind.PAID, WayForPayGateway.kindOf("Approved"));
    assertEquals(GatewayEvent.Kind.PENDING, WayForPayGateway.kindOf("Pending"));
    assertEquals(GatewayEvent.Kind.PROCESSING, WayForPayGateway.kindOf("InProcessing"));
    assertEquals(GatewayEvent.Kind.PROCESSING, WayForPayGateway.kindOf("WaitingAuthComplete"));
    assertEquals(GatewayEvent.Kind.FAILED, WayForPayGateway.kindOf("Declined"));
    assertEquals(GatewayEvent.Kind.CANCELLED, WayForPayGateway.kindOf("Expired"));
    assertEquals(GatewayEvent.Kind.CANCELLED, WayForPayGateway.kindOf("Voided"));
    assertEquals(GatewayEvent.Kind.REFUNDED, WayForPayGateway.kindOf("Refunded"));
    assertEquals(GatewayEvent.Kind.IGNORED, WayForPayGateway.kindOf("RefundInProcessing"));
    assertEquals(GatewayEvent.Kind.IGNORED, WayForPayGateway.kindOf("SomethingNew"));
  }
}
