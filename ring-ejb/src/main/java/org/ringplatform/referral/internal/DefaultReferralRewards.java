package org.ringplatform.referral.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.platform.RingException;
import org.ringplatform.referral.ReferralPolicy;
import org.ringplatform.referral.ReferralRewards;
import org.ringplatform.referral.RewardMath;

/**
 * Referral rewards on {@code referral_rewards}, posted to the ledger in the same transaction: a
 * reward is earned inside the transaction that confirms the payment ({@link RewardTrigger}), after
 * the store allocated the order's referral share to {@code referral_payable} (recipe 2) or the
 * membership fee to {@code membership_revenue} (recipe 3). A no-interface view besides the business
 * interface, for the trigger.
 */
@Stateless
@LocalBean
@Local(ReferralRewards.class)
public class DefaultReferralRewards implements ReferralRewards {

  private static final Logger LOG = Logger.getLogger(DefaultReferralRewards.class.getName());

  private static final String COLUMNS =
      "id, referrer_id, buyer_id, code, source, source_reference, checkout_id, base_minor,"
          + " reward_bps, amount_minor, currency, status, decided_by, decided_at, decision_note,"
          + " paid_at, created_at";

  private static final String STORE_ORDER = "store_order";
  private static final String MEMBERSHIP = "membership";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private Ledger ledger;
  @Inject private Notices notices;

  static ReferralPolicy policy() {
    return ReferralPolicy.from(
        key ->
            ConfigProvider.getConfig(DefaultReferralRewards.class.getClassLoader())
                .getOptionalValue(key, String.class));
  }

  /** One vendor order of a checkout, as far as its referral share goes. */
  private record OrderShare(
      long orderId,
      long vendorId,
      Long referrerId,
      String code,
      long referralMinor,
      long subtotal) {}

  /**
   * Earns the reward of a confirmed payment, if any; called inside the confirming transaction,
   * after the purpose's own effect.
   */
  public void onPaymentConfirmed(PaymentConfirmed payment) {
    if (payment.purpose() == PaymentPurpose.STORE_ORDER) {
      storeOrderPaid(payment);
    } else if (payment.purpose() == PaymentPurpose.MEMBERSHIP) {
      membershipPaid(payment);
    }
  }

