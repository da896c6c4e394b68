package org.ringplatform.ledger.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Posting;
import org.ringplatform.ledger.WalletChanged;
import org.ringplatform.platform.RingException;

/**
 * The ledger on {@code ledger_accounts}, {@code ledger_entries} and {@code ledger_postings}, in
 * plain JDBC on the shared datasource so it joins the caller's transaction. Owned accounts
 * (wallets, vendors) are locked in id order, so two entries touching the same accounts never
 * deadlock, and their balance row is checked against overdraft under that lock. The platform's own
 * accounts are not locked: their balance changes go to one of {@link #STRIPES} rows, the same one
 * for every entry of a transaction ({@link Account#striped()}, {@code ledger_balance_stripes}).
 */
@Stateless
public class DefaultLedger implements Ledger {

  /** Stripes per platform account: enough that concurrent transactions rarely share one. */
  static final int STRIPES = 16;

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Resource private TransactionSynchronizationRegistry transactions;

  @Inject private Event<WalletChanged> walletChanged;

  @Override
  public long post(
      String idempotencyKey,
      String kind,
      String description,
      String reference,
      Long actorId,
      List<Posting> postings) {
    validate(idempotencyKey, postings);
    try (Connection c = dataSource.getConnection()) {
      Long entryId;
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.ledger_entries(idempotency_key, kind, description, reference,"
                  + " actor_id) values (?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing"
                  + " returning id")) {
        ps.setString(1, idempotencyKey);
        ps.setString(2, kind);
        ps.setString(3, description == null ? "" : truncate(description, 500));
        ps.setString(4, reference);
        if (actorId == null) {
          ps.setNull(5, Types.BIGINT);
        } else {
          ps.setLong(5, actorId);
        }
        try (ResultSet rs = ps.executeQuery()) {
          entryId = rs.next() ? rs.getLong(1) : null;
        }
      }
      if (entryId == null) {
        return entryFor(c, idempotencyKey).orElseThrow();
      }
      Map<String, Long> ids = lockAccounts(c, postings);
      Map<Long, Long> deltas = new HashMap<>();
      Map<Long, Account> byId = new HashMap<>();
      for (Posting p : postings) {
        long id = ids.get(key(p.account()));
        byId.put(id, p.account());
        long signed = p.side() == p.account().normalSide() ? p.amountMinor() : -p.amountMinor();
        deltas.merge(id, signed, Math::addExact);
      }
      Map<Long, Long> walletBalances = new HashMap<>();
      Map<Long, Long> stripeDeltas = new TreeMap<>();
      for (Map.Entry<Long, Long> d : deltas.entrySet()) {
        if (byId.get(d.getKey()).striped()) {
          stripeDeltas.put(d.getKey(), d.getValue());
        }
      }
      deltas.keySet().removeAll(stripeDeltas.keySet());
      try (PreparedStatement ps =
          c.prepareStatement(
              "update ring.ledger_accounts set balance_minor = balance_minor + ?,"
                  + " updated_at = now() where id = ? and (not no_overdraft"
                  + " or balance_minor + ? >= 0) returning balance_minor")) {
        for (Map.Entry<Long, Long> d : new TreeMap<>(deltas).entrySet()) {
          ps.setLong(1, d.getValue());
          ps.setLong(2, d.getKey());
          ps.setLong(3, d.getValue());
          Long after = null;
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              after = rs.getLong(1);
            }
          }
          if (after != null && "user".equals(byId.get(d.getKey()).ownerType())) {
            walletBalances.put(d.getKey(), after);
          }
          if (after == null) {
            throw new RingException(
                RingException.Kind.CONFLICT,
                "insufficient_funds",
                null,
                "The balance of " + byId.get(d.getKey()).code() + " is too low for this.");
          }
        }
      }
      addToStripes(c, stripeDeltas);
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.ledger_postings(entry_id, account_id, side, amount_minor,"
                  + " currency) values (?, ?, ?, ?, ?)")) {
        for (Posting p : postings) {
          ps.setLong(1, entryId);
          ps.setLong(2, ids.get(key(p.account())));
          ps.setString(3, String.valueOf(p.side()));
          ps.setLong(4, p.amountMinor());
          ps.setString(5, p.account().currency());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      for (Map.Entry<Long, Long> w : walletBalances.entrySet()) {
        Account a = byId.get(w.getKey());
        walletChanged.fire(new WalletChanged(a.ownerId(), a.currency(), w.getValue(), entryId));
      }
      return entryId;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not post " + idempotencyKey, e);
    }
  }

  /** Adds the platform accounts' changes to this transaction's stripe of each. */
  private void addToStripes(Connection c, Map<Long, Long> deltas) throws SQLException {
    if (deltas.isEmpty()) {
      return;
    }
    Object tx = transactions.getTransactionKey();
    int stripe = tx == null ? 0 : Math.floorMod(tx.hashCode(), STRIPES);
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.ledger_balance_stripes(account_id, stripe, balance_minor)"
                + " values (?, ?, ?) on conflict (account_id, stripe) do update"
                + " set balance_minor = ring.ledger_balance_stripes.balance_minor"
                + " + excluded.balance_minor")) {
      for (Map.Entry<Long, Long> d : deltas.entrySet()) {
        ps.setLong(1, d.getKey());
        ps.setInt(2, stripe);
        ps.setLong(3, d.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void validate(String idempotencyKey, List<Posting> postings) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
      throw RingException.invalid("ledger_key", null, "A ledger entry needs a key.");
    }
    if (postings == null || postings.size() < 2) {
      throw RingException.invalid("ledger_legs", null, "A ledger entry needs two legs or more.");
    }
    Map<String, Long> net = new HashMap<>();
    for (Posting p : postings) {
      net.merge(
          p.account().currency(),
          p.side() == 'D' ? p.amountMinor() : -p.amountMinor(),
          Math::addExact);
    }
    net.forEach(
        (currency, diff) -> {
          if (diff != 0) {
            throw RingException.invalid(
                "ledger_unbalanced", null, "The entry does not balance in " + currency + ".");
          }
        });
  }

  private static String key(Account a) {
    return a.code() + "|" + a.currency();
  }

  /**
   * Locks the entry's owned accounts in id order (the platform's striped ones are not locked),
   * creating missing accounts first; returns the ids of all by key. Existing accounts are only
   * selected: an insert of an account that exists would wait for every transaction that has just
   * changed its balance (the platform's accounts are in almost every entry), so accounts are
   * created only when the lock finds them missing. An account created here has a larger id than
   * every existing one, so the locks are still taken in id order.
   */
  private static Map<String, Long> lockAccounts(Connection c, List<Posting> postings)
      throws SQLException {
    Map<String, Account> accounts = new LinkedHashMap<>();
    postings.forEach(p -> accounts.putIfAbsent(key(p.account()), p.account()));
    List<Account> sorted = new ArrayList<>(accounts.values());
    sorted.sort(Comparator.comparing(Account::code).thenComparing(Account::currency));
    List<Account> owned = sorted.stream().filter(a -> !a.striped()).toList();
    List<Account> striped = sorted.stream().filter(Account::striped).toList();
    Map<String, Long> ids = select(c, owned, true);
    ids.putAll(select(c, striped, false));
    if (ids.size() == sorted.size()) {
      return ids;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.ledger_accounts(code, currency, kind, normal_side, owner_type,"
                + " owner_id, no_overdraft) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (code, currency) do nothing")) {
      for (Account a : sorted) {
        if (ids.containsKey(key(a))) {
          continue;
        }
        ps.setString(1, a.code());
        ps.setString(2, a.currency());
        ps.setString(3, a.kind());
        ps.setString(4, String.valueOf(a.normalSide()));
        ps.setString(5, a.ownerType());
        if (a.ownerId() == null) {
          ps.setNull(6, Types.BIGINT);
        } else {
          ps.setLong(6, a.ownerId());
        }
        ps.setBoolean(7, a.noOverdraft());
        ps.addBatch();
      }
      ps.executeBatch();
    }
    ids = select(c, owned, true);
    ids.putAll(select(c, striped, false));
    return ids;
  }

  /** The ids of those of {@code accounts} that exist, by key; locked in id order when asked. */
  private static Map<String, Long> select(Connection c, List<Account> accounts, boolean lock)
      throws SQLException {
    Map<String, Long> ids = new HashMap<>();
    if (accounts.isEmpty()) {
      return ids;
    }
    StringBuilder sql =
        new StringBuilder("select id, code, currency from ring.ledger_accounts where ");
    for (int i = 0; i < accounts.size(); i++) {
      sql.append(i == 0 ? "" : " or ").append("(code = ? and currency = ?)");
    }
    sql.append(lock ? " order by id for update" : "");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (Account a : accounts) {
        ps.setString(i++, a.code());
        ps.setString(i++, a.currency());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.put(rs.getString(2) + "|" + rs.getString(3), rs.getLong(1));
        }
      }
    }
    return ids;
  }

  @Override
  public boolean posted(String idempotencyKey) {
    return entryFor(idempotencyKey).isPresent();
  }

  @Override
  public Optional<Long> entryFor(String idempotencyKey) {
    try (Connection c = dataSource.getConnection()) {
      return entryFor(c, idempotencyKey);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Long> entryFor(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select id from ring.ledger_entries where idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  @Override
  public long reverse(long entryId, String idempotencyKey, String description, Long actorId) {
    List<Posting> mirror = new ArrayList<>();
    String reference = null;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select a.code, a.currency, a.kind, a.normal_side, a.owner_type, a.owner_id,"
                    + " a.no_overdraft, p.side, p.amount_minor, e.reference"
                    + " from ring.ledger_postings p join ring.ledger_accounts a on a.id ="
                    + " p.account_id join ring.ledger_entries e on e.id = p.entry_id"
                    + " where p.entry_id = ? order by p.id")) {
      ps.setLong(1, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Long owner = rs.getObject(6) == null ? null : rs.getLong(6);
          Account a =
              new Account(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4).charAt(0),
                  rs.getString(5),
                  owner,
                  rs.getBoolean(7));
          char side = rs.getString(8).charAt(0) == 'D' ? 'C' : 'D';
          mirror.add(new Posting(a, side, rs.getLong(9)));
          reference = rs.getString(10);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (mirror.isEmpty()) {
      throw RingException.invalid("ledger_entry", null, "There is no such ledger entry.");
    }
    long id = post(idempotencyKey, "reversal", description, reference, actorId, mirror);
    return id;
  }

  @Override
  public long balance(Account account) {
    return balance(account.code(), account.currency());
  }

  @Override
  public long balance(String code, String currency) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select balance_minor from ring.ledger_balances where code = ? and currency = ?")) {
      ps.setString(1, code);
      ps.setString(2, currency);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0L;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Balance> balances(String codePrefix, int limit) {
    String prefix = codePrefix == null ? "" : codePrefix;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select code, currency, kind, balance_minor from ring.ledger_balances"
                    + " where starts_with(code, ?) order by code, currency limit ?")) {
      ps.setString(1, prefix);
      ps.setInt(2, Math.max(1, Math.min(limit, 10_000)));
      List<Balance> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Balance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Movement> history(Account account, int offset, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select * from (select e.id, e.kind, e.description, e.reference, p.side,"
                    + " p.amount_minor, sum(case when p.side = a.normal_side then p.amount_minor"
                    + " else -p.amount_minor end) over (order by p.id) as after, e.created_at,"
                    + " p.id as pid from ring.ledger_postings p join ring.ledger_accounts a"
                    + " on a.id = p.account_id join ring.ledger_entries e on e.id = p.entry_id"
                    + " where a.code = ? and a.currency = ?) h order by pid desc offset ? limit ?")) {
      ps.setString(1, account.code());
      ps.setString(2, account.currency());
      ps.setInt(3, Math.max(0, offset));
      ps.setInt(4, Math.max(1, Math.min(limit, 500)));
      List<Movement> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Movement(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5).charAt(0),
                  rs.getLong(6),
                  rs.getLong(7),
                  rs.getObject(8, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Check check() {
    List<String> currencies = new ArrayList<>();
    List<Long> entries = new ArrayList<>();
    List<String> drifting = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select currency from ring.ledger_postings group by currency having"
                      + " sum(case side when 'D' then amount_minor else -amount_minor end) <> 0"
                      + " order by currency");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          currencies.add(rs.getString(1));
        }
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select entry_id from ring.ledger_postings group by entry_id, currency having"
                      + " sum(case side when 'D' then amount_minor else -amount_minor end) <> 0"
                      + " order by entry_id limit 100");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(rs.getLong(1));
        }
      }
      try (PreparedStatement ps =
              c.prepareStatement(
                  "select a.code || ' ' || a.currency from ring.ledger_balances a left join"
                      + " (select account_id, sum(amount_minor) filter (where side = 'D') as d,"
                      + " sum(amount_minor) filter (where side = 'C') as cr"
                      + " from ring.ledger_postings group by account_id) s on s.account_id = a.id"
                      + " where a.balance_minor <> case a.normal_side"
                      + " when 'D' then coalesce(s.d, 0) - coalesce(s.cr, 0)"
                      + " else coalesce(s.cr, 0) - coalesce(s.d, 0) end order by 1 limit 100");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          drifting.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return new Check(currencies, entries, drifting, OffsetDateTime.now(ZoneOffset.UTC));
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
