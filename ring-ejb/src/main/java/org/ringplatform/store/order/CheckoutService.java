package org.ringplatform.store.order;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.store.cart.CartService;

/**
 * Checkout (§8.4, §22.1 fixed): turns the buyer's server-side cart into one order per vendor under
 * one checkout and one payment. Everything that costs money is computed here from the catalogue and
 * configuration: unit prices (product or variant), shipping per vendor order, the commission frozen
 * from the vendor's tier and the referral share. The client sends none of it; no discount is ever
 * taken from a client either (there are no discount rules yet, so {@code discount_minor} is always
 * 0).
 */
public interface CheckoutService {

  /**
   * Where a physical order goes (required when the cart holds a physical product).
   *
   * @param name recipient, 2 to 100 characters
   * @param phone 5 to 40 characters of digits, spaces, {@code + ( ) -}
   * @param address street and house, 3 to 200 characters
   * @param city 2 to 100 characters
   * @param postalCode 2 to 20 letters, digits, spaces or dashes
   * @param country ISO 3166 alpha-2 code
   * @param email for delivery questions, optional
   * @param notes for the vendor, optional, up to 500 characters
   */
  record Address(
      String name,
      String phone,
      String address,
      String city,
      String postalCode,
      String country,
      String email,
      String notes) {}

  /**
   * What the buyer chooses; nothing here carries a price.
   *
   * @param rail card or credits
   * @param processor {@code wayforpay} or {@code stripe} for cards, or null for the default
   * @param shipping the address, or null for a cart of digital products
   * @param clientKey the client's idempotency key (up to 80 of {@code A-Z a-z 0-9 - _ . :}): a
   *     retry with the same key returns the first checkout
   * @param referralCode the first-touch referral code of the buyer's browser, or null
   */
  record Request(
      PaymentRail rail,
      String processor,
      Address shipping,
      String clientKey,
      String referralCode) {}

  /**
   * One future vendor order, priced on the server.
   *
   * @param vendorId the vendor
   * @param vendorName its name
   * @param lines the cart lines it takes
   * @param subtotalMinor sum of line totals
   * @param shippingMinor flat rate for physical goods, free over the threshold
   * @param totalMinor subtotal + shipping
   * @param physical whether it ships anything
   */
  record VendorQuote(
      long vendorId,
      String vendorName,
      List<CartService.Line> lines,
      long subtotalMinor,
      long shippingMinor,
      long totalMinor,
      boolean physical) {}

  /**
   * Why the cart cannot be checked out as it is.
   *
   * @param code refusal code ({@code cart_empty}, {@code product_unavailable}, {@code
   *     currency_mixed}, {@code nothing_to_pay})
   * @param item the product it is about, or null
   */
  record Problem(String code, String item) {}

  /**
   * The checkout the cart would become now.
   *
   * @param orders one per vendor, by vendor id
   * @param currency the one currency, or null
   * @param subtotalMinor sum of subtotals
   * @param shippingMinor sum of shipping
   * @param totalMinor what the buyer pays
   * @param needsShipping whether a shipping address is required
   * @param problems what stops a checkout; empty when it can go ahead
   */
  record Quote(
      List<VendorQuote> orders,
      String currency,
      long subtotalMinor,
      long shippingMinor,
      long totalMinor,
      boolean needsShipping,
      List<Problem> problems) {

    public boolean ready() {
      return problems.isEmpty();
    }
  }

  /**
   * The payment of a checkout as the payment ledger knows it.
   *
   * @param reference the order reference
   * @param status its status
   * @param rail card or credits
   * @param processor wayforpay, stripe or credits
   */
  record Payment(String reference, String status, String rail, String processor) {}

  /**
   * A checkout.
   *
   * @param id checkout id
   * @param status pending_payment, paid, cancelled or expired
   * @param currency currency
   * @param totalMinor what the buyer pays
   * @param referralCode the attributed referral code, or null
   * @param createdAt when
   * @param expiresAt when its stock reservation lapses unpaid
   * @param orders its vendor orders
   * @param payment its latest payment, or null
   */
  record View(
      long id,
      String status,
      String currency,
      long totalMinor,
      String referralCode,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      List<OrderService.Summary> orders,
      Payment payment) {}

  /**
   * The outcome of a checkout request.
   *
   * @param checkout the checkout
   * @param created false when a retry returned an existing one
   * @param next where the buyer goes now: {@code /pay?ref=...} to pay by card, or {@code
   *     /orders?checkout=...} once paid
   * @param gatewayMode DONE, NAVIGATE or FORM_POST for a fresh card payment, else null
   * @param gatewayUrl the gateway address for NAVIGATE or FORM_POST, else null
   * @param gatewayFields the form fields for FORM_POST
   */
  record Result(
      View checkout,
      boolean created,
      String next,
      String gatewayMode,
      String gatewayUrl,
      Map<String, String> gatewayFields) {}

  /** The buyer's cart priced as a checkout, with what would stop it. */
  Quote quote(AuthenticatedUser buyer);

  /**
   * Checks out the buyer's cart: reserves its stock for 15 minutes, creates the checkout and its
   * vendor orders ({@code pending_payment}) and starts the payment. A credits payment confirms at
   * once, so the orders come back paid; a card payment leaves them pending until the gateway
   * confirms. On any refusal nothing is stored.
   *
   * @throws org.ringplatform.platform.RingException INVALID for a bad address or rail; CONFLICT
   *     {@code cart_empty}, {@code product_unavailable}, {@code currency_mixed}, {@code
   *     insufficient_stock}, {@code insufficient_funds}; UNAVAILABLE when the card processor is not
   *     configured
   */
  Result checkout(AuthenticatedUser buyer, Request request);

  /** One of the buyer's checkouts; NOT_FOUND for anyone else's. */
  View get(AuthenticatedUser buyer, long checkoutId);
}
