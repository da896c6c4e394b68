-- The board's default order (newest active listings first) read straight from an index, whatever
-- mix of visibilities the viewer may see; the visibility filter then drops a few rows per page.
create index opportunities_active_recent_ix on opportunities (created_at desc, id desc) where status = 'active';

-- The moderation queue, oldest first.
create index opportunities_pending_ix on opportunities (submitted_at, id) where status = 'pending';

-- V5's (status, visibility, confidential, ...) index is replaced by the two above: for a text
-- search the planner ANDed its ~60% of the table with the GIN index's few thousand rows, which
-- cost more than filtering those rows directly (measured with bench/search.sh: count 16 -> 5 ms,
-- ranked page 19 -> 6 ms on 100,000 listings).
drop index opportunities_board_ix;
