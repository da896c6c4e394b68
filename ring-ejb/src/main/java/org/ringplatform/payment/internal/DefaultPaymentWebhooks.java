package org.ringplatform.payment.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.payment.PaymentWebhooks;
import org.ringplatform.platform.RingException;

/**
 * The webhook endpoint's logic: verification first and synchronously (§22.3), on the raw bytes;
 * then the verified event is applied in a transaction of its own ({@link PaymentProcessing}) that
 * also writes its webhook log row, one commit per delivery; a delivery refused before or during its
 * effect is logged in a transaction of its own. A CDI bean, not an EJB: it runs without a
 * transaction, so a refused or failed effect never takes its log entry with it, and the hot path of
 * a busy gateway crosses one EJB boundary per delivery.
 */
@ApplicationScoped
public class DefaultPaymentWebhooks implements PaymentWebhooks {

  private static final Logger LOG = Logger.getLogger(DefaultPaymentWebhooks.class.getName());
  private static final String JSON = "application/json";

  /** Larger bodies are not gateway events. */
  private static final int MAX_BODY = 256 * 1024;

  @Inject private PaymentSettings settings;
  @Inject private WayForPayGateway wayForPay;
  @Inject private StripeGateway stripe;
  @Inject private PaymentProcessing processing;
  @Inject private WebhookJournal journal;

  @Override
  public Answer receive(String processor, byte[] body, UnaryOperator<String> header) {
    byte[] raw = body == null ? new byte[0] : body;
    String sha = GatewayCrypto.sha256Hex(raw);
    if (raw.length > MAX_BODY
        && (PaymentRouting.STRIPE.equals(processor)
            || PaymentRouting.WAYFORPAY.equals(processor))) {
      journal.record(
          processor, null, null, "rejected", 413, "body of " + raw.length + " bytes", sha);
      throw new RingException(
          RingException.Kind.TOO_LARGE, "payload_too_large", null, "The delivery is too large.");
    }
    if (PaymentRouting.STRIPE.equals(processor)) {
      return stripe(raw, header, sha);
    }
    if (PaymentRouting.WAYFORPAY.equals(processor)) {
      return wayForPay(raw, sha);
    }
    throw RingException.notFound("There is no such payment processor.");
  }

  private Answer stripe(byte[] body, UnaryOperator<String> header, String sha) {
    requireConfigured(PaymentRouting.STRIPE, sha);
    StripeSignature.Result check =
        stripe.verify(header.apply("Stripe-Signature"), body, System.currentTimeMillis() / 1000);
    if (!check.valid()) {
      throw refused(PaymentRouting.STRIPE, null, sha, "signature " + check.name().toLowerCase());
    }
    GatewayEvent event;
    try {
      event = stripe.event(GatewayJson.object(utf8(body)));
    } catch (IllegalArgumentException e) {
      throw malformed(PaymentRouting.STRIPE, sha);
    }
    apply(event, null, sha);
    return new Answer(JSON, "{\"received\":true}");
  }

  private Answer wayForPay(byte[] body, String sha) {
    requireConfigured(PaymentRouting.WAYFORPAY, sha);
    Map<String, Object> fields;
    try {
      fields = GatewayJson.object(utf8(body));
    } catch (IllegalArgumentException e) {
      throw malformed(PaymentRouting.WAYFORPAY, sha);
    }
    // What the delivery claims, kept in the log of a refused one so an admin sees what was aimed
    // at; it is never acted on unless the signature holds.
    String claimed = GatewayJson.text(fields, "orderReference");
    if (!wayForPay.verifyCallback(fields)) {
      throw refused(
          PaymentRouting.WAYFORPAY,
          claimed.isEmpty() ? null : claimed,
          sha,
          "signature or merchant account invalid");
    }
    GatewayEvent event = wayForPay.event(fields, true);
    apply(event, claimed, sha);
    return new Answer(JSON, wayForPay.accept(claimed, System.currentTimeMillis() / 1000));
  }

  /** Applies the event with its log row; a refusal or failure is logged on its own. */
  private PaymentProcessing.Applied apply(GatewayEvent event, String logReference, String sha) {
    try {
      return processing.applyAndLog(event, logReference, sha);
    } catch (RingException e) {
      journal.record(
          event.processor(),
          event.eventId(),
          event.reference(),
          "error",
          e.kind().status(),
          "refused by " + e.code(),
          sha);
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Applying " + event.processor() + " event " + event.eventId(), e);
      journal.record(
          event.processor(),
          event.eventId(),
          event.reference(),
          "error",
          500,
          e.getClass().getSimpleName(),
          sha);
      throw e;
    }
  }

  private void requireConfigured(String processor, String sha) {
    if (!settings.configured(processor)) {
      journal.record(processor, null, null, "rejected", 503, "processor not configured", sha);
      throw PaymentSettings.unavailable(processor);
    }
  }

  private RingException refused(String processor, String claimed, String sha, String why) {
    journal.record(processor, null, claimed, "rejected", 400, why, sha);
    LOG.log(Level.WARNING, "Refused a {0} webhook: {1}", new Object[] {processor, why});
    return RingException.invalid(
        "signature_invalid", null, "The delivery is not signed by " + processor + ".");
  }

  private RingException malformed(String processor, String sha) {
    journal.record(processor, null, null, "rejected", 400, "body is not a JSON event", sha);
    return RingException.invalid("payload_invalid", null, "The delivery is not an event.");
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8");
    }
  }
}
