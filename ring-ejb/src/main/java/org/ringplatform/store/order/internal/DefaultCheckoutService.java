package org.ringplatform.store.order.internal;

import static org.ringplatform.store.stock.internal.Rows.intOf;
import static org.ringplatform.store.stock.internal.Rows.longOf;
import static org.ringplatform.store.stock.internal.Rows.text;
import static org.ringplatform.store.stock.internal.Rows.time;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Money;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.TextInput;
import org.ringplatform.referral.ReferralPolicy;
import org.ringplatform.referral.Referrals;
import org.ringplatform.store.cart.CartService;
import org.ringplatform.store.order.CheckoutService;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.order.ShippingRule;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.store.stock.internal.Sql;

/**
 * Checkout on {@code checkouts}, {@code orders} and {@code order_lines}, in one transaction with
 * the stock reservation and the payment's start: a refusal anywhere (an item out of stock, a wallet
 * too low, a card processor that is not configured) leaves nothing behind. The client's key is
 * claimed by a unique index, so two concurrent retries create one checkout.
 */
@Stateless
public class DefaultCheckoutService implements CheckoutService {

  private static final Logger LOG = Logger.getLogger(DefaultCheckoutService.class.getName());
  private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,80}");
  private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,40}");
  private static final Pattern POSTAL = Pattern.compile("[A-Za-z0-9 -]{2,20}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private Sql db;
  @Inject private CartService carts;
  @Inject private Inventory inventory;
  @Inject private PaymentConductor payments;
  @Inject private Referrals referrals;
  @Inject private OrderService orders;

  @Inject
  @ConfigProperty(name = "ring.store.shipping.flat-minor", defaultValue = "5000")
  long flatShippingMinor;

  @Inject
  @ConfigProperty(name = "ring.store.shipping.free-over-minor", defaultValue = "100000")
  long freeShippingOverMinor;

  @Inject
  @ConfigProperty(name = "ring.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @PostConstruct
  void connect() {
    db = new Sql(dataSource);
  }

  private ShippingRule shipping() {
    return new ShippingRule(flatShippingMinor, freeShippingOverMinor);
  }

  private static ReferralPolicy referralPolicy() {
    return ReferralPolicy.from(
        key ->
            ConfigProvider.getConfig(DefaultCheckoutService.class.getClassLoader())
                .getOptionalValue(key, String.class));
  }

  private static AuthenticatedUser require(AuthenticatedUser buyer) {
    if (buyer == null) {
      throw new RingException(
          RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    return buyer;
  }

  // ---- Quote ---------------------------------------------------------------------------------

  @Override
  public Quote quote(AuthenticatedUser buyer) {
    CartService.Cart cart = carts.view(CartService.Owner.user(require(buyer).id()));
    List<Problem> problems = new ArrayList<>();
    if (cart.empty()) {
      problems.add(new Problem("cart_empty", null));
    }
    for (CartService.Line l : cart.lines()) {
      if (!l.available()) {
        problems.add(new Problem("product_unavailable", l.item().title()));
      }
    }
    if (!cart.empty() && cart.currency() == null) {
      problems.add(new Problem("currency_mixed", null));
    }
    Map<Long, List<CartService.Line>> byVendor = new TreeMap<>();
    cart.lines()
        .forEach(l -> byVendor.computeIfAbsent(l.vendorId(), v -> new ArrayList<>()).add(l));
    ShippingRule rule = shipping();
    List<VendorQuote> quotes = new ArrayList<>();
    long subtotal = 0;
    long shippingTotal = 0;
    for (List<CartService.Line> lines : byVendor.values()) {
      long sub =
          lines.stream().mapToLong(CartService.Line::lineTotalMinor).reduce(0, Math::addExact);
      boolean physical = lines.stream().anyMatch(CartService.Line::physical);
      long ship = rule.costFor(sub, physical);
      quotes.add(
          new VendorQuote(
              lines.get(0).vendorId(),
              lines.get(0).vendorName(),
              List.copyOf(lines),
              sub,
              ship,
              Math.addExact(sub, ship),
              physical));
      subtotal = Math.addExact(subtotal, sub);
      shippingTotal = Math.addExact(shippingTotal, ship);
    }
    long total = Math.addExact(subtotal, shippingTotal);
    if (!cart.empty() && problems.isEmpty() && total <= 0) {
      problems.add(new Problem("nothing_to_pay", null));
    }
    return new Quote(
        List.copyOf(quotes),
        cart.currency(),
        subtotal,
        shippingTotal,
        total,
        quotes.stream().anyMatch(VendorQuote::physical),
        List.copyOf(problems));
  }

  private static RingException refusal(Problem p) {
    return switch (p.code()) {
      case "cart_empty" ->
          new RingException(RingException.Kind.CONFLICT, "cart_empty", null, "The cart is empty.");
      case "product_unavailable" ->
          new RingException(
              RingException.Kind.CONFLICT,
              "product_unavailable",
              "items",
              "\u201c" + p.item() + "\u201d is not on sale any more; remove it from the cart.");
      case "currency_mixed" ->
          new RingException(
              RingException.Kind.CONFLICT,
              "currency_mixed",
              "items",
              "The cart holds prices in several currencies; check out one currency at a time.");
      default ->
          new RingException(
              RingException.Kind.CONFLICT, p.code(), null, "There is nothing to pay for.");
    };
  }

  // ---- Checkout ------------------------------------------------------------------------------

  @Override
  public Result checkout(AuthenticatedUser buyer, Request request) {
    try {
      return place(buyer, request);
    } catch (RuntimeException e) {
      throw busyOr(e);
    }
  }

  /**
   * A checkout that lost a lock conflict (PostgreSQL gave up on a deadlock or a serialization
   * failure) changed nothing and can be retried with the same key: a 503 rather than an incident.
   */
  static RuntimeException busyOr(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
        LOG.log(Level.WARNING, "Checkout lost a lock conflict; the buyer may retry", e);
        return new RingException(
            RingException.Kind.UNAVAILABLE,
            "store_busy",
            null,
            "The store is busy; nothing was charged. Please try again.");
      }
    }
    return e;
  }

  private Result place(AuthenticatedUser buyer, Request request) {
    require(buyer);
    if (request == null || request.rail() == null) {
      throw RingException.invalid("rail_invalid", "rail", "Choose to pay by card or credits.");
    }
    String processor = processor(request);
    String clientKey = request.clientKey() == null ? null : request.clientKey().strip();
    if (clientKey != null && !CLIENT_KEY.matcher(clientKey).matches()) {
      throw RingException.invalid(
          "client_key_invalid",
          "clientKey",
          "An idempotency key is 1 to 80 letters, digits, '-', '_', '.' or ':'.");
    }
    if (clientKey != null) {
      Optional<Long> existing = byClientKey(buyer.id(), clientKey);
      if (existing.isPresent()) {
        return retried(buyer, existing.get());
      }
    }
    Quote quote = quote(buyer);
    if (!quote.ready()) {
      throw refusal(quote.problems().get(0));
    }
    Address address = address(request.shipping(), quote.needsShipping());
    Optional<Referrals.Attribution> referral =
        referrals.attributeOrder(buyer.id(), request.referralCode());

    List<?> inserted =
        db.query(
                "insert into ring.checkouts(buyer_id, currency, total_minor, client_key,"
                    + " referral_code, referrer_id, shipping, expires_at)"
                    + " values (?1, ?2, ?3, ?4, ?5, cast(?6 as bigint), cast(?7 as jsonb),"
                    + " now() + make_interval(secs => ?8))"
                    + " on conflict (buyer_id, client_key) where client_key is not null"
                    + " do nothing returning id")
            .setParameter(1, buyer.id())
            .setParameter(2, quote.currency())
            .setParameter(3, quote.totalMinor())
            .setParameter(4, clientKey)
            .setParameter(5, referral.map(Referrals.Attribution::code).orElse(null))
            .setParameter(6, referral.map(Referrals.Attribution::referrerId).orElse(null))
            .setParameter(7, OrderRows.shippingJson(address))
            .setParameter(8, (double) Inventory.CHECKOUT_HOLD.toSeconds())
            .getResultList();
    if (inserted.isEmpty()) {
      // A concurrent retry with the same key won the race; answer with its checkout.
      return retried(buyer, byClientKey(buyer.id(), clientKey).orElseThrow());
    }
    long checkoutId = longOf(inserted.get(0));

    // The cart's soft-hold gives way to the checkout's reservation of the same stock.
    List<Inventory.Item> items =
        quote.orders().stream()
            .flatMap(o -> o.lines().stream())
            .map(CartService.Line::item)
            .toList();
    inventory.reserveReplacing(
        Inventory.Holder.checkout(checkoutId),
        "checkout",
        Inventory.CHECKOUT_HOLD,
        items,
        Inventory.Holder.cart(buyer.id()));

    ReferralPolicy policy = referralPolicy();
    List<PaymentRequest.Line> paymentLines = new ArrayList<>();
    long shippingTotal = 0;
    for (VendorQuote vq : quote.orders()) {
      long orderId =
          createOrder(buyer, checkoutId, quote.currency(), vq, address, referral, policy);
      LOG.log(
          Level.FINE,
          "Checkout {0}: order {1} for vendor {2}",
          new Object[] {checkoutId, orderId, vq.vendorId()});
      for (CartService.Line l : vq.lines()) {
        paymentLines.add(
            new PaymentRequest.Line(l.item().title(), l.quantity(), l.unitPriceMinor()));
      }
      shippingTotal += vq.shippingMinor();
    }
    if (shippingTotal > 0) {
      paymentLines.add(new PaymentRequest.Line("Shipping", 1, shippingTotal));
    }
    View placed = get(buyer, checkoutId);
    PaymentStart start =
        payments.start(
            new PaymentRequest(
                PaymentPurpose.STORE_ORDER,
                checkoutId,
                buyer.id(),
                Money.of(quote.totalMinor(), quote.currency()),
                request.rail(),
                processor,
                "Order " + checkoutId,
                paymentLines,
                publicUrl.replaceAll("/+$", "") + "/orders?checkout=" + checkoutId,
                "checkout:" + checkoutId));
    LOG.log(
        Level.INFO,
        "Checkout {0} of account {1}: {2} {3} in {4} orders, payment {5} {6}",
        new Object[] {
          checkoutId,
          buyer.id(),
          quote.totalMinor(),
          quote.currency(),
          quote.orders().size(),
          start.reference(),
          start.status()
        });
    // A paid start confirmed the checkout inside this transaction, notices included: the view
    // is built from what was read before rather than read again (see Sql on why).
    View view =
        start.paid()
            ? paid(
                placed,
                start,
                request.rail(),
                request.rail() == PaymentRail.CREDITS ? "credits" : processor)
            : get(buyer, checkoutId);
    return new Result(
        view,
        true,
        next(view),
        start.paid() ? null : start.mode().name(),
        start.url(),
        start.fields());
  }

  /** The checkout as its confirmation left it: it and every order paid. */
  private static View paid(View placed, PaymentStart start, PaymentRail rail, String processor) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<OrderService.Summary> orders =
        placed.orders().stream()
            .map(
                o ->
                    new OrderService.Summary(
                        o.id(),
                        o.checkoutId(),
                        o.buyerId(),
                        o.buyerName(),
                        o.vendorId(),
                        o.vendorName(),
                        OrderStatus.PAID.id(),
                        o.currency(),
                        o.subtotalMinor(),
                        o.discountMinor(),
                        o.shippingMinor(),
                        o.totalMinor(),
                        o.commissionBps(),
                        o.commissionMinor(),
                        o.referralCode(),
                        o.referralMinor(),
                        o.refundedMinor(),
                        o.items(),
                        o.createdAt(),
                        now,
                        o.completedAt()))
            .toList();
    return new View(
        placed.id(),
        "paid",
        placed.currency(),
        placed.totalMinor(),
        placed.referralCode(),
        placed.createdAt(),
        placed.expiresAt(),
        orders,
        new Payment(start.reference(), start.status(), rail.id(), processor));
  }

  private static String processor(Request request) {
    String p = request.processor() == null ? null : request.processor().strip();
    if (p == null || p.isEmpty() || request.rail() == PaymentRail.CREDITS) {
      return null;
    }
    if (!p.equals("wayforpay") && !p.equals("stripe")) {
      throw RingException.invalid(
          "processor_invalid", "processor", "The card processor is wayforpay or stripe.");
    }
    return p;
  }

  /** Creates one vendor order with its lines and first event; returns its id. */
  private long createOrder(
      AuthenticatedUser buyer,
      long checkoutId,
      String currency,
      VendorQuote vq,
      Address address,
      Optional<Referrals.Attribution> referral,
      ReferralPolicy policy) {
    int commissionBps =
        intOf(
            db.query(
                    "select t.commission_bps from ring.vendors v"
                        + " join ring.vendor_tiers t on t.code = v.tier where v.id = ?1")
                .setParameter(1, vq.vendorId())
                .getSingleResult());
    long commission = Money.share(vq.subtotalMinor(), commissionBps);
    Map<CartService.Line, Integer> rates = new LinkedHashMap<>();
    long referralMinor = 0;
    for (CartService.Line l : vq.lines()) {
      int bps = referral.isPresent() ? policy.rateFor(l.referralBps()) : 0;
      rates.put(l, bps);
      referralMinor = Math.addExact(referralMinor, Money.share(l.lineTotalMinor(), bps));
    }
    long orderId =
        longOf(
            db.query(
                    "insert into ring.orders(checkout_id, buyer_id, vendor_id, currency,"
                        + " subtotal_minor, discount_minor, shipping_minor, total_minor,"
                        + " commission_bps, commission_minor, referral_code, referrer_id,"
                        + " referral_minor, shipping) values (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7, ?8,"
                        + " ?9, ?10, cast(?11 as bigint), ?12, cast(?13 as jsonb)) returning id")
                .setParameter(1, checkoutId)
                .setParameter(2, buyer.id())
                .setParameter(3, vq.vendorId())
                .setParameter(4, currency)
                .setParameter(5, vq.subtotalMinor())
                .setParameter(6, vq.shippingMinor())
                .setParameter(7, vq.totalMinor())
                .setParameter(8, commissionBps)
                .setParameter(9, commission)
                .setParameter(10, referral.map(Referrals.Attribution::code).orElse(null))
                .setParameter(11, referral.map(Referrals.Attribution::referrerId).orElse(null))
                .setParameter(12, referralMinor)
                .setParameter(13, vq.physical() ? OrderRows.shippingJson(address) : "{}")
                .getSingleResult());
    for (Map.Entry<CartService.Line, Integer> e : rates.entrySet()) {
      CartService.Line l = e.getKey();
      db.query(
              "insert into ring.order_lines(order_id, product_id, variant_id, title, sku, kind,"
                  + " unit_price_minor, quantity, line_total_minor, referral_bps)"
                  + " values (?1, ?2, cast(?3 as bigint), ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
          .setParameter(1, orderId)
          .setParameter(2, l.productId())
          .setParameter(3, l.variantId())
          .setParameter(4, truncate(l.item().title(), 300))
          .setParameter(5, l.sku())
          .setParameter(6, l.kind())
          .setParameter(7, l.unitPriceMinor())
          .setParameter(8, l.quantity())
          .setParameter(9, l.lineTotalMinor())
          .setParameter(10, e.getValue())
          .executeUpdate();
    }
    OrderRows.event(
        db,
        orderId,
        null,
        OrderStatus.PENDING_PAYMENT,
        buyer.id(),
        OrderStatus.Actor.BUYER,
        "checkout " + checkoutId);
    return orderId;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  /** The shipping address, validated; null when nothing ships and none was given. */
  static Address address(Address a, boolean required) {
    if (a == null) {
      if (required) {
        throw RingException.invalid(
            "shipping_required", "shipping", "Tell us where to ship the order.");
      }
      return null;
    }
    boolean empty =
        blank(a.name())
            && blank(a.phone())
            && blank(a.address())
            && blank(a.city())
            && blank(a.postalCode())
            && blank(a.country());
    if (empty && !required) {
      return null;
    }
    String name = TextInput.required(a.name(), 2, 100, "name", "A name of 2 to 100 characters.");
    String phone =
        TextInput.required(a.phone(), 5, 40, "phone", "A phone number of 5 to 40 characters.");
    if (!PHONE.matcher(phone).matches() || phone.replaceAll("\\D", "").length() < 5) {
      throw RingException.invalid(
          "phone_invalid", "phone", "A phone number: digits, spaces, + ( ) and -.");
    }
    String street =
        TextInput.required(a.address(), 3, 200, "address", "An address of 3 to 200 characters.");
    String city = TextInput.required(a.city(), 2, 100, "city", "A city of 2 to 100 characters.");
    String postal =
        TextInput.required(
            a.postalCode(), 2, 20, "postalCode", "A postal code of 2 to 20 characters.");
    if (!POSTAL.matcher(postal).matches()) {
      throw RingException.invalid(
          "postalCode_invalid", "postalCode", "A postal code: letters, digits, spaces, dashes.");
    }
    String country =
        TextInput.required(a.country(), 2, 2, "country", "A two-letter country code.")
            .toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(country)) {
      throw RingException.invalid("country_invalid", "country", "A two-letter country code.");
    }
    String email = TextInput.optional(a.email(), 254, "email");
    if (email != null && !EMAIL.matcher(email).matches()) {
      throw RingException.invalid("email_invalid", "email", "An email address.");
    }
    String notes = TextInput.optional(a.notes(), 500, "notes");
    return new Address(name, phone, street, city, postal, country, email, notes);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private Optional<Long> byClientKey(long buyerId, String clientKey) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        db.query("select id from ring.checkouts where buyer_id = ?1 and client_key = ?2")
            .setParameter(1, buyerId)
            .setParameter(2, clientKey)
            .getResultList();
    return ids.stream().findFirst().map(v -> longOf(v));
  }

  private Result retried(AuthenticatedUser buyer, long checkoutId) {
    View view = get(buyer, checkoutId);
    return new Result(view, false, next(view), null, null, Map.of());
  }

  /** Where the buyer goes next: the payment page until paid, then the confirmation. */
  private static String next(View view) {
    if ("pending_payment".equals(view.status()) && view.payment() != null) {
      return "/pay?ref=" + view.payment().reference();
    }
    return "/orders?checkout=" + view.id();
  }

  // ---- Reading -------------------------------------------------------------------------------

  @Override
  public View get(AuthenticatedUser buyer, long checkoutId) {
    require(buyer);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select id, status, currency, total_minor, referral_code, created_at, expires_at"
                    + " from ring.checkouts where id = ?1 and buyer_id = ?2")
            .setParameter(1, checkoutId)
            .setParameter(2, buyer.id())
            .getResultList();
    if (rows.isEmpty()) {
      throw RingException.notFound("There is no such checkout.");
    }
    Object[] r = rows.get(0);
    Payment payment =
        payments
            .latestFor(PaymentPurpose.STORE_ORDER, checkoutId)
            .map(p -> new Payment(p.reference(), p.status(), p.rail(), p.processor()))
            .orElse(null);
    return new View(
        longOf(r[0]),
        text(r[1]),
        text(r[2]).strip(),
        longOf(r[3]),
        text(r[4]),
        time(r[5]),
        time(r[6]),
        orders.ofCheckout(buyer, checkoutId),
        payment);
  }
}
