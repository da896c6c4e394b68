-- The settlement job's queue moves out of the orders table (docs/settlements.md).
--
-- Until now an order was marked settled by setting orders.settled_at. That column sat in the
-- predicate of the queue's partial index, so every mark was a full (non-HOT) update writing a new
-- entry into each of the order table's indexes: most of the time of a large settlement run. The
-- settled mark is now the order's settlement line (unique per order, as before), and the queue of
-- completed, unsettled orders is this narrow table, filled by a trigger when an order completes
-- and emptied by the settlement that settles it. Settling an order leaves its row untouched (it is
-- only locked, so a refund under way finishes first).
create table settlement_queue (
    order_id        bigint        primary key references orders (id) on delete cascade,
    vendor_id       bigint        not null,
    currency        char(3)       not null,
    completed_at    timestamptz   not null
);
create index settlement_queue_due_ix on settlement_queue (vendor_id, currency, completed_at, order_id);

insert into settlement_queue (order_id, vendor_id, currency, completed_at)
select id, vendor_id, currency, completed_at from orders
 where completed_at is not null and settled_at is null
   and not exists (select 1 from settlement_lines l where l.order_id = orders.id);

-- Every completed order without a settlement line is queued, whatever path completed it (the
-- order workflow, or SQL an operator runs); a change of its completion time moves it in the queue.
-- The search path is fixed at creation (the migration's schema), as for the ledger's triggers.
create function settlement_enqueue() returns trigger language plpgsql set search_path from current as $$
begin
    if new.completed_at is null then
        delete from settlement_queue where order_id = new.id;
    elsif not exists (select 1 from settlement_lines where order_id = new.id) then
        insert into settlement_queue (order_id, vendor_id, currency, completed_at)
        values (new.id, new.vendor_id, new.currency, new.completed_at)
        on conflict (order_id) do update set completed_at = excluded.completed_at;
    end if;
    return null;
end $$;
create trigger orders_settlement_enqueue after insert on orders
    for each row when (new.completed_at is not null) execute function settlement_enqueue();
create trigger orders_settlement_requeue after update of completed_at on orders
    for each row when (new.completed_at is distinct from old.completed_at)
    execute function settlement_enqueue();

drop index orders_settle_queue_ix;
alter table orders drop column settled_at;
