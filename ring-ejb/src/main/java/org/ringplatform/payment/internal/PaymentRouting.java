package org.ringplatform.payment.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.platform.RingException;

/**
 * Which processor collects a payment (§9.1): the credits rail is internal; a card payment goes to
 * the processor the request names, else {@code ring.payments.<purpose>.processor}, else {@code
 * ring.payments.default-processor}, else WayForPay.
 */
final class PaymentRouting {

  static final String WAYFORPAY = "wayforpay";
  static final String STRIPE = "stripe";
  static final String CREDITS = "credits";
  static final Set<String> CARD_PROCESSORS = Set.of(WAYFORPAY, STRIPE);

  private PaymentRouting() {}

  /**
   * The processor for a request.
   *
   * @param config the configuration, key to value (absent or blank for unset)
   * @throws RingException INVALID ({@code processor_unknown}) for a processor Ring does not know or
   *     that does not serve the rail
   */
  static String processor(
      PaymentPurpose purpose,
      PaymentRail rail,
      String requested,
      Function<String, Optional<String>> config) {
    String named = normalise(requested);
    if (rail == PaymentRail.CREDITS) {
      if (named != null && !named.equals(CREDITS)) {
        throw unknown(named);
      }
      return CREDITS;
    }
    if (named == null) {
      named = normalise(config.apply("ring.payments." + purpose.id() + ".processor").orElse(null));
    }
    if (named == null) {
      named = normalise(config.apply("ring.payments.default-processor").orElse(null));
    }
    if (named == null) {
      named = WAYFORPAY;
    }
    if (!CARD_PROCESSORS.contains(named)) {
      throw unknown(named);
    }
    return named;
  }

  private static String normalise(String name) {
    return name == null || name.isBlank() ? null : name.strip().toLowerCase(Locale.ROOT);
  }

  private static RingException unknown(String name) {
    return RingException.invalid(
        "processor_unknown", "processor", "There is no payment processor called " + name + ".");
  }
}
