package org.ringplatform.store.order;

/**
 * The store's periodic chores, run by the {@code StoreHousekeepingJob} batch job every minute. Each
 * call is its own transaction over at most {@code limit} rows, locked with {@code skip locked} so
 * two nodes (or a node and a checkout) never block each other; the job calls again until a call
 * returns fewer than it asked for.
 */
public interface StoreHousekeeping {

  /**
   * Cancels checkouts whose 15-minute reservation lapsed unpaid: the checkout becomes {@code
   * expired}, its unpaid orders {@code cancelled} (by the system) and its stock is released.
   *
   * @return checkouts lapsed
   */
  int lapseCheckouts(int limit);

  /**
   * Releases cart holds and checkout reservations past their expiry.
   *
   * @return reservations released
   */
  int releaseLapsedHolds(int limit);

  /**
   * Completes orders delivered more than {@code ring.store.auto-complete-days} (14) days ago.
   *
   * @return orders completed
   */
  int completeDelivered(int limit);

  /**
   * Deletes anonymous carts untouched for 30 days.
   *
   * @return carts deleted
   */
  int dropStaleCarts(int limit);
}
