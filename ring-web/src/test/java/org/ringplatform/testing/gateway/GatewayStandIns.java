package org.ringplatform.testing.gateway;

import java.io.IOException;
import java.net.URL;

/**
 * The gateway stand-ins of a test run (one WayForPay, one Stripe, started once and shared by all
 * integration tests) and, as a program, for the demo: {@code server-config/gateway-stand-ins.sh}
 * starts them on fixed ports and prints the settings that point Ring at them.
 */
public final class GatewayStandIns {

  /** WayForPay's published test merchant and key. */
  public static final String WFP_MERCHANT = "test_merch_n1";

  public static final String WFP_SECRET = "flk3409refn54t54t*FNJRET";
  public static final String STRIPE_SECRET_KEY = "sk_test_ring_stand_in";
  public static final String STRIPE_WEBHOOK_SECRET = "whsec_ring_stand_in_0123456789";

  private static WayForPayStandIn wayForPay;
  private static StripeStandIn stripe;

  private GatewayStandIns() {}

  /** Starts both stand-ins on free ports, once. */
  public static synchronized void start() throws IOException {
    if (wayForPay == null) {
      wayForPay = new WayForPayStandIn(WFP_MERCHANT, WFP_SECRET);
      wayForPay.start(0);
      stripe = new StripeStandIn(STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET);
      stripe.start(0);
    }
  }

  public static WayForPayStandIn wayForPay() {
    return wayForPay;
  }

  public static StripeStandIn stripe() {
    return stripe;
  }

  /**
   * Points both stand-ins at the deployment under test: callbacks, returns and webhooks go to
   * {@code base} (the configured public URL, http://ring.test, is not reachable).
   */
  public static void pointAt(URL base) {
    String root = base.toString().replaceAll("/+$", "");
    wayForPay.appBase(root);
    stripe.appBase(root);
    stripe.webhookUrl(root + "/api/payments/webhooks/stripe");
  }

  /**
   * Runs both for the demo: {@code [wayforpay-port] [stripe-port] [ring-url]}, defaults 8091, 8092
   * and http://localhost:8080.
   */
  public static void main(String[] args) throws Exception {
    int wfpPort = args.length > 0 ? Integer.parseInt(args[0]) : 8091;
    int stripePort = args.length > 1 ? Integer.parseInt(args[1]) : 8092;
    String ring = (args.length > 2 ? args[2] : "http://localhost:8080").replaceAll("/+$", "");
    WayForPayStandIn w = new WayForPayStandIn(WFP_MERCHANT, WFP_SECRET);
    String wfp = w.start(wfpPort);
    StripeStandIn s = new StripeStandIn(STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET);
    String st = s.start(stripePort);
    s.webhookUrl(ring + "/api/payments/webhooks/stripe");
    System.out.println("Gateway stand-ins are running (Ctrl-C stops them). Start Ring with:");
    System.out.println();
    System.out.println("export RING_PAYMENTS_WAYFORPAY_MERCHANT_ACCOUNT=" + WFP_MERCHANT);
    System.out.println("export RING_PAYMENTS_WAYFORPAY_SECRET_KEY='" + WFP_SECRET + "'");
    System.out.println("export RING_PAYMENTS_WAYFORPAY_PAY_URL=" + wfp + "/pay");
    System.out.println("export RING_PAYMENTS_WAYFORPAY_API_URL=" + wfp + "/api");
    System.out.println("export RING_PAYMENTS_STRIPE_API_URL=" + st);
    System.out.println("export RING_PAYMENTS_STRIPE_SECRET_KEY=" + STRIPE_SECRET_KEY);
    System.out.println("export RING_PAYMENTS_STRIPE_WEBHOOK_SECRET=" + STRIPE_WEBHOOK_SECRET);
    System.out.println("server-config/run.sh");
    Thread.currentThread().join();
  }
}
