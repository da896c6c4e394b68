package org.ringplatform.store.stock.internal;

import static org.ringplatform.store.stock.internal.Rows.idList;
import static org.ringplatform.store.stock.internal.Rows.intOf;
import static org.ringplatform.store.stock.internal.Rows.longOf;
import static org.ringplatform.store.stock.internal.Rows.longOrNull;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ringplatform.platform.RingException;
import org.ringplatform.store.stock.Inventory;

/**
 * The inventory on {@code inventory_levels}, {@code stock_reservations} and {@code
 * stock_movements}. Every operation locks what it touches before it changes anything: first the
 * holder's reservations, then all the levels involved at once in id order. The conditional updates
 * and the table's {@code available >= 0} check make overselling impossible even for a caller that
 * skipped the checks.
 */
@Stateless
public class DefaultInventory implements Inventory {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private Sql db;

  @PostConstruct
  void connect() {
    db = new Sql(dataSource);
  }

  /** An item resolved to its stock level; {@code levelId} is null when it is not stocked. */
  private record Resolved(Item item, boolean physical, Long levelId) {}

  /** The locked state of a level. */
  private static final class Counts {
    int available;
    int reserved;

    Counts(int available, int reserved) {
      this.available = available;
      this.reserved = reserved;
    }
  }

  /** A reservation as read under lock. */
  private record Held(long id, long levelId, int quantity) {}

  @Override
  public Hold reserve(String holder, String kind, Duration ttl, List<Item> items) {
    return hold(holder, kind, ttl, items, List.of());
  }

  @Override
  public Hold reserveReplacing(
      String holder, String kind, Duration ttl, List<Item> items, String previousHolder) {
    return hold(holder, kind, ttl, items, activeHolds(previousHolder, null));
  }

  @Override
  public int release(String holder) {
    List<Held> held = activeHolds(holder, null);
    if (held.isEmpty()) {
      return 0;
    }
    Map<Long, Counts> levels = lock(held.stream().map(Held::levelId).collect(Collectors.toSet()));
    putBack(held, levels, "released");
    return held.size();
  }

  private Hold hold(
      String holder, String kind, Duration ttl, List<Item> items, List<Held> toRelease) {
    if (!"cart".equals(kind) && !"checkout".equals(kind)) {
      throw new IllegalArgumentException("kind is cart or checkout");
    }
    Map<Long, Integer> wanted = new TreeMap<>();
    Map<Long, String> titles = new HashMap<>();
    for (Resolved r : resolve(items)) {
      if (!r.physical()) {
        continue;
      }
      if (r.levelId() == null) {
        throw shortOf(r.item().title(), 0);
      }
      wanted.merge(r.levelId(), r.item().quantity(), Integer::sum);
      titles.putIfAbsent(r.levelId(), r.item().title());
    }
    Set<Long> involved = new TreeSet<>(wanted.keySet());
    toRelease.forEach(h -> involved.add(h.levelId()));
    Map<Long, Counts> levels = lock(involved);
    putBack(toRelease, levels, "released");
    for (Map.Entry<Long, Integer> w : wanted.entrySet()) {
      Counts c = levels.get(w.getKey());
      if (c.available < w.getValue()) {
        throw shortOf(titles.get(w.getKey()), c.available);
      }
    }
    OffsetDateTime expires = null;
    for (Map.Entry<Long, Integer> w : wanted.entrySet()) {
      // Conditional even under the lock: the database refuses an oversell on its own.
      int moved =
          db.query(
                  "update ring.inventory_levels set available = available - ?1,"
                      + " reserved = reserved + ?2, version = version + 1, updated_at = now()"
                      + " where id = ?3 and available >= ?4")
              .setParameter(1, w.getValue())
              .setParameter(2, w.getValue())
              .setParameter(3, w.getKey())
              .setParameter(4, w.getValue())
              .executeUpdate();
      if (moved != 1) {
        throw shortOf(titles.get(w.getKey()), 0);
      }
      expires =
          Rows.time(
              db.query(
                      "insert into ring.stock_reservations(level_id, quantity, kind, holder,"
                          + " expires_at) values (?1, ?2, ?3, ?4,"
                          + " now() + make_interval(secs => ?5)) returning expires_at")
                  .setParameter(1, w.getKey())
                  .setParameter(2, w.getValue())
                  .setParameter(3, kind)
                  .setParameter(4, holder)
                  .setParameter(5, (double) ttl.toSeconds())
                  .getSingleResult());
    }
    return new Hold(holder, wanted.size(), expires);
  }

