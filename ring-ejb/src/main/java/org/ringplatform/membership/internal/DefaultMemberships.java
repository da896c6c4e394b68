package org.ringplatform.membership.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.ledger.Account;
import org.ringplatform.ledger.Ledger;
import org.ringplatform.ledger.Money;
import org.ringplatform.ledger.Posting;
import org.ringplatform.membership.Memberships;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentConfirmed;
import org.ringplatform.payment.PaymentPurpose;
import org.ringplatform.payment.PaymentRail;
import org.ringplatform.payment.PaymentRequest;
import org.ringplatform.payment.PaymentStart;
import org.ringplatform.platform.RingException;
import org.ringplatform.wallet.Wallets;

/**
 * Membership on {@code subscriptions}, one row per paid period. Every change that touches a
 * person's membership locks their account row first and their subscription rows after it, so a
 * purchase, its confirmation and the expiry job never interleave for one person, and the role
 * (changed through {@link AccountAdministration#changeMembershipRole}) and the subscriptions change
 * in the same transaction. A no-interface view besides the business interface, for the payment
 * trigger.
 */
@Stateless
@LocalBean
@Local(Memberships.class)
public class DefaultMemberships implements Memberships {

  private static final Logger LOG = Logger.getLogger(DefaultMemberships.class.getName());

  private static final String COLUMNS =
      "id, user_id, plan, status, amount_minor, currency, transaction_id, period_start,"
          + " period_end, grace_until, created_at";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private PaymentConductor payments;
  @Inject private Ledger ledger;
  @Inject private AccountAdministration accounts;
  @Inject private Notices notices;
  @Inject private Wallets wallets;

  @Inject
  @ConfigProperty(name = "ring.membership.monthly-minor", defaultValue = "10000")
  private long monthlyMinor;

  @Inject
  @ConfigProperty(name = "ring.membership.annual-minor", defaultValue = "96000")
  private long annualMinor;

  @Inject
  @ConfigProperty(name = "ring.membership.grace-days", defaultValue = "7")
  private int graceDays;

  @Inject
  @ConfigProperty(name = "ring.public-url", defaultValue = "http://localhost:8080")
  private String publicUrl;

  @Override
  public List<Price> prices() {
    return List.of(price(Plan.MONTHLY), price(Plan.ANNUAL));
  }

  private Price price(Plan plan) {
    long amount = plan == Plan.MONTHLY ? monthlyMinor : annualMinor;
    if (amount <= 0) {
      throw new IllegalStateException("ring.membership." + plan.id() + "-minor must be positive");
    }
    return new Price(plan.id(), amount, wallets.currency(), plan.days());
  }

  @Override
  public int graceDays() {
    return Math.max(0, graceDays);
  }

