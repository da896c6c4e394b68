package org.ringplatform.payment.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.payment.PaymentConductor;
import org.ringplatform.payment.PaymentConsole;
import org.ringplatform.platform.RingException;

/** The admin console's queries over the payment tables and the webhook log. */
@Stateless
public class DefaultPaymentConsole implements PaymentConsole {

  private static final String PAYMENT =
      "select t.id, t.reference, t.purpose, t.subject_id, t.user_id, u.email, t.processor,"
          + " t.rail, t.amount_minor, t.currency, t.status, t.refunded_minor, t.processor_ref,"
          + " t.card_last4, t.created_at, t.updated_at, t.paid_at"
          + " from ring.payment_transactions t join ring.users u on u.id = t.user_id";
  private static final String DELIVERY =
      "select id, processor, event_id, reference, outcome, http_status, detail, body_sha256,"
          + " received_at from ring.webhook_log";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Inject private PaymentConductor conductor;

  private static void requireAdmin(AuthenticatedUser admin) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only administrators see payments.");
    }
  }

  @Override
  public Page<Payment> payments(AuthenticatedUser admin, Filter f, int offset, int limit) {
    requireAdmin(admin);
    Filter filter = f == null ? Filter.any() : f;
    StringBuilder where = new StringBuilder(" where true");
    List<Object> params = new ArrayList<>();
    if (filter.status() != null) {
      where.append(" and t.status = ?");
      params.add(filter.status());
    }
    if (filter.processor() != null) {
      where.append(" and t.processor = ?");
      params.add(filter.processor());
    }
    if (filter.purpose() != null) {
      where.append(" and t.purpose = ?");
      params.add(filter.purpose());
    }
    if (filter.reference() != null) {
      where.append(" and strpos(t.reference, ?) > 0");
      params.add(filter.reference());
    }
    if (filter.userId() != null) {
      where.append(" and t.user_id = ?");
      params.add(filter.userId());
    }
    if (filter.from() != null) {
      where.append(" and t.created_at >= ?");
      params.add(filter.from());
    }
    if (filter.to() != null) {
      where.append(" and t.created_at < ?");
      params.add(filter.to());
    }
    long total =
        Sql.one(
                dataSource,
                "select count(*) from ring.payment_transactions t" + where,
                rs -> rs.getLong(1),
                params.toArray())
            .orElse(0L);
    List<Object> paged = new ArrayList<>(params);
    paged.add(Math.max(0, offset));
    paged.add(Math.max(1, Math.min(limit, 200)));
    List<Payment> items =
        Sql.list(
            dataSource,
            PAYMENT + where + " order by t.id desc offset ? limit ?",
            DefaultPaymentConsole::payment,
            paged.toArray());
    return new Page<>(items, total);
  }

  @Override
  public Optional<Detail> detail(AuthenticatedUser admin, String reference) {
    requireAdmin(admin);
    Optional<Payment> payment =
        Sql.one(
            dataSource,
            PAYMENT + " where t.reference = ?",
            DefaultPaymentConsole::payment,
            reference);
    if (payment.isEmpty()) {
      return Optional.empty();
    }
    long id = payment.get().id();
    List<StatusChange> history =
        Sql.list(
            dataSource,
            "select status, source, detail, at from ring.payment_status_history"
                + " where transaction_id = ? order by id",
            rs ->
                new StatusChange(rs.getString(1), rs.getString(2), rs.getString(3), Sql.at(rs, 4)),
            id);
    List<Delivery> webhooks =
        Sql.list(
            dataSource,
            DELIVERY + " where reference = ? order by id desc limit 200",
            DefaultPaymentConsole::delivery,
            reference);
    List<Refund> refunds =
        Sql.list(
            dataSource,
            "select idempotency_key, amount_minor, currency, reason, status, processor_ref,"
                + " failure, created_at, completed_at from ring.payment_refunds"
                + " where transaction_id = ? order by id",
            rs ->
                new Refund(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    Sql.at(rs, 8),
                    Sql.at(rs, 9)),
            id);
    return Optional.of(new Detail(payment.get(), history, webhooks, refunds));
  }

  @Override
  public Page<Delivery> deliveries(
      AuthenticatedUser admin, String processor, String outcome, int offset, int limit) {
    requireAdmin(admin);
    StringBuilder where = new StringBuilder(" where true");
    List<Object> params = new ArrayList<>();
    if (processor != null) {
      where.append(" and processor = ?");
      params.add(processor);
    }
    if (outcome != null) {
      where.append(" and outcome = ?");
      params.add(outcome);
    }
    long total =
        Sql.one(
                dataSource,
                "select count(*) from ring.webhook_log" + where,
                rs -> rs.getLong(1),
                params.toArray())
            .orElse(0L);
    params.add(Math.max(0, offset));
    params.add(Math.max(1, Math.min(limit, 200)));
    return new Page<>(
        Sql.list(
            dataSource,
            DELIVERY + where + " order by id desc offset ? limit ?",
            DefaultPaymentConsole::delivery,
            params.toArray()),
        total);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PaymentConductor.PaymentView reconcile(AuthenticatedUser admin, String reference) {
    requireAdmin(admin);
    return conductor.reconcile(reference);
  }

  private static Payment payment(ResultSet rs) throws SQLException {
    return new Payment(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getLong(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getLong(9),
        rs.getString(10),
        rs.getString(11),
        rs.getLong(12),
        rs.getString(13),
        rs.getString(14),
        Sql.at(rs, 15),
        Sql.at(rs, 16),
        Sql.at(rs, 17));
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        Sql.at(rs, 9));
  }
}
