package org.ringplatform.store.order.internal;

import static org.ringplatform.store.stock.internal.Rows.intOf;
import static org.ringplatform.store.stock.internal.Rows.longOf;
import static org.ringplatform.store.stock.internal.Rows.longOrNull;
import static org.ringplatform.store.stock.internal.Rows.text;
import static org.ringplatform.store.stock.internal.Rows.time;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.TextInput;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.order.OrderStatus.Actor;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.store.stock.internal.Sql;

/**
 * Orders on {@code orders}, {@code order_lines} and {@code order_events}. Who may see an order is
 * decided in the query (lists) or from the row (single reads); a move is checked against {@link
 * OrderStatus} for the capacities the caller holds on that order, under a row lock.
 */
@Stateless
public class DefaultOrderService implements OrderService {

  private static final Logger LOG = Logger.getLogger(DefaultOrderService.class.getName());
  private static final int MAX_PAGE = 100;

  /** Reached only through a payment (paid) or a refund (refunded, partially refunded). */
  private static final Set<OrderStatus> RESERVED =
      EnumSet.of(OrderStatus.PAID, OrderStatus.REFUNDED, OrderStatus.PARTIALLY_REFUNDED);

  /** The capacities a caller may act in, in the order they are tried. */
  private static final List<Actor> CAPACITIES = List.of(Actor.VENDOR, Actor.BUYER, Actor.ADMIN);

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private Sql db;
  @Inject private Inventory inventory;
  @Inject private Notices notices;

  @PostConstruct
  void connect() {
    db = new Sql(dataSource);
  }

