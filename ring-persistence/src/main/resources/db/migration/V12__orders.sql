-- Cart, checkout and orders: what the order workflow adds to the commerce schema of V9.

-- When an order was last delivered: the housekeeping job completes it a configured number of days
-- later (ring.store.auto-complete-days), unless the buyer or an admin completes it first.
alter table orders add column delivered_at timestamptz;
create index orders_delivered_ix on orders (delivered_at) where status = 'delivered';

-- The admin list, newest first, optionally by status.
create index orders_status_ix on orders (status, id desc);

-- The housekeeping job's queues: unpaid checkouts by expiry, stale anonymous carts.
create index checkouts_lapse_ix on checkouts (expires_at) where status = 'pending_payment';
create index carts_anon_stale_ix on carts (updated_at) where user_id is null;

-- A checkout's reservations, found by level when its sale is committed.
create index stock_reservations_holder_level_ix on stock_reservations (holder, level_id) where status = 'active';
