package org.ringplatform.store.order.internal;

import static org.ringplatform.store.stock.internal.Rows.longOf;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.store.order.OrderStatus;
import org.ringplatform.store.order.StoreHousekeeping;
import org.ringplatform.store.stock.Inventory;
import org.ringplatform.store.stock.internal.Sql;

/**
 * The store's chores, each call in a transaction of its own. Rows are claimed with {@code for
 * update skip locked}: a checkout being paid right now is locked by its payment and waits for the
 * next run, by which time it is paid and no longer lapsed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DefaultStoreHousekeeping implements StoreHousekeeping {

  private static final Logger LOG = Logger.getLogger(DefaultStoreHousekeeping.class.getName());

  static final String LAPSED_NOTE = "The checkout lapsed unpaid; its stock went back on sale.";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  private Sql db;
  @Inject private Inventory inventory;

  @Inject
  @ConfigProperty(name = "ring.store.auto-complete-days", defaultValue = "14")
  int autoCompleteDays;

  @PostConstruct
  void connect() {
    db = new Sql(dataSource);
  }

  @Override
  public int lapseCheckouts(int limit) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        db.query(
                "select id from ring.checkouts where status = 'pending_payment'"
                    + " and expires_at < now() order by expires_at limit ?1"
                    + " for update skip locked")
            .setParameter(1, Math.max(1, limit))
            .getResultList();
    for (Object value : ids) {
      long checkoutId = longOf(value);
      db.query("update ring.checkouts set status = 'expired' where id = ?1")
          .setParameter(1, checkoutId)
          .executeUpdate();
      @SuppressWarnings("unchecked")
      List<Object> orders =
          db.query(
                  "select id from ring.orders where checkout_id = ?1"
                      + " and status = 'pending_payment' order by id for update")
              .setParameter(1, checkoutId)
              .getResultList();
      for (Object orderId : orders) {
        OrderRows.move(
            db,
            longOf(orderId),
            OrderStatus.PENDING_PAYMENT,
            OrderStatus.CANCELLED,
            null,
            OrderStatus.Actor.SYSTEM,
            LAPSED_NOTE);
      }
      inventory.release(Inventory.Holder.checkout(checkoutId));
    }
    if (!ids.isEmpty()) {
      LOG.log(Level.INFO, "{0} unpaid checkouts lapsed", ids.size());
    }
    return ids.size();
  }

  @Override
  public int releaseLapsedHolds(int limit) {
    return inventory.releaseLapsed(limit);
  }

  @Override
  public int completeDelivered(int limit) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        db.query(
                "select id from ring.orders where status = 'delivered'"
                    + " and coalesce(delivered_at, updated_at) < now() - make_interval(days => ?1)"
                    + " order by id limit ?2 for update skip locked")
            .setParameter(1, Math.max(0, autoCompleteDays))
            .setParameter(2, Math.max(1, limit))
            .getResultList();
    for (Object id : ids) {
      OrderRows.move(
          db,
          longOf(id),
          OrderStatus.DELIVERED,
          OrderStatus.COMPLETED,
          null,
          OrderStatus.Actor.SYSTEM,
          "Completed " + autoCompleteDays + " days after delivery.");
    }
    return ids.size();
  }

  @Override
  public int dropStaleCarts(int limit) {
    return db.query(
            "delete from ring.carts where id in (select id from ring.carts"
                + " where user_id is null and updated_at < now() - interval '30 days'"
                + " limit ?1 for update skip locked)")
        .setParameter(1, Math.max(1, limit))
        .executeUpdate();
  }
}
