package org.ringplatform.store.order.internal;

import static org.ringplatform.store.stock.internal.Rows.longOf;
import static org.ringplatform.store.stock.internal.Rows.text;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.Json;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.store.cart.CartService;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.store.stock.internal.Sql;

/**
 * What a confirmed store payment does, inside the transaction that marks the payment paid: the
 * checkout and each of its orders become paid, the reserved stock is sold, each order's money is
 * allocated in the ledger (recipe 2, key {@code sale:<orderId>}), the bought lines leave the cart
 * and the buyer and each vendor are told. Observed at {@code APPLICATION} priority, before the
 * referral reward (which reads the paid orders).
 *
 * <p>A payment that arrives after its checkout lapsed still takes the stock when it is there; when
 * it is gone, the order becomes {@code refund_requested} with a note for an admin. Everything is
 * keyed (the checkout's status, the orders' statuses, the sale movements, the ledger keys, the
 * notices' dedupe keys), so a second delivery changes nothing.
 */
@Stateless
public class StoreOrderPayments {

  private static final Logger LOG = Logger.getLogger(StoreOrderPayments.class.getName());

  private static final String PENDING_NOTICES = StoreOrderPayments.class.getName() + ".notices";

  static final String LAPSED_SOLD =
      "The payment arrived after the checkout lapsed; the stock was still there.";
  static final String LAPSED_GONE =
      "The payment arrived after the checkout lapsed and the stock is gone: refund the buyer.";
  static final String WRONG_AMOUNT =
      "The payment does not match the checkout's total: check it and refund the buyer.";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private Sql db;
  @Inject private Inventory inventory;
  @Inject private Ledger ledger;
  @Inject private Notices notices;
  @Resource private TransactionSynchronizationRegistry transaction;
  @Inject private CartService carts;

  @PostConstruct
  void connect() {
    db = new Sql(dataSource);
  }

  /**
   * Sends the notices of the store payments confirmed in this transaction, after every other
   * observer of the confirmation has run: notices write through the EntityManager, which keeps its
   * connection busy until the commit, so any plain JDBC after them in this transaction (the
   * referral reward, the ledger) would need a second pooled connection (see {@code Sql}).
   */
  public void tellParties(
      @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) PaymentConfirmed payment) {
    if (payment.purpose() != PaymentPurpose.STORE_ORDER) {
      return;
    }
    List<Notice> due = pending();
    List<Notice> now = List.copyOf(due);
    due.clear();
    now.forEach(n -> notices.tellOnce(n.userId(), n.type(), n.dedupeKey(), n.payload()));
  }

  /** The notices waiting in this transaction. */
  @SuppressWarnings("unchecked")
  private List<Notice> pending() {
    Object held = transaction.getResource(PENDING_NOTICES);
    if (held instanceof List<?> list) {
      return (List<Notice>) list;
    }
    List<Notice> fresh = new ArrayList<>();
    transaction.putResource(PENDING_NOTICES, fresh);
    return fresh;
  }

  /** A notice to send once the store's own writes are done. */
  private record Notice(long userId, String type, String dedupeKey, String payload) {}

  /** Applies a confirmed store payment; other purposes are not the store's. */
  public void onConfirmed(
      @Observes @Priority(Interceptor.Priority.APPLICATION) PaymentConfirmed payment) {
    if (payment.purpose() != PaymentPurpose.STORE_ORDER) {
      return;
    }
    long checkoutId = payment.subjectId();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select buyer_id, status, total_minor, currency from ring.checkouts"
                    + " where id = ?1 for update")
            .setParameter(1, checkoutId)
            .getResultList();
    if (rows.isEmpty()) {
      LOG.log(
          Level.SEVERE,
          "Store payment {0} names checkout {1}, which does not exist; its money stays in"
              + " payments_clearing",
          new Object[] {payment.reference(), checkoutId});
      return;
    }
    Object[] checkout = rows.get(0);
    if ("paid".equals(checkout[1])) {
      return;
    }
    long buyerId = longOf(checkout[0]);
    boolean lapsed = !"pending_payment".equals(checkout[1]);
    boolean amountMatches =
        longOf(checkout[2]) == payment.amount().minor()
            && text(checkout[3]).strip().equals(payment.amount().currency());
    db.query("update ring.checkouts set status = 'paid' where id = ?1")
        .setParameter(1, checkoutId)
        .executeUpdate();
    String holder = Inventory.Holder.checkout(checkoutId);
    @SuppressWarnings("unchecked")
    List<Object[]> orders =
        db.query(
                "select o.id, o.status, o.vendor_id, o.total_minor, o.commission_minor,"
                    + " o.referral_minor, o.currency, v.owner_id from ring.orders o"
                    + " join ring.vendors v on v.id = o.vendor_id where o.checkout_id = ?1"
                    + " order by o.id for update of o")
            .setParameter(1, checkoutId)
            .getResultList();
    List<Inventory.Item> bought = new ArrayList<>();
    List<Notice> tell = new ArrayList<>();
    for (Object[] o : orders) {
      long orderId = longOf(o[0]);
      OrderStatus status = OrderStatus.fromId(text(o[1])).orElseThrow();
      if (status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.CANCELLED) {
        continue;
      }
      List<Inventory.Item> items = OrderRows.items(db, orderId);
      boolean sold = amountMatches && inventory.commitSale(orderId, holder, items, buyerId);
      String note =
          !amountMatches ? WRONG_AMOUNT : sold ? (lapsed ? LAPSED_SOLD : null) : LAPSED_GONE;
      OrderStatus to = sold ? OrderStatus.PAID : OrderStatus.REFUND_REQUESTED;
      OrderRows.move(db, orderId, status, to, buyerId, OrderStatus.Actor.PAYMENT, note);
      String currency = text(o[6]).strip();
      long vendorId = longOf(o[2]);
      Allocation allocation = Allocation.of(longOf(o[3]), longOf(o[4]), longOf(o[5]));
      if (allocation.totalMinor() > 0) {
        // Also for an order whose refund is now due: the refund reverses this allocation.
        ledger.post(
            "sale:" + orderId,
            "sale",
            "Order " + orderId,
            payment.reference(),
            buyerId,
            allocation.postings(vendorId, currency));
      }
      String body =
          Json.createObjectBuilder()
              .add("orderId", orderId)
              .add("number", "#" + orderId)
              .add("status", to.id())
              .build()
              .toString();
      if (sold) {
        bought.addAll(items);
        tell.add(
            new Notice(buyerId, NotificationTypes.STORE_ORDER_PAID, "order-paid:" + orderId, body));
        tell.add(
            new Notice(
                longOf(o[7]),
                NotificationTypes.STORE_ORDER_RECEIVED,
                "order-received:" + orderId,
                body));
      } else {
        tell.add(
            new Notice(
                buyerId,
                NotificationTypes.STORE_ORDER_REFUND_REQUESTED,
                "order-refund-due:" + orderId,
                body));
        LOG.log(
            Level.WARNING,
            "Order {0} was paid ({1}) but cannot be fulfilled: {2}",
            new Object[] {orderId, payment.reference(), note});
      }
    }
    // Whatever the checkout still holds (nothing, normally) goes back on sale.
    inventory.release(holder);
    carts.removeBought(buyerId, bought);
    pending().addAll(tell);
    LOG.log(
        Level.INFO,
        "Checkout {0} paid by {1} ({2})",
        new Object[] {checkoutId, payment.reference(), payment.amount()});
  }
}