  @Override
  public Status status(long userId) {
    try (Connection c = dataSource.getConnection()) {
      Role role = role(c, userId, false);
      List<Subscription> subscriptions = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "select "
                  + COLUMNS
                  + " from ring.subscriptions where user_id = ? order by id desc limit 50")) {
        ps.setLong(1, userId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            subscriptions.add(read(rs));
          }
        }
      }
      OffsetDateTime until = null;
      OffsetDateTime grace = null;
      boolean live = false;
      for (Subscription s : subscriptions) {
        if ("active".equals(s.status()) || "grace".equals(s.status())) {
          live = true;
          until = until == null || s.periodEnd().isAfter(until) ? s.periodEnd() : until;
        }
        if ("grace".equals(s.status())) {
          grace = grace == null || s.graceUntil().isAfter(grace) ? s.graceUntil() : grace;
        }
      }
      boolean canBuy = role == Role.SUBSCRIBER || (role == Role.MEMBER && live);
      return new Status(role, canBuy, live, until, grace, subscriptions);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Purchase purchase(AuthenticatedUser user, String plan, String rail, String clientKey) {
    if (user == null) {
      throw new RingException(
          RingException.Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    Plan chosen = Plan.fromId(plan);
    if (chosen == null) {
      throw RingException.invalid("plan_invalid", "plan", "The plan is monthly or annual.");
    }
    PaymentRail how =
        "card".equals(rail)
            ? PaymentRail.CARD
            : "credits".equals(rail) ? PaymentRail.CREDITS : null;
    if (how == null) {
      throw RingException.invalid("rail_invalid", "rail", "Pay by card or with credits.");
    }
    if (clientKey != null
        && !clientKey.isBlank()
        && !clientKey.strip().matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw RingException.invalid(
          "client_key_invalid", "clientKey", "A client key is 1 to 64 letters, digits or _.:-");
    }
    Price price = price(chosen);
    long subscriptionId;
    try (Connection c = dataSource.getConnection()) {
      Role role = role(c, user.id(), true);
      boolean live = live(c, user.id(), null);
      if (role != Role.SUBSCRIBER && !(role == Role.MEMBER && live)) {
        throw new RingException(
            RingException.Kind.CONFLICT,
            "not_subscriber",
            null,
            "Only subscribers can buy membership; your role already includes it.");
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.subscriptions(user_id, plan, status, amount_minor, currency)"
                  + " values (?, ?, 'pending', ?, ?) returning id")) {
        ps.setLong(1, user.id());
        ps.setString(2, chosen.id());
        ps.setLong(3, price.amountMinor());
        ps.setString(4, price.currency());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          subscriptionId = rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String label = "Membership (" + chosen.id() + ")";
    PaymentStart start =
        payments.start(
            new PaymentRequest(
                PaymentPurpose.MEMBERSHIP,
                subscriptionId,
                user.id(),
                Money.of(price.amountMinor(), price.currency()),
                how,
                null,
                label,
                List.of(new PaymentRequest.Line(label, 1, price.amountMinor())),
                publicUrl.replaceAll("/+$", "") + "/membership",
                clientKey == null || clientKey.isBlank() ? null : clientKey.strip()));
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.subscriptions set transaction_id = coalesce(transaction_id, ?),"
                    + " updated_at = now() where id = ?")) {
      ps.setLong(1, start.transactionId());
      ps.setLong(2, subscriptionId);
      ps.executeUpdate();
      LOG.log(
          Level.INFO,
          "Account {0} bought membership {1} ({2}), payment {3} {4}",
          new Object[] {user.id(), subscriptionId, chosen.id(), start.reference(), start.status()});
      return new Purchase(
          find(c, subscriptionId, false).orElseThrow(),
          start.reference(),
          start.status(),
          start.paid() ? null : "/pay?ref=" + start.reference());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Activates the subscription a confirmed membership payment paid for, inside the confirming
   * transaction: its period starts now, or where the live membership ends for a renewal; the role
   * becomes member; the fee moves from {@code payments_clearing} to {@code membership_revenue}.
   */
  public void activate(PaymentConfirmed payment) {
    if (payment.purpose() != PaymentPurpose.MEMBERSHIP) {
      return;
    }
    try (Connection c = dataSource.getConnection()) {
      role(c, payment.userId(), true);
      Subscription s =
          find(c, payment.subjectId(), true)
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Payment " + payment.reference() + " names no subscription"));
      if (s.userId() != payment.userId()
          || s.amountMinor() != payment.amount().minor()
          || !s.currency().equals(payment.amount().currency())) {
        throw new IllegalStateException(
            "Payment " + payment.reference() + " does not match subscription " + s.id());
      }
      if (!"pending".equals(s.status()) && !"cancelled".equals(s.status())) {
        LOG.log(Level.WARNING, "Subscription {0} was already paid", s.id());
        return;
      }
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      OffsetDateTime latestEnd = null;
      try (PreparedStatement ps =
          c.prepareStatement(
              "select max(period_end) from ring.subscriptions where user_id = ?"
                  + " and status = 'active' and id <> ?")) {
        ps.setLong(1, s.userId());
        ps.setLong(2, s.id());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          latestEnd = at(rs, 1);
        }
      }
      OffsetDateTime start = latestEnd != null && latestEnd.isAfter(now) ? latestEnd : now;
      Plan plan = Plan.fromId(s.plan());
      OffsetDateTime end = start.plusDays(plan.days());
      try (PreparedStatement ps =
          c.prepareStatement(
              // A period in grace ended already; the new one takes over without a gap.
              "update ring.subscriptions set status = 'expired', updated_at = now()"
                  + " where user_id = ? and status = 'grace'")) {
        ps.setLong(1, s.userId());
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "update ring.subscriptions set status = 'active', period_start = ?, period_end = ?,"
                  + " grace_until = ?, transaction_id = ?, updated_at = now() where id = ?")) {
        ps.setObject(1, start);
        ps.setObject(2, end);
        ps.setObject(3, end.plusDays(graceDays()));
        ps.setLong(4, payment.transactionId());
        ps.setLong(5, s.id());
        ps.executeUpdate();
      }
      boolean promoted =
          accounts.changeMembershipRole(
              s.userId(),
              Role.SUBSCRIBER,
              Role.MEMBER,
              "Membership paid (" + plan.id() + ", payment " + payment.reference() + ")");
      ledger.post(
          "membership:" + s.id(),
          "membership",
          "Membership " + plan.id() + " for account " + s.userId(),
          payment.reference(),
          s.userId(),
          List.of(
              Posting.debit(Account.paymentsClearing(s.currency()), s.amountMinor()),
              Posting.credit(Account.membershipRevenue(s.currency()), s.amountMinor())));
      if (!promoted) {
        notices.tell(s.userId(), NotificationTypes.MEMBERSHIP_RENEWED, titled(end));
      }
      LOG.log(
          Level.INFO,
          "Subscription {0} of account {1} active until {2}",
          new Object[] {s.id(), s.userId(), end});
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String titled(OffsetDateTime at) {
    return "{\"title\":\"" + DateTimeFormatter.ISO_LOCAL_DATE.format(at) + "\"}";
  }

  private static final String DUE =
      " from ring.subscriptions where (status = 'active' and period_end <= now())"
          + " or (status = 'grace' and grace_until <= now())"
          + " or (status = 'pending' and created_at < now() - interval '1 day')";

  @Override
  public long dueCount() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select count(*)" + DUE);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Long> due(int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("select id" + DUE + " order by id limit ?")) {
      ps.setInt(1, Math.max(1, Math.min(limit, 1000)));
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean lapse(long subscriptionId) {
    try (Connection c = dataSource.getConnection()) {
      Long userId = null;
      try (PreparedStatement ps =
          c.prepareStatement("select user_id from ring.subscriptions where id = ?")) {
        ps.setLong(1, subscriptionId);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            userId = rs.getLong(1);
          }
        }
      }
      if (userId == null) {
        return false;
      }
      role(c, userId, true);
      Subscription s = find(c, subscriptionId, true).orElseThrow();
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      switch (s.status()) {
        case "pending" -> {
          if (s.createdAt().isAfter(now.minusDays(1))) {
            return false;
          }
          setStatus(c, s.id(), "cancelled", null);
          return true;
        }
        case "active" -> {
          if (s.periodEnd().isAfter(now)) {
            return false;
          }
          if (coveredLater(c, s, now)) {
            setStatus(c, s.id(), "expired", null);
            return true;
          }
          OffsetDateTime graceUntil =
              s.graceUntil() != null ? s.graceUntil() : s.periodEnd().plusDays(graceDays());
          if (graceUntil.isAfter(now)) {
            setStatus(c, s.id(), "grace", graceUntil);
            notices.tell(s.userId(), NotificationTypes.MEMBERSHIP_GRACE, titled(graceUntil));
            return true;
          }
          expire(c, s);
          return true;
        }
        case "grace" -> {
          if (s.graceUntil() != null && s.graceUntil().isAfter(now)) {
            return false;
          }
          if (coveredLater(c, s, now)) {
            setStatus(c, s.id(), "expired", null);
            return true;
          }
          expire(c, s);
          return true;
        }
        default -> {
          return false;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Ends a membership: the subscription expires and, with no other live period, so does the role.
   */
  private void expire(Connection c, Subscription s) throws SQLException {
    setStatus(c, s.id(), "expired", null);
    if (live(c, s.userId(), s.id())) {
      return;
    }
    accounts.changeMembershipRole(
        s.userId(),
        Role.MEMBER,
        Role.SUBSCRIBER,
        "Membership expired (subscription " + s.id() + ")");
    notices.tell(s.userId(), NotificationTypes.MEMBERSHIP_EXPIRED, "{}");
    LOG.log(Level.INFO, "Membership of account {0} expired", s.userId());
  }

  /** Whether another active period of the same person runs past {@code now}. */
  private static boolean coveredLater(Connection c, Subscription s, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from ring.subscriptions where user_id = ? and id <> ? and status = 'active'"
                + " and period_end > ? limit 1")) {
      ps.setLong(1, s.userId());
      ps.setLong(2, s.id());
      ps.setObject(3, now);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether the person has a live period (active or in grace) other than {@code except}. */
  private static boolean live(Connection c, long userId, Long except) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select 1 from ring.subscriptions where user_id = ? and id <> ?"
                + " and status in ('active', 'grace') limit 1")) {
      ps.setLong(1, userId);
      ps.setLong(2, except == null ? -1 : except);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void setStatus(Connection c, long id, String status, OffsetDateTime graceUntil)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.subscriptions set status = ?, grace_until = coalesce(?, grace_until),"
                + " updated_at = now() where id = ?")) {
      ps.setString(1, status);
      ps.setObject(2, graceUntil);
      ps.setLong(3, id);
      ps.executeUpdate();
    }
  }

  /** The account's role, its row locked when {@code lock} (the first lock of every change). */
  private static Role role(Connection c, long userId, boolean lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select role from ring.users where id = ?" + (lock ? " for update" : ""))) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw RingException.notFound("No such account.");
        }
        return Role.fromId(rs.getString(1)).orElse(Role.SUBSCRIBER);
      }
    }
  }

  private static Optional<Subscription> find(Connection c, long id, boolean lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + COLUMNS
                + " from ring.subscriptions where id = ?"
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

  private static Subscription read(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getString(6).strip(),
        rs.getObject(7) == null ? null : rs.getLong(7),
        at(rs, 8),
        at(rs, 9),
        at(rs, 10),
        at(rs, 11));
  }
}
