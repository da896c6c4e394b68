-- Seeds :count active listings (default 100,000) with words from a small vocabulary, so full-text
-- queries hit realistic fractions of the table. Run with psql -v count=100000 -f ...
\set ON_ERROR_STOP on
\if :{?count}
\else
  \set count 100000
\endif
set search_path = ring;

-- A word index from a hash of the row number and a salt, so the words of a row are independent.
create or replace function pg_temp.h(i int, salt text, n int) returns int
    language sql immutable as $$ select abs(hashtext(i::text || salt)) % n $$;

insert into users(email, display_name, role, status, email_verified)
values ('bench-author@bench.local', 'Bench Author', 'member', 'active', true)
on conflict do nothing;

with vocab as (
    select array['java','python','design','marketing','finance','logistics','farming','teaching',
                 'translation','payments','security','postgresql','react','mobile','data','cloud',
                 'legal','accounting','video','writing','research','hardware','iot','energy',
                 'health','robotics','sales','hiring','event','volunteer','mentoring','funding',
                 'branding','seo','devops','testing','support','training','consulting','retail'] as w,
           array['technology','business','education','healthcare','finance','platform_deployment',
                 'module_development','branding_customization','database_migration','localization',
                 'payment_integration','smart_contracts','ai_customization','token_economics',
                 'documentation_training','other'] as c,
           array['offer','request','job','partnership','volunteer','mentorship','resource','event'] as t,
           array['Kyiv','Lviv','Odesa','Kharkiv','Dnipro','Poltava','Warsaw','Berlin'] as city,
           array[50.45,49.84,46.48,49.99,48.46,49.59,52.23,52.52] as lat,
           array[30.52,24.03,30.72,36.23,35.05,34.55,21.01,13.40] as lon
), author as (select id from users where email = 'bench-author@bench.local')
insert into opportunities(type, title, summary, description, category, tags, skills, location,
                          latitude, longitude, remote, budget_min, budget_max, currency,
                          expires_at, visibility, confidential, author_id, status,
                          submitted_at, activated_at, created_at, matched_version)
select v.t[1 + pg_temp.h(i, 't', 8)],
       'Need ' || v.w[1 + pg_temp.h(i, 'a', 40)] || ' and ' || v.w[1 + pg_temp.h(i, 'b', 40)] || ' help #' || i,
       'We look for ' || v.w[1 + pg_temp.h(i, 'c', 40)] || ' experience to support our topic' || pg_temp.h(i, 'd', 300) || ' work.',
       'Listing number ' || i || '. ' || repeat('Details about the ' || v.w[1 + pg_temp.h(i, 'e', 40)] || ' project. ', 5),
       v.c[1 + pg_temp.h(i, 'f', 16)],
       array['topic' || pg_temp.h(i, 'd', 300), v.w[1 + pg_temp.h(i, 'g', 40)]],
       array[v.w[1 + pg_temp.h(i, 'a', 40)], v.w[1 + pg_temp.h(i, 'h', 40)], v.w[1 + pg_temp.h(i, 'k', 40)]],
       v.city[1 + pg_temp.h(i, 'l', 8)], v.lat[1 + pg_temp.h(i, 'l', 8)], v.lon[1 + pg_temp.h(i, 'l', 8)],
       i % 3 = 0,
       (i % 50) * 100, (i % 50) * 100 + 500, 'EUR',
       now() + interval '90 days',
       (array['public','public','public','subscriber','member'])[1 + (i % 5)],
       i % 97 = 0,
       a.id, 'active', now(), now(), now() - (i || ' seconds')::interval,
       1
from generate_series(1, :count) as i, vocab v, author a;


-- VACUUM also merges the GIN index's pending list, as autovacuum would soon after a bulk load.
vacuum analyze opportunities;