  private void storeOrderPaid(PaymentConfirmed payment) {
    try (Connection c = dataSource.getConnection()) {
      List<OrderShare> referred = referredOrders(c, payment.subjectId());
      if (referred.isEmpty()) {
        return;
      }
      long amount = referred.stream().mapToLong(OrderShare::referralMinor).sum();
      long base = referred.stream().mapToLong(OrderShare::subtotal).sum();
      long referrer = referred.get(0).referrerId();
      String currency = currencyOfCheckout(c, payment.subjectId(), payment.amount().currency());
      String refusal = ineligible(c, payment.userId(), referrer, payment.subjectId());
      String status =
          refusal != null ? REJECTED : payment.rail() == PaymentRail.CREDITS ? APPROVED : PENDING;
      Optional<Long> created =
          insert(
              c,
              referrer,
              payment.userId(),
              referred.get(0).code(),
              STORE_ORDER,
              payment.reference(),
              payment.subjectId(),
              base,
              Math.min(5000, RewardMath.effectiveBps(base, amount)),
              amount,
              currency,
              status,
              refusal);
      if (created.isEmpty()) {
        return;
      }
      long id = created.get();
      if (refusal != null) {
        LOG.log(
            Level.INFO,
            "Referral reward {0} for payment {1} refused: {2}",
            new Object[] {id, payment.reference(), refusal});
        returnToSource(c, find(c, id, false).orElseThrow(), null);
        return;
      }
      if (APPROVED.equals(status)) {
        // Paid with credits: nothing for an admin to check, paid at once.
        pay(c, find(c, id, false).orElseThrow(), null);
      }
      tellReferrer(find(c, id, false).orElseThrow());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<OrderShare> referredOrders(Connection c, long checkoutId)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select id, vendor_id, referrer_id, referral_code, referral_minor, subtotal_minor"
                + " from ring.orders where checkout_id = ? and referrer_id is not null"
                + " and referral_minor > 0 order by id")) {
      ps.setLong(1, checkoutId);
      List<OrderShare> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new OrderShare(
                  rs.getLong(1),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getLong(6)));
        }
      }
      return out;
    }
  }

  private static String currencyOfCheckout(Connection c, long checkoutId, String fallback)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select currency from ring.checkouts where id = ?")) {
      ps.setLong(1, checkoutId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1).strip() : fallback;
      }
    }
  }

  /**
   * Why a referred checkout earns nothing, or null: the buyer referred themselves, or already had a
   * paid order (a second checkout attributed before the first was paid).
   */
  private static String ineligible(Connection c, long buyer, long referrer, long checkoutId)
      throws SQLException {
    if (buyer == referrer) {
      return "self-referral";
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from ring.orders where buyer_id = ? and checkout_id <> ?"
                + " and status not in ('pending_payment', 'cancelled') limit 1")) {
      ps.setLong(1, buyer);
      ps.setLong(2, checkoutId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? "not the buyer's first paid order" : null;
      }
    }
  }

  private void membershipPaid(PaymentConfirmed payment) {
    try (Connection c = dataSource.getConnection()) {
      Long referrer = null;
      String code = null;
      try (PreparedStatement ps =
          c.prepareStatement("select referred_by, referred_code from ring.users where id = ?")) {
        ps.setLong(1, payment.userId());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next() && rs.getObject(1) != null) {
            referrer = rs.getLong(1);
            code = rs.getString(2);
          }
        }
      }
      if (referrer == null || referrer == payment.userId()) {
        return;
      }
      RewardMath.Share share = RewardMath.membershipShare(policy(), payment.amount().minor());
      if (share.amountMinor() <= 0) {
        return;
      }
      String currency = payment.amount().currency();
      Optional<Long> created =
          insert(
              c,
              referrer,
              payment.userId(),
              code == null ? "" : code,
              MEMBERSHIP,
              payment.reference(),
              null,
              share.baseMinor(),
              share.effectiveBps(),
              share.amountMinor(),
              currency,
              PENDING,
              null);
      if (created.isEmpty()) {
        return;
      }
      long id = created.get();
      ledger.post(
          "reward:" + id,
          "referral_reward",
          "Referral reward " + id + " on membership payment " + payment.reference(),
          payment.reference(),
          null,
          List.of(
              Posting.debit(Account.membershipRevenue(currency), share.amountMinor()),
              Posting.credit(Account.referralPayable(currency), share.amountMinor())));
      tellReferrer(find(c, id, false).orElseThrow());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Long> insert(
      Connection c,
      long referrer,
      long buyer,
      String code,
      String source,
      String reference,
      Long checkoutId,
      long base,
      int bps,
      long amount,
      String currency,
      String status,
      String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into ring.referral_rewards(referrer_id, buyer_id, code, source,"
                + " source_reference, checkout_id, base_minor, reward_bps, amount_minor, currency,"
                + " status, decided_at, decision_note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " case when cast(? as varchar) = 'pending' then null else now() end, ?)"
                + " on conflict (source, source_reference) do nothing returning id")) {
      ps.setLong(1, referrer);
      ps.setLong(2, buyer);
      ps.setString(3, code);
      ps.setString(4, source);
      ps.setString(5, reference);
      if (checkoutId == null) {
        ps.setNull(6, Types.BIGINT);
      } else {
        ps.setLong(6, checkoutId);
      }
      ps.setLong(7, base);
      ps.setInt(8, bps);
      ps.setLong(9, amount);
      ps.setString(10, currency);
      ps.setString(11, status);
      ps.setString(12, status);
      ps.setString(13, note);
      try (ResultSet rs = ps.executeQuery()) {
        // A payment earns one reward, however often its confirmation is observed.
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Pays an approved or pending reward into the referrer's wallet (recipe 5). */
  private void pay(Connection c, Reward r, AuthenticatedUser admin) throws SQLException {
    ledger.post(
        "reward-paid:" + r.id(),
        "referral_reward_paid",
        "Referral reward " + r.id() + " paid as credits",
        r.sourceReference(),
        admin == null ? null : admin.id(),
        List.of(
            Posting.debit(Account.referralPayable(r.currency()), r.amountMinor()),
            Posting.credit(Account.wallet(r.referrerId(), r.currency()), r.amountMinor())));
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.referral_rewards set status = 'paid', paid_at = now(),"
                + " decided_at = coalesce(decided_at, now()) where id = ?")) {
      ps.setLong(1, r.id());
      ps.executeUpdate();
    }
  }

  /**
   * Gives a rejected reward's money back to whoever funded it (recipe 5): the vendors of the
   * checkout, split over its orders in proportion to each order's referral share, or membership
   * revenue. The order notes the share given back: when it is not settled yet, its settlement line
   * deducts only what is still funded and the vendor is paid it with the order; when it already is
   * (its line deducted the whole share), the share is owed to the vendor as an adjustment, paid
   * with the vendor's next settlement. The orders' row locks, taken first, order this against a
   * settlement or a refund of them.
   */
  private void returnToSource(Connection c, Reward r, AuthenticatedUser admin) throws SQLException {
    List<Posting> legs = new ArrayList<>();
    legs.add(Posting.debit(Account.referralPayable(r.currency()), r.amountMinor()));
    if (MEMBERSHIP.equals(r.source()) || r.checkoutId() == null) {
      legs.add(Posting.credit(Account.membershipRevenue(r.currency()), r.amountMinor()));
    } else {
      List<Funded> orders = funded(c, r.checkoutId());
      if (orders.stream().mapToLong(Funded::minor).sum() <= 0) {
        throw new IllegalStateException("Reward " + r.id() + " has no funded referral share");
      }
      long[] parts =
          RewardMath.split(r.amountMinor(), orders.stream().mapToLong(Funded::minor).toArray());
      for (int i = 0; i < parts.length; i++) {
        if (parts[i] > 0) {
          Funded o = orders.get(i);
          legs.add(
              Posting.credit(
                  returnedBeforeSettlement(c, o.orderId(), parts[i])
                      ? Account.vendorPayable(o.vendorId(), r.currency())
                      : Account.vendorAdjustment(o.vendorId(), r.currency()),
                  parts[i]));
        }
      }
    }
    ledger.post(
        "reward-rejected:" + r.id(),
        "referral_reward_rejected",
        "Referral reward " + r.id() + " rejected",
        r.sourceReference(),
        admin == null ? null : admin.id(),
        legs);
  }

  /** An order's referral share still held in {@code referral_payable}. */
  private record Funded(long orderId, long vendorId, long minor) {}

  /**
   * The checkout's referred orders with the part of their share still held: less what was given
   * back and what refunds took out (recipe 6) while the reward was pending.
   */
  private static List<Funded> funded(Connection c, long checkoutId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select o.id, o.vendor_id, o.referral_minor - o.referral_returned_minor"
                + " - coalesce((select sum(f.referral_minor) from ring.refunds f"
                + " where f.order_id = o.id and f.status = 'succeeded'), 0)"
                + " from ring.orders o where o.checkout_id = ? and o.referrer_id is not null"
                + " and o.referral_minor > 0 order by o.id for update of o")) {
      ps.setLong(1, checkoutId);
      List<Funded> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Funded(rs.getLong(1), rs.getLong(2), Math.max(0, rs.getLong(3))));
        }
      }
      return out;
    }
  }

  /**
   * Notes {@code minor} of the order's referral share as given back (so that its settlement line,
   * or a later refund, counts only what is still funded); true when the order is not settled yet.
   */
  private static boolean returnedBeforeSettlement(Connection c, long orderId, long minor)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.orders o set referral_returned_minor = referral_returned_minor + ?,"
                + " updated_at = now() where id = ? returning not exists (select 1"
                + " from ring.settlement_lines l where l.order_id = o.id)")) {
      ps.setLong(1, minor);
      ps.setLong(2, orderId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private void tellReferrer(Reward r) {
    notices.tellOnce(
        r.referrerId(),
        NotificationTypes.REFERRAL_REWARD,
        "referral_reward:" + r.id(),
        "{\"rewardId\":"
            + r.id()
            + ",\"status\":\""
            + r.status()
            + "\",\"title\":\""
            + Money.of(r.amountMinor(), r.currency())
            + "\"}");
  }

  private static void requireAdmin(AuthenticatedUser admin) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins decide referral rewards.");
    }
  }

  private static String note(String note) {
    String n = note == null ? null : note.strip();
    if (n != null && n.length() > 500) {
      throw RingException.invalid("note_too_long", "note", "A note has at most 500 characters.");
    }
    return n == null || n.isEmpty() ? null : n;
  }

  private Reward pendingForDecision(Connection c, long id) throws SQLException {
    Reward r = find(c, id, true).orElseThrow(() -> RingException.notFound("No such reward."));
    if (!PENDING.equals(r.status())) {
      throw new RingException(
          RingException.Kind.CONFLICT, "already_decided", null, "This reward was already decided.");
    }
    return r;
  }

  private static void decide(Connection c, long id, String status, long admin, String note)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.referral_rewards set status = ?, decided_by = ?, decided_at = now(),"
                + " decision_note = ? where id = ?")) {
      ps.setString(1, status);
      ps.setLong(2, admin);
      ps.setString(3, note);
      ps.setLong(4, id);
      ps.executeUpdate();
    }
  }

  @Override
  public Reward approve(AuthenticatedUser admin, long rewardId, String note) {
    requireAdmin(admin);
    String why = note(note);
    try (Connection c = dataSource.getConnection()) {
      Reward r = pendingForDecision(c, rewardId);
      decide(c, r.id(), APPROVED, admin.id(), why);
      pay(c, r, admin);
      LOG.log(
          Level.INFO,
          "Account {0} approved referral reward {1}",
          new Object[] {admin.id(), rewardId});
      return find(c, rewardId, false).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void refunded(long checkoutId, long referralMinor) {
    if (referralMinor <= 0) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.referral_rewards set amount_minor = greatest(amount_minor - ?, 0),"
                    + " status = case when amount_minor <= ? then 'rejected' else status end,"
                    + " decided_at = case when amount_minor <= ? then now() else decided_at end,"
                    + " decision_note = case when amount_minor <= ? then 'refunded'"
                    + " else decision_note end"
                    + " where source = 'store_order' and checkout_id = ? and status = 'pending'")) {
      ps.setLong(1, referralMinor);
      ps.setLong(2, referralMinor);
      ps.setLong(3, referralMinor);
      ps.setLong(4, referralMinor);
      ps.setLong(5, checkoutId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Reward reject(AuthenticatedUser admin, long rewardId, String note) {
    requireAdmin(admin);
    String why = note(note);
    try (Connection c = dataSource.getConnection()) {
      // The orders before the reward, as a refund of them takes their locks: never a deadlock.
      Optional<Reward> seen = find(c, rewardId, false);
      if (seen.isPresent() && seen.get().checkoutId() != null) {
        funded(c, seen.get().checkoutId());
      }
      Reward r = pendingForDecision(c, rewardId);
      decide(c, r.id(), REJECTED, admin.id(), why);
      returnToSource(c, r, admin);
      LOG.log(
          Level.INFO,
          "Account {0} rejected referral reward {1}",
          new Object[] {admin.id(), rewardId});
      return find(c, rewardId, false).orElseThrow();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Page mine(long referrerId, int offset, int limit) {
    return page("referrer_id = ?", List.of(referrerId), "id desc", offset, limit);
  }

  @Override
  public Page queue(AuthenticatedUser admin, String status, int offset, int limit) {
    requireAdmin(admin);
    String s = status == null || status.isBlank() ? PENDING : status.strip();
    if (!List.of(PENDING, APPROVED, REJECTED, PAID).contains(s)) {
      throw RingException.invalid(
          "status_invalid", "status", "The status is pending, approved, rejected or paid.");
    }
    return page("status = ?", List.of(s), PENDING.equals(s) ? "id asc" : "id desc", offset, limit);
  }

  private Page page(String where, List<Object> params, String order, int offset, int limit) {
    try (Connection c = dataSource.getConnection()) {
      List<Reward> items = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select "
                  + COLUMNS
                  + " from ring.referral_rewards where "
                  + where
                  + " order by "
                  + order
                  + " offset ? limit ?")) {
        int i = 1;
        for (Object p : params) {
          ps.setObject(i++, p);
        }
        ps.setInt(i++, Math.max(0, offset));
        ps.setInt(i, Math.max(1, Math.min(limit, 200)));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            items.add(read(rs));
          }
        }
      }
      long total;
      try (PreparedStatement ps =
          c.prepareStatement("select count(*) from ring.referral_rewards where " + where)) {
        int i = 1;
        for (Object p : params) {
          ps.setObject(i++, p);
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      return new Page(items, total);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Totals> totals(long referrerId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select currency,"
                    + " coalesce(sum(amount_minor) filter (where status in ('pending',"
                    + " 'approved')), 0), coalesce(sum(amount_minor) filter (where status ="
                    + " 'paid'), 0), coalesce(sum(amount_minor) filter (where status ="
                    + " 'rejected'), 0), count(*) from ring.referral_rewards"
                    + " where referrer_id = ? group by currency order by currency")) {
      ps.setLong(1, referrerId);
      List<Totals> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Totals(
                  rs.getString(1).strip(),
                  rs.getLong(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getLong(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<Reward> forPayment(String source, String reference) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select "
                    + COLUMNS
                    + " from ring.referral_rewards where source = ? and source_reference = ?")) {
      ps.setString(1, source);
      ps.setString(2, reference);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<Reward> find(Connection c, long id, boolean lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from ring.referral_rewards where id = ?"
                + (lock ? " for update" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  private static OffsetDateTime at(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static Reward read(ResultSet rs) throws SQLException {
    return new Reward(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getObject(7) == null ? null : rs.getLong(7),
        rs.getLong(8),
        rs.getInt(9),
        rs.getLong(10),
        rs.getString(11).strip(),
        rs.getString(12),
        rs.getObject(13) == null ? null : rs.getLong(13),
        at(rs, 14),
        rs.getString(15),
        at(rs, 16),
        at(rs, 17));
  }
}
