package org.ringplatform.payment.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.payment.PaymentConductor.PaymentView;

/**
 * The payment tables in plain JDBC on the shared datasource, so every statement joins the caller's
 * transaction (the one that also posts to the ledger and runs the purpose's observers). A CDI bean,
 * not an EJB: it opens no transaction of its own, and the webhook path calls it several times per
 * delivery, so it stays free of EJB interception.
 */
@ApplicationScoped
public class PaymentRows {

  static final String COLUMNS =
      "id, reference, purpose, subject_id, processor, rail, user_id, amount_minor, currency,"
          + " status, refunded_minor, processor_ref, card_last4, idempotency_key, request_hash,"
          + " return_url, gateway_step::text, processor_key, processor_payment_ref, created_at,"
          + " updated_at, paid_at, reconciled_at";

  /**
   * One {@code payment_transactions} row.
   *
   * @param id id
   * @param reference order reference
   * @param purpose purpose id
   * @param subjectId subject
   * @param processor processor
   * @param rail rail
   * @param userId payer
   * @param amountMinor amount
   * @param currency currency
   * @param status status
   * @param refundedMinor refunded so far
   * @param processorRef the processor's object id (Checkout Session)
   * @param cardLast4 card digits
   * @param clientKey the client's idempotency key
   * @param requestHash hash of the start's parameters
   * @param returnUrl where the payer comes back
   * @param gatewayStep the stored gateway step, JSON
   * @param processorKey the outbound idempotency key
   * @param paymentRef the processor's payment id (payment_intent)
   * @param createdAt created
   * @param updatedAt changed
   * @param paidAt paid
   * @param reconciledAt last asked the processor
   */
  public record Row(
      long id,
      String reference,
      String purpose,
      long subjectId,
      String processor,
      String rail,
      long userId,
      long amountMinor,
      String currency,
      String status,
      long refundedMinor,
      String processorRef,
      String cardLast4,
      String clientKey,
      String requestHash,
      String returnUrl,
      String gatewayStep,
      String processorKey,
      String paymentRef,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      OffsetDateTime paidAt,
      OffsetDateTime reconciledAt) {

    public PaymentView view() {
      return new PaymentView(
          id,
          reference,
          purpose,
          subjectId,
          userId,
          processor,
          rail,
          amountMinor,
          currency,
          status,
          refundedMinor);
    }
  }

  /**
   * What a new row holds.
   *
   * @param reference order reference
   * @param purpose purpose id
   * @param subjectId subject
   * @param processor processor
   * @param rail rail
   * @param userId payer
   * @param amountMinor amount
   * @param currency currency
   * @param clientKey client idempotency key or null
   * @param requestHash hash of the parameters
   * @param returnUrl return URL
   * @param processorKey outbound idempotency key or null
   */
  public record NewRow(
      String reference,
      String purpose,
      long subjectId,
      String processor,
      String rail,
      long userId,
      long amountMinor,
      String currency,
      String clientKey,
      String requestHash,
      String returnUrl,
      String processorKey) {}

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  /** Inserts a row unless its reference or client key exists; returns its id when inserted. */
  public Optional<Long> insert(NewRow r) {
    return Sql.one(
        dataSource,
        "insert into ring.payment_transactions(reference, purpose, subject_id, processor, rail,"
            + " user_id, amount_minor, currency, idempotency_key, request_hash, return_url,"
            + " processor_key) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict do nothing returning id",
        rs -> rs.getLong(1),
        r.reference(),
        r.purpose(),
        r.subjectId(),
        r.processor(),
        r.rail(),
        r.userId(),
        r.amountMinor(),
        r.currency(),
        r.clientKey(),
        r.requestHash(),
        r.returnUrl(),
        r.processorKey());
  }

  public Optional<Row> find(String reference) {
    return Sql.one(
        dataSource,
        "select " + COLUMNS + " from ring.payment_transactions where reference = ?",
        PaymentRows::row,
        reference);
  }

  /** The row, locked for the rest of the transaction. */
  public Optional<Row> lock(String reference) {
    return Sql.one(
        dataSource,
        "select "
            + COLUMNS
            + " from ring.payment_transactions where reference = ? for no key update",
        PaymentRows::row,
        reference);
  }

  public Optional<Row> findByClientKey(long userId, String clientKey) {
    return Sql.one(
        dataSource,
        "select "
            + COLUMNS
            + " from ring.payment_transactions where user_id = ? and idempotency_key = ?",
        PaymentRows::row,
        userId,
        clientKey);
  }

  /** The reference of the payment a processor's payment id (payment_intent) belongs to. */
  public Optional<String> referenceOfPayment(String processor, String paymentRef) {
    return Sql.one(
        dataSource,
        "select reference from ring.payment_transactions where processor = ?"
            + " and processor_payment_ref = ?",
        rs -> rs.getString(1),
        processor,
        paymentRef);
  }

