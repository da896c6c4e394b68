package org.ringplatform.payment.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ringplatform.platform.RingException;

/**
 * The payment settings ({@code ring.payments.*}, docs/payments.md), read once from MicroProfile
 * Config. Secrets are held here and handed to the gateways; they are never logged or shown (the
 * records' {@code toString} masks them).
 */
@ApplicationScoped
public class PaymentSettings {

  /**
   * WayForPay's settings.
   *
   * @param merchantAccount the merchant login
   * @param secretKey the merchant's secret key (HMAC-MD5)
   * @param merchantDomain the merchant domain registered at WayForPay
   * @param payUrl the hosted payment page the purchase form posts to
   * @param apiUrl the API (CHECK_STATUS, REFUND)
   * @param language the payment page's language (UA, EN, RU, ...)
   * @param orderTimeoutSeconds how long the buyer has to pay
   */
  public record WayForPay(
      String merchantAccount,
      String secretKey,
      String merchantDomain,
      String payUrl,
      String apiUrl,
      String language,
      long orderTimeoutSeconds) {

    public boolean configured() {
      return present(merchantAccount)
          && present(secretKey)
          && present(merchantDomain)
          && present(payUrl)
          && present(apiUrl);
    }

    @Override
    public String toString() {
      return "WayForPay[merchantAccount="
          + merchantAccount
          + ", secretKey=***, payUrl="
          + payUrl
          + ", apiUrl="
          + apiUrl
          + "]";
    }
  }

  /**
   * Stripe's settings.
   *
   * @param apiUrl the REST API base, e.g. https://api.stripe.com
   * @param secretKey the API secret key ({@code sk_...})
   * @param webhookSecrets the webhook endpoint secrets ({@code whsec_...}) accepted now
   * @param toleranceSeconds how far a signature's timestamp may be from now, either way
   */
  public record Stripe(
      String apiUrl, String secretKey, List<String> webhookSecrets, long toleranceSeconds) {

    public boolean configured() {
      return present(apiUrl) && present(secretKey) && !webhookSecrets.isEmpty();
    }

    @Override
    public String toString() {
      return "Stripe[apiUrl="
          + apiUrl
          + ", secretKey=***, webhookSecrets="
          + webhookSecrets.size()
          + "]";
    }
  }

  private Config config;
  private WayForPay wayForPay;
  private Stripe stripe;
  private String publicUrl;
  private Duration httpTimeout;
  private Duration reconcileAfter;
  private Duration abandonAfter;
  private Duration refreshEvery;
  private long topUpMin;
  private long topUpMax;
  private String platformCurrency;

  @PostConstruct
  void read() {
    config = ConfigProvider.getConfig(getClass().getClassLoader());
    publicUrl = get("ring.public-url").orElse("http://localhost:8080").replaceAll("/+$", "");
    wayForPay =
        new WayForPay(
            get("ring.payments.wayforpay.merchant-account").orElse(null),
            get("ring.payments.wayforpay.secret-key").orElse(null),
            get("ring.payments.wayforpay.merchant-domain").orElse(URI.create(publicUrl).getHost()),
            get("ring.payments.wayforpay.pay-url").orElse(null),
            get("ring.payments.wayforpay.api-url").orElse(null),
            get("ring.payments.wayforpay.language").orElse("UA"),
            Long.parseLong(get("ring.payments.wayforpay.order-timeout-seconds").orElse("86400")));
    stripe =
        new Stripe(
            get("ring.payments.stripe.api-url").map(u -> u.replaceAll("/+$", "")).orElse(null),
            get("ring.payments.stripe.secret-key").orElse(null),
            get("ring.payments.stripe.webhook-secret")
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()))
                .map(java.util.stream.Stream::toList)
                .orElse(List.of()),
            Long.parseLong(get("ring.payments.stripe.tolerance-seconds").orElse("300")));
    httpTimeout =
        Duration.ofMillis(Long.parseLong(get("ring.payments.http-timeout-ms").orElse("10000")));
    reconcileAfter = Duration.parse(get("ring.payments.reconcile.after").orElse("PT15M"));
    abandonAfter = Duration.parse(get("ring.payments.reconcile.abandon-after").orElse("P1D"));
    refreshEvery = Duration.parse(get("ring.payments.refresh-every").orElse("PT5S"));
    topUpMin = Long.parseLong(get("ring.payments.topup.min-minor").orElse("100"));
    topUpMax = Long.parseLong(get("ring.payments.topup.max-minor").orElse("10000000"));
    platformCurrency = get("ring.platform.currency").orElse("UAH").toUpperCase(Locale.ROOT);
  }

  /** Settings with only the processors' parts, for tests of the rules that use them. */
  static PaymentSettings of(WayForPay wayForPay, Stripe stripe) {
    PaymentSettings s = new PaymentSettings();
    s.wayForPay = wayForPay;
    s.stripe = stripe;
    return s;
  }

  /** A setting's value; blank counts as unset. */
  public Optional<String> get(String key) {
    return config
        .getOptionalValue(key, String.class)
        .map(String::strip)
        .filter(PaymentSettings::present);
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  public WayForPay wayForPay() {
    return wayForPay;
  }

  public Stripe stripe() {
    return stripe;
  }

  /** Whether Ring can use {@code processor} as configured. */
  public boolean configured(String processor) {
    return switch (processor) {
      case PaymentRouting.WAYFORPAY -> wayForPay.configured();
      case PaymentRouting.STRIPE -> stripe.configured();
      case PaymentRouting.CREDITS -> true;
      default -> false;
    };
  }

  /**
   * Refuses a processor whose settings are missing.
   *
   * @throws RingException UNAVAILABLE {@code processor_unavailable}
   */
  public void requireConfigured(String processor) {
    if (!configured(processor)) {
      throw unavailable(processor);
    }
  }

  static RingException unavailable(String processor) {
    return new RingException(
        RingException.Kind.UNAVAILABLE,
        "processor_unavailable",
        null,
        "Payments through " + processor + " are not available now.");
  }

  /** The portal's public address, without a trailing slash. */
  public String publicUrl() {
    return publicUrl;
  }

  public Duration httpTimeout() {
    return httpTimeout;
  }

  /** Open card payments older than this are reconciled by the scheduler. */
  public Duration reconcileAfter() {
    return reconcileAfter;
  }

  /** Open card payments the gateway never saw are cancelled after this. */
  public Duration abandonAfter() {
    return abandonAfter;
  }

  /** A polling result page asks the gateway at most this often per payment. */
  public Duration refreshEvery() {
    return refreshEvery;
  }

  public long topUpMin() {
    return topUpMin;
  }

  public long topUpMax() {
    return topUpMax;
  }

  public String platformCurrency() {
    return platformCurrency;
  }
}
