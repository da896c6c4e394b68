package org.ringplatform.store.order.internal;

import static org.ringplatform.store.stock.internal.Rows.intOf;
import static org.ringplatform.store.stock.internal.Rows.longOf;
import static org.ringplatform.store.stock.internal.Rows.longOrNull;
import static org.ringplatform.store.stock.internal.Rows.text;
import static org.ringplatform.store.stock.internal.Rows.time;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.order.CheckoutService;
import org.ringplatform.store.order.OrderService;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.store.stock.internal.Sql;

/**
 * The order rows as the services read and move them: the summary query, the one status move that
 * every transition goes through (a conditional update and its {@code order_events} row), and the
 * shipping address as stored JSON.
 */
final class OrderRows {

  /** Summary columns; append a where clause. Column 21 is the vendor's owner. */
  static final String SUMMARY =
      "select o.id, o.checkout_id, o.buyer_id, u.display_name, o.vendor_id, v.name, o.status,"
          + " o.currency, o.subtotal_minor, o.discount_minor, o.shipping_minor, o.total_minor,"
          + " o.commission_bps, o.commission_minor, o.referral_code, o.referral_minor,"
          + " o.refunded_minor, (select coalesce(sum(l.quantity), 0) from ring.order_lines l"
          + " where l.order_id = o.id), o.created_at, o.paid_at, o.completed_at, v.owner_id"
          + " from ring.orders o join ring.vendors v on v.id = o.vendor_id"
          + " join ring.users u on u.id = o.buyer_id";

  private OrderRows() {}

  static OrderService.Summary summary(Object[] r) {
    return new OrderService.Summary(
        longOf(r[0]),
        longOf(r[1]),
        longOf(r[2]),
        text(r[3]),
        longOf(r[4]),
        text(r[5]),
        text(r[6]),
        text(r[7]).strip(),
        longOf(r[8]),
        longOf(r[9]),
        longOf(r[10]),
        longOf(r[11]),
        intOf(r[12]),
        longOf(r[13]),
        text(r[14]),
        longOf(r[15]),
        longOf(r[16]),
        intOf(r[17]),
        time(r[18]),
        time(r[19]),
        time(r[20]));
  }

  /**
   * Moves an order from {@code from} to {@code to} and records who did it. The caller has checked
   * the state machine; the update is conditional on the status it read, so a concurrent move is
   * refused rather than overwritten.
   */
  static void move(
      Sql db,
      long orderId,
      OrderStatus from,
      OrderStatus to,
      Long actorId,
      OrderStatus.Actor actor,
      String note) {
    if (!from.allows(to, actor)) {
      throw new IllegalStateException(from + " -> " + to + " is not allowed for " + actor);
    }
    StringBuilder sql =
        new StringBuilder(
            "update ring.orders set status = ?1, updated_at = now(), version = version + 1");
    if (actor == OrderStatus.Actor.PAYMENT) {
      sql.append(", paid_at = coalesce(paid_at, now())");
    }
    if (to == OrderStatus.DELIVERED) {
      sql.append(", delivered_at = now()");
    }
    if (to == OrderStatus.COMPLETED) {
      sql.append(", completed_at = coalesce(completed_at, now())");
    }
    sql.append(" where id = ?2 and status = ?3");
    int moved =
        db.query(sql.toString())
            .setParameter(1, to.id())
            .setParameter(2, orderId)
            .setParameter(3, from.id())
            .executeUpdate();
    if (moved != 1) {
      throw new RingException(
          RingException.Kind.CONFLICT,
          "order_changed",
          null,
          "The order changed meanwhile; reload it.");
    }
    event(db, orderId, from, to, actorId, actor, note);
  }

  /** An {@code order_events} row ({@code from} null at creation). */
  static void event(
      Sql db,
      long orderId,
      OrderStatus from,
      OrderStatus to,
      Long actorId,
      OrderStatus.Actor actor,
      String note) {
    db.query(
            "insert into ring.order_events(order_id, from_status, to_status, actor_id,"
                + " actor_kind, note) values (?1, ?2, ?3, cast(?4 as bigint), ?5, ?6)")
        .setParameter(1, orderId)
        .setParameter(2, from == null ? null : from.id())
        .setParameter(3, to.id())
        .setParameter(4, actorId)
        .setParameter(5, actor.id())
        .setParameter(6, note)
        .executeUpdate();
  }

  /** An order's lines as stock items. */
  static List<Inventory.Item> items(Sql db, long orderId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select product_id, variant_id, quantity, title from ring.order_lines"
                    + " where order_id = ?1 order by id")
            .setParameter(1, orderId)
            .getResultList();
    return rows.stream()
        .map(r -> new Inventory.Item(longOf(r[0]), longOrNull(r[1]), intOf(r[2]), text(r[3])))
        .toList();
  }

  /** The address as stored in {@code checkouts.shipping} and {@code orders.shipping}. */
  static String shippingJson(CheckoutService.Address a) {
    if (a == null) {
      return "{}";
    }
    JsonObjectBuilder b = Json.createObjectBuilder();
    put(b, "name", a.name());
    put(b, "phone", a.phone());
    put(b, "address", a.address());
    put(b, "city", a.city());
    put(b, "postalCode", a.postalCode());
    put(b, "country", a.country());
    put(b, "email", a.email());
    put(b, "notes", a.notes());
    return b.build().toString();
  }

  private static void put(JsonObjectBuilder b, String key, String value) {
    if (value != null) {
      b.add(key, value);
    }
  }

  /** The stored address, or null when none was given. */
  static CheckoutService.Address address(Object json) {
    if (json == null) {
      return null;
    }
    try (JsonReader r = Json.createReader(new StringReader(json.toString()))) {
      JsonObject o = r.readObject();
      if (o.isEmpty()) {
        return null;
      }
      return new CheckoutService.Address(
          get(o, "name"),
          get(o, "phone"),
          get(o, "address"),
          get(o, "city"),
          get(o, "postalCode"),
          get(o, "country"),
          get(o, "email"),
          get(o, "notes"));
    }
  }

  private static String get(JsonObject o, String key) {
    return o.get(key) instanceof JsonString s ? s.getString() : null;
  }
}