  @Override
  public boolean commitSale(long orderId, String holder, List<Item> items, Long actorId) {
    Map<Long, Integer> sold = new TreeMap<>();
    for (Resolved r : resolve(items)) {
      if (!r.physical()) {
        continue;
      }
      if (r.levelId() == null) {
        return false;
      }
      sold.merge(r.levelId(), r.item().quantity(), Integer::sum);
    }
    if (sold.isEmpty()) {
      return true;
    }
    List<Held> held = activeHolds(holder, sold.keySet());
    Map<Long, Counts> levels = lock(sold.keySet());
    @SuppressWarnings("unchecked")
    List<Object> already =
        db.query(
                "select level_id from ring.stock_movements where order_id = ?1 and kind = 'sale'"
                    + " and level_id in "
                    + idList(sold.keySet()))
            .setParameter(1, orderId)
            .getResultList();
    already.forEach(id -> sold.remove(longOf(id)));
    Map<Long, Integer> heldBy = new HashMap<>();
    held.forEach(h -> heldBy.merge(h.levelId(), h.quantity(), Integer::sum));
    // Decide first, write after: a payment that finds an item gone changes nothing.
    for (Map.Entry<Long, Integer> s : sold.entrySet()) {
      Counts c = levels.get(s.getKey());
      if (c.available + heldBy.getOrDefault(s.getKey(), 0) < s.getValue()) {
        return false;
      }
    }
    for (Map.Entry<Long, Integer> s : sold.entrySet()) {
      long levelId = s.getKey();
      int quantity = s.getValue();
      int fromHold = heldBy.getOrDefault(levelId, 0);
      Counts c = levels.get(levelId);
      int before = c.available + c.reserved;
      List<?> inserted =
          db.query(
                  "insert into ring.stock_movements(level_id, kind, change, stock_before,"
                      + " stock_after, order_id, actor_id) values (?1, 'sale', ?2, ?3, ?4, ?5,"
                      + " cast(?6 as bigint)) on conflict (order_id, level_id) where kind = 'sale'"
                      + " do nothing returning id")
              .setParameter(1, levelId)
              .setParameter(2, -quantity)
              .setParameter(3, before)
              .setParameter(4, before - quantity)
              .setParameter(5, orderId)
              .setParameter(6, actorId)
              .getResultList();
      if (inserted.isEmpty()) {
        continue;
      }
      // The holder's reservation goes back to available, then the sale takes its quantity from
      // there: with a matching hold that leaves available as it was and lowers reserved.
      db.query(
              "update ring.inventory_levels set available = available + ?1,"
                  + " reserved = reserved - ?2, version = version + 1, updated_at = now()"
                  + " where id = ?3")
          .setParameter(1, fromHold - quantity)
          .setParameter(2, fromHold)
          .setParameter(3, levelId)
          .executeUpdate();
      c.available += fromHold - quantity;
      c.reserved -= fromHold;
    }
    List<Long> fulfilled =
        held.stream().filter(h -> sold.containsKey(h.levelId())).map(Held::id).toList();
    if (!fulfilled.isEmpty()) {
      db.query(
              "update ring.stock_reservations set status = 'fulfilled', resolved_at = now()"
                  + " where id in "
                  + idList(fulfilled))
          .executeUpdate();
    }
    return true;
  }