  public Optional<Row> latestFor(String purpose, long subjectId) {
    return Sql.one(
        dataSource,
        "select "
            + COLUMNS
            + " from ring.payment_transactions where purpose = ? and subject_id = ?"
            + " order by id desc limit 1",
        PaymentRows::row,
        purpose,
        subjectId);
  }

  /** Open card payments created before {@code before}, oldest first. */
  public List<String> staleOpen(OffsetDateTime before, int limit) {
    return Sql.list(
        dataSource,
        "select reference from ring.payment_transactions where status in ('created',"
            + " 'redirected', 'pending', 'processing') and processor <> 'credits'"
            + " and created_at < ? and (reconciled_at is null or reconciled_at < ?)"
            + " order by created_at limit ?",
        rs -> rs.getString(1),
        before,
        before,
        limit);
  }

  /** What Ring has asked the processor to refund (not failed) for a payment. */
  public long knownRefunds(long transactionId) {
    return Sql.one(
            dataSource,
            "select coalesce(sum(amount_minor), 0) from ring.payment_refunds"
                + " where transaction_id = ? and status <> 'failed'",
            rs -> rs.getLong(1),
            transactionId)
        .orElse(0L);
  }

  public void history(long transactionId, String status, String source, String detail) {
    Sql.update(
        dataSource,
        "insert into ring.payment_status_history(transaction_id, status, source, detail)"
            + " values (?, ?, ?, ?)",
        transactionId,
        status,
        source,
        Sql.truncate(detail, 500));
  }

  public void status(long id, String status) {
    Sql.update(
        dataSource,
        "update ring.payment_transactions set status = ?, updated_at = now() where id = ?",
        status,
        id);
  }

  /** Marks a row paid with what the processor told. */
  public void paid(long id, String processorRef, String paymentRef, String cardLast4) {
    Sql.update(
        dataSource,
        "update ring.payment_transactions set status = 'paid', paid_at = now(), updated_at ="
            + " now(), processor_ref = coalesce(?, processor_ref), processor_payment_ref ="
            + " coalesce(?, processor_payment_ref), card_last4 = coalesce(?, card_last4)"
            + " where id = ?",
        processorRef,
        paymentRef,
        cardLast4,
        id);
  }

  /** Stores the gateway step (and the processor's id of it) on the row. */
  public void step(long id, String stepJson, String processorRef) {
    Sql.update(
        dataSource,
        "update ring.payment_transactions set gateway_step = cast(? as jsonb), processor_ref ="
            + " coalesce(?, processor_ref), updated_at = now() where id = ?",
        stepJson,
        processorRef,
        id);
  }

  /** Adds a refund to the row and sets its status from the total refunded. */
  public void refunded(long id, long amountMinor) {
    Sql.update(
        dataSource,
        "update ring.payment_transactions set refunded_minor = refunded_minor + ?, status ="
            + " case when refunded_minor + ? >= amount_minor then 'refunded' else"
            + " 'partially_refunded' end, updated_at = now() where id = ?",
        amountMinor,
        amountMinor,
        id);
  }

  public void reconciled(long id) {
    Sql.update(
        dataSource, "update ring.payment_transactions set reconciled_at = now() where id = ?", id);
  }

  /**
   * What {@link #receipt} found.
   *
   * @param transactionId the payment the reference names for this processor, or null
   * @param first whether this is the event's first delivery (its receipt was inserted now)
   */
  public record Receipt(Long transactionId, boolean first) {}

  /**
   * Records that a verified event of a payment is being applied, in one statement: the payment's id
   * for this processor, and whether the receipt was new. A delivery that finds the receipt
   * (inserted before, or by a concurrent delivery, which this waits for) is a duplicate.
   */
  public Receipt receipt(String processor, String eventId, String reference) {
    return Sql.one(
            dataSource,
            "with tx as (select id from ring.payment_transactions where reference = ?"
                + " and processor = ?), ins as (insert into ring.webhook_receipts(processor,"
                + " event_id, transaction_id) select ?, ?, id from tx on conflict do nothing"
                + " returning transaction_id) select (select id from tx),"
                + " (select transaction_id from ins)",
            rs -> {
              long id = rs.getLong(1);
              Long known = rs.wasNull() ? null : id;
              rs.getLong(2);
              return new Receipt(known, !rs.wasNull());
            },
            reference,
            processor,
            processor,
            eventId)
        .orElseThrow();
  }

  static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getString(9),
        rs.getString(10),
        rs.getLong(11),
        rs.getString(12),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        at(rs, 20),
        at(rs, 21),
        at(rs, 22),
        at(rs, 23));
  }

  private static OffsetDateTime at(ResultSet rs, int column) throws SQLException {
    return Sql.at(rs, column);
  }
}
