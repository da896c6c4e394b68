-- The board's default order (newest active listings first) read straight from an index, whatever
-- mix of visibilities the viewer may see; the visibility filter then drops a few rows per page.
create index opportunities_active_recent_ix on opportunities (created_at desc, id desc) where status = 'active';
