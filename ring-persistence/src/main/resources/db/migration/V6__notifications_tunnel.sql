-- The Tunnel's durable outbox and the notification preferences.
--
-- Producers insert outbox rows in their own transaction, without a delivery number, so a rolled-back
-- change is never published. One dispatcher at a time (an advisory lock) numbers the committed rows
-- in id order from tunnel_cursor and commits; numbers therefore become visible in order, and a
-- client that resumes "after n" can never miss a smaller number committed later.
create table tunnel_events (
    id             bigint generated always as identity primary key,
    seq            bigint,
    channel        varchar(100) not null,
    event          varchar(100) not null,
    -- The one person a user:<id> channel message is for; null on topic channels.
    target_user_id bigint,
    -- Discovery filtering: who may receive the message (null: no visibility rule).
    visibility     varchar(20),
    confidential   boolean      not null default false,
    payload        text         not null default '{}',
    created_at     timestamptz  not null default now(),
    constraint tunnel_events_seq_uq unique (seq),
    constraint tunnel_events_visibility_ck check (visibility is null or visibility in ('public', 'subscriber', 'member', 'confidential'))
);
create index tunnel_events_pending_ix on tunnel_events (id) where seq is null;
create index tunnel_events_channel_ix on tunnel_events (channel, seq) where seq is not null;
create index tunnel_events_created_ix on tunnel_events (created_at);

-- The last delivery number handed out; one row.
create table tunnel_cursor (
    id       smallint primary key default 1,
    last_seq bigint   not null,
    constraint tunnel_cursor_one_ck check (id = 1)
);
insert into tunnel_cursor (id, last_seq) values (1, 0);

-- Per person, type and channel: whether they want it. A missing row means the type's default.
create table notification_preferences (
    user_id bigint      not null references users (id) on delete cascade,
    type    varchar(50) not null,
    channel varchar(10) not null,
    enabled boolean     not null,
    primary key (user_id, type, channel),
    constraint notification_preferences_channel_ck check (channel in ('in_app', 'email'))
);

-- A notice whose in-app channel is off is still stored (so "tell once" holds and the email is
-- sent once) but never shown in the inbox nor counted.
alter table notifications add column in_app boolean not null default true;
alter table notifications add column emailed_at timestamptz;
create index notifications_unread_ix on notifications (user_id) where read_at is null and in_app;
