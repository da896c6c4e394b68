package org.ringplatform.payment.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;

/**
 * The webhook log: every delivery, accepted or not. A refused or failed delivery (whose effect
 * rolled back, or never ran) is written in a transaction of its own so it is still on record; an
 * applied one is written with its effect ({@link PaymentProcessing#applyAndLog}). It holds the
 * SHA-256 of the body, never the body's secrets or a signing secret.
 */
@Stateless
public class WebhookJournal {

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  /**
   * Writes one delivery.
   *
   * @param eventId the verified event id, or null
   * @param reference the payment it named, or null
   * @param outcome what came of it
   * @param httpStatus what we answered
   * @param detail why (no secret), or null
   * @param bodySha256 hex SHA-256 of the body
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(
      String processor,
      String eventId,
      String reference,
      String outcome,
      int httpStatus,
      String detail,
      String bodySha256) {
    insert(dataSource, processor, eventId, reference, outcome, httpStatus, detail, bodySha256);
  }

  /**
   * Writes one delivery in the caller's transaction: an applied delivery's row goes with its
   * effect, one commit instead of two.
   */
  static void insert(
      DataSource dataSource,
      String processor,
      String eventId,
      String reference,
      String outcome,
      int httpStatus,
      String detail,
      String bodySha256) {
    Sql.update(
        dataSource,
        "insert into ring.webhook_log(processor, event_id, reference, outcome, http_status,"
            + " detail, body_sha256) values (?, ?, ?, ?, ?, ?, ?)",
        processor,
        Sql.truncate(eventId, 200),
        Sql.truncate(reference, 100),
        outcome,
        (short) httpStatus,
        Sql.truncate(detail, 500),
        bodySha256);
  }
}