  private static AuthenticatedUser require(AuthenticatedUser actor) {
    if (actor == null) {
      throw new RingException(
          RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    return actor;
  }

  private static RingException noSuchOrder() {
    return RingException.notFound("There is no such order.");
  }

  // ---- Lists ---------------------------------------------------------------------------------

  @Override
  public Page mine(AuthenticatedUser buyer, String status, int offset, int limit) {
    require(buyer);
    Where w = new Where().and("o.buyer_id = ?", buyer.id());
    status(w, status);
    return page(w, offset, limit);
  }

  @Override
  public List<Summary> ofCheckout(AuthenticatedUser buyer, long checkoutId) {
    require(buyer);
    Where w = new Where().and("o.buyer_id = ?", buyer.id()).and("o.checkout_id = ?", checkoutId);
    return page(w, 0, MAX_PAGE).items();
  }

  @Override
  public Page forVendor(
      AuthenticatedUser owner, Long vendorId, String status, int offset, int limit) {
    require(owner);
    // Only vendors the caller owns: another vendor's id simply matches nothing.
    Where w = new Where().and("v.owner_id = ?", owner.id()).and("o.paid_at is not null", null);
    if (vendorId != null) {
      w.and("o.vendor_id = ?", vendorId);
    }
    status(w, status);
    return page(w, offset, limit);
  }

  @Override
  public List<VendorRef> vendorsOf(AuthenticatedUser owner) {
    require(owner);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query("select id, name, status from ring.vendors where owner_id = ?1 order by id")
            .setParameter(1, owner.id())
            .getResultList();
    return rows.stream().map(r -> new VendorRef(longOf(r[0]), text(r[1]), text(r[2]))).toList();
  }

  @Override
  public Page all(AuthenticatedUser admin, Filter filter, int offset, int limit) {
    if (!require(admin).role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins see all orders.");
    }
    Filter f = filter == null ? new Filter(null, null, null, null) : filter;
    Where w = new Where();
    status(w, f.status());
    if (f.vendorId() != null) {
      w.and("o.vendor_id = ?", f.vendorId());
    }
    if (f.buyerId() != null) {
      w.and("o.buyer_id = ?", f.buyerId());
    }
    if (f.checkoutId() != null) {
      w.and("o.checkout_id = ?", f.checkoutId());
    }
    return page(w, offset, limit);
  }

  private static void status(Where w, String status) {
    if (status == null || status.isBlank()) {
      return;
    }
    OrderStatus s =
        OrderStatus.fromId(status.strip())
            .orElseThrow(
                () -> RingException.invalid("status_invalid", "status", "Unknown order status."));
    w.and("o.status = ?", s.id());
  }

  private Page page(Where w, int offset, int limit) {
    if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
      throw RingException.invalid("page_invalid", "size", "Pages hold 1 to 100 orders.");
    }
    Sql.Statement list =
        db.query(
            OrderRows.SUMMARY
                + w.sql()
                + " order by o.id desc offset "
                + offset
                + " limit "
                + limit);
    w.bind(list);
    @SuppressWarnings("unchecked")
    List<Object[]> rows = list.getResultList();
    Sql.Statement count =
        db.query(
            "select count(*) from ring.orders o join ring.vendors v on v.id = o.vendor_id"
                + w.sql());
    w.bind(count);
    return new Page(
        rows.stream().map(OrderRows::summary).toList(), longOf(count.getSingleResult()));
  }

  /** A where clause built from typed conditions, numbered as it grows. */
  private static final class Where {
    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    Where and(String condition, Object param) {
      sql.append(sql.length() == 0 ? " where " : " and ");
      if (param == null) {
        sql.append(condition);
      } else {
        params.add(param);
        sql.append(condition.replace("?", "?" + params.size()));
      }
      return this;
    }

    String sql() {
      return sql.toString();
    }

    void bind(Sql.Statement q) {
      for (int i = 0; i < params.size(); i++) {
        q.setParameter(i + 1, params.get(i));
      }
    }
  }

  // ---- One order -----------------------------------------------------------------------------

  /** The order row with its owner column, locked when {@code forUpdate}. */
  private Object[] row(long orderId, boolean forUpdate) {
    if (forUpdate) {
      db.query("select id from ring.orders where id = ?1 for update")
          .setParameter(1, orderId)
          .getResultList();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(OrderRows.SUMMARY + " where o.id = ?1").setParameter(1, orderId).getResultList();
    if (rows.isEmpty()) {
      throw noSuchOrder();
    }
    return rows.get(0);
  }

  /** The caller's capacities on an order row, in the order they are tried. */
  private static Set<Actor> capacities(AuthenticatedUser actor, Object[] row) {
    Set<Actor> out = new LinkedHashSet<>();
    if (longOf(row[21]) == actor.id()) {
      out.add(Actor.VENDOR);
    }
    if (longOf(row[2]) == actor.id()) {
      out.add(Actor.BUYER);
    }
    if (actor.role().isPlatformAdmin()) {
      out.add(Actor.ADMIN);
    }
    return out;
  }

  @Override
  public Detail get(AuthenticatedUser actor, long orderId) {
    require(actor);
    Object[] row = row(orderId, false);
    Set<Actor> caps = capacities(actor, row);
    if (caps.isEmpty()) {
      // Someone else's order does not exist, as far as the caller can tell.
      throw noSuchOrder();
    }
    return detail(row, caps);
  }

  private Detail detail(Object[] row, Set<Actor> caps) {
    Summary s = OrderRows.summary(row);
    OrderStatus status = OrderStatus.fromId(s.status()).orElseThrow();
    @SuppressWarnings("unchecked")
    List<Object[]> lines =
        db.query(
                "select id, product_id, variant_id, title, sku, kind, unit_price_minor, quantity,"
                    + " line_total_minor, referral_bps from ring.order_lines where order_id = ?1"
                    + " order by id")
            .setParameter(1, s.id())
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> events =
        db.query(
                "select e.from_status, e.to_status, e.actor_id, u.display_name, e.actor_kind,"
                    + " e.note, e.at from ring.order_events e left join ring.users u"
                    + " on u.id = e.actor_id where e.order_id = ?1 order by e.id")
            .setParameter(1, s.id())
            .getResultList();
    Object shipping =
        db.query("select shipping from ring.orders where id = ?1")
            .setParameter(1, s.id())
            .getSingleResult();
    Set<OrderStatus> next = EnumSet.noneOf(OrderStatus.class);
    caps.forEach(c -> next.addAll(status.nextFor(c)));
    next.removeAll(RESERVED);
    return new Detail(
        s,
        lines.stream()
            .map(
                l ->
                    new Line(
                        longOf(l[0]),
                        longOf(l[1]),
                        longOrNull(l[2]),
                        text(l[3]),
                        text(l[4]),
                        text(l[5]),
                        longOf(l[6]),
                        intOf(l[7]),
                        longOf(l[8]),
                        intOf(l[9])))
            .toList(),
        events.stream()
            .map(
                e ->
                    new Event(
                        text(e[0]),
                        text(e[1]),
                        longOrNull(e[2]),
                        text(e[3]),
                        text(e[4]),
                        text(e[5]),
                        time(e[6])))
            .toList(),
        OrderRows.address(shipping),
        caps.stream().map(Actor::id).toList(),
        next.stream().map(OrderStatus::id).toList());
  }

  // ---- Moves ---------------------------------------------------------------------------------

  @Override
  public Detail transition(AuthenticatedUser actor, long orderId, OrderStatus to, String note) {
    require(actor);
    if (to == null) {
      throw RingException.invalid("status_invalid", "to", "Name the status to move to.");
    }
    Object[] peek = row(orderId, false);
    Set<Actor> caps = capacities(actor, peek);
    if (caps.isEmpty()) {
      throw noSuchOrder();
    }
    // Locks in the order every writer takes them: the checkout, then its orders.
    db.query("select id from ring.checkouts where id = ?1 for update")
        .setParameter(1, longOf(peek[1]))
        .getResultList();
    Object[] row = row(orderId, true);
    OrderStatus from = OrderStatus.fromId(text(row[6])).orElseThrow();
    if (RESERVED.contains(to)) {
      throw new RingException(
          RingException.Kind.CONFLICT,
          "transition_reserved",
          "to",
          "Only a payment makes an order paid, and only a refund makes it refunded.");
    }
    Actor capacity =
        caps.stream()
            .filter(c -> from.allows(to, c))
            .findFirst()
            .orElseThrow(
                () ->
                    new RingException(
                        RingException.Kind.CONFLICT,
                        "transition_not_allowed",
                        "to",
                        "An order that is "
                            + from.id()
                            + " cannot be moved to "
                            + to.id()
                            + " by you."));
    String why =
        to == OrderStatus.REFUND_REQUESTED
            ? TextInput.required(note, 1, 500, "note", "Say why in 1 to 500 characters.")
            : TextInput.optional(note, 500, "note");
    long checkoutId = longOf(row[1]);
    if (to == OrderStatus.CANCELLED && from == OrderStatus.PENDING_PAYMENT) {
      cancelCheckout(checkoutId, actor.id(), capacity, why);
    } else {
      OrderRows.move(db, orderId, from, to, actor.id(), capacity, why);
    }
    Detail after = detail(row(orderId, false), caps);
    // Notices last (they write through the EntityManager; see Sql).
    tellOthers(row, capacity, to, actor.id());
    LOG.log(
        Level.INFO,
        "Order {0}: {1} -> {2} by {3} as {4}",
        new Object[] {orderId, from.id(), to.id(), actor.id(), capacity.id()});
    return after;
  }

  /**
   * One payment covers every order of a checkout, so an unpaid order is cancelled with its whole
   * checkout: each of its unpaid orders gets its own event, and the reserved stock goes back.
   */
  private void cancelCheckout(long checkoutId, long actorId, Actor capacity, String note) {
    db.query(
            "update ring.checkouts set status = 'cancelled' where id = ?1"
                + " and status = 'pending_payment'")
        .setParameter(1, checkoutId)
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object> pending =
        db.query(
                "select id from ring.orders where checkout_id = ?1 and status = 'pending_payment'"
                    + " order by id for update")
            .setParameter(1, checkoutId)
            .getResultList();
    for (Object id : pending) {
      OrderRows.move(
          db,
          longOf(id),
          OrderStatus.PENDING_PAYMENT,
          OrderStatus.CANCELLED,
          actorId,
          capacity,
          note);
    }
    inventory.release(Inventory.Holder.checkout(checkoutId));
  }

  /** Tells the buyer about the vendor's moves and the vendor about the buyer's (admins: both). */
  private void tellOthers(Object[] row, Actor capacity, OrderStatus to, long actorId) {
    long orderId = longOf(row[0]);
    long buyerId = longOf(row[2]);
    long vendorOwner = longOf(row[21]);
    String type =
        to == OrderStatus.REFUND_REQUESTED
            ? NotificationTypes.STORE_ORDER_REFUND_REQUESTED
            : NotificationTypes.STORE_ORDER_STATUS;
    String payload =
        Json.createObjectBuilder()
            .add("orderId", orderId)
            .add("number", "#" + orderId)
            .add("status", to.id())
            .build()
            .toString();
    Set<Long> told = new LinkedHashSet<>();
    if (capacity != Actor.BUYER) {
      told.add(buyerId);
    }
    if (capacity != Actor.VENDOR) {
      told.add(vendorOwner);
    }
    told.remove(actorId);
    told.forEach(userId -> notices.tell(userId, type, payload));
  }
}