  @Override
  public int releaseLapsed(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select id, level_id, quantity from ring.stock_reservations"
                    + " where status = 'active' and expires_at < now() order by id limit ?1"
                    + " for update skip locked")
            .setParameter(1, Math.max(1, limit))
            .getResultList();
    List<Held> lapsed =
        rows.stream().map(r -> new Held(longOf(r[0]), longOf(r[1]), intOf(r[2]))).toList();
    if (lapsed.isEmpty()) {
      return 0;
    }
    Map<Long, Counts> levels = lock(lapsed.stream().map(Held::levelId).collect(Collectors.toSet()));
    putBack(lapsed, levels, "expired");
    return lapsed.size();
  }

  @Override
  public Optional<Level> level(long productId, Long variantId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select id, product_id, variant_id, available, reserved, stock"
                    + " from ring.inventory_levels where product_id = ?1"
                    + " and coalesce(variant_id, 0) = ?2")
            .setParameter(1, productId)
            .setParameter(2, variantId == null ? 0L : variantId)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Level(
                    longOf(r[0]),
                    longOf(r[1]),
                    longOrNull(r[2]),
                    intOf(r[3]),
                    intOf(r[4]),
                    intOf(r[5])));
  }

  // ---- Internals -----------------------------------------------------------------------------

  private static RingException shortOf(String title, int available) {
    return new RingException(
        RingException.Kind.CONFLICT,
        "insufficient_stock",
        "items",
        "Not enough of \u201c"
            + title
            + "\u201d in stock"
            + (available > 0 ? ": " + available + " left." : "."));
  }

  /** Each item's kind and stock level, in the order given. */
  private List<Resolved> resolve(List<Item> items) {
    if (items.isEmpty()) {
      return List.of();
    }
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      if (item.quantity() < 1) {
        throw new IllegalArgumentException("quantity must be positive");
      }
      values
          .append(i == 0 ? "" : ", ")
          .append('(')
          .append(i)
          .append(", ")
          .append(item.productId())
          .append(", ")
          .append(item.variantId() == null ? 0L : item.variantId())
          .append(')');
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select i.idx, p.kind, l.id from (values "
                    + values
                    + ") as i(idx, product_id, variant_id)"
                    + " join ring.store_products p on p.id = i.product_id"
                    + " left join ring.inventory_levels l on l.product_id = i.product_id"
                    + " and coalesce(l.variant_id, 0) = i.variant_id")
            .getResultList();
    Map<Integer, Object[]> byIndex = new HashMap<>();
    rows.forEach(r -> byIndex.put(intOf(r[0]), r));
    List<Resolved> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Object[] r = byIndex.get(i);
      if (r == null) {
        throw RingException.notFound("There is no such product.");
      }
      out.add(new Resolved(items.get(i), "physical".equals(r[1]), longOrNull(r[2])));
    }
    return out;
  }

  /** The holder's active reservations (on {@code levelIds} only, when given), locked. */
  private List<Held> activeHolds(String holder, Set<Long> levelIds) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select id, level_id, quantity from ring.stock_reservations"
                    + " where holder = ?1 and status = 'active'"
                    + (levelIds == null ? "" : " and level_id in " + idList(levelIds))
                    + " order by id for update")
            .setParameter(1, holder)
            .getResultList();
    return rows.stream().map(r -> new Held(longOf(r[0]), longOf(r[1]), intOf(r[2]))).toList();
  }

  /** Locks the levels in id order and reads their counts. */
  private Map<Long, Counts> lock(Set<Long> levelIds) {
    Map<Long, Counts> out = new LinkedHashMap<>();
    if (levelIds.isEmpty()) {
      return out;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        db.query(
                "select id, available, reserved from ring.inventory_levels where id in "
                    + idList(new TreeSet<>(levelIds))
                    + " order by id for update")
            .getResultList();
    rows.forEach(r -> out.put(longOf(r[0]), new Counts(intOf(r[1]), intOf(r[2]))));
    return out;
  }

  /** Returns held quantities to available and closes the reservations with {@code status}. */
  private void putBack(List<Held> held, Map<Long, Counts> levels, String status) {
    if (held.isEmpty()) {
      return;
    }
    Map<Long, Integer> byLevel = new TreeMap<>();
    held.forEach(h -> byLevel.merge(h.levelId(), h.quantity(), Integer::sum));
    db.query(
            "update ring.stock_reservations set status = ?1, resolved_at = now() where id in "
                + idList(held.stream().map(Held::id).toList()))
        .setParameter(1, status)
        .executeUpdate();
    for (Map.Entry<Long, Integer> b : byLevel.entrySet()) {
      db.query(
              "update ring.inventory_levels set available = available + ?1,"
                  + " reserved = reserved - ?2, version = version + 1, updated_at = now()"
                  + " where id = ?3")
          .setParameter(1, b.getValue())
          .setParameter(2, b.getValue())
          .setParameter(3, b.getKey())
          .executeUpdate();
      Counts c = levels.get(b.getKey());
      c.available += b.getValue();
      c.reserved -= b.getValue();
    }
  }
}
