package org.ringplatform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A subscriber's request to become a member; pending until an admin approves or rejects it. */
@Entity
@Table(name = "upgrade_requests")
public class UpgradeRequest {

  public static final String PENDING = "pending";
  public static final String APPROVED = "approved";
  public static final String REJECTED = "rejected";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false)
  private Long userId;

  @Column(nullable = false, length = 2000)
  private String reason;

  @Column(nullable = false, length = 20)
  private String status;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decided_at")
  private OffsetDateTime decidedAt;

  @Column(name = "decision_note", length = 2000)
  private String decisionNote;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected UpgradeRequest() {
    // For JPA.
  }

  public UpgradeRequest(Long userId, String reason) {
    this.userId = Objects.requireNonNull(userId);
    this.reason = Objects.requireNonNull(reason).strip();
    this.status = PENDING;
    this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  /** Records the decision; a decided request cannot be decided again. */
  public void decide(boolean approve, Long adminId, String note) {
    if (!PENDING.equals(status)) {
      throw new IllegalStateException("already decided");
    }
    status = approve ? APPROVED : REJECTED;
    decidedBy = adminId;
    decidedAt = OffsetDateTime.now(ZoneOffset.UTC);
    decisionNote = note;
  }

  public Long getId() {
    return id;
  }

  public Long getUserId() {
    return userId;
  }

  public String getReason() {
    return reason;
  }

  public String getStatus() {
    return status;
  }

  public Long getDecidedBy() {
    return decidedBy;
  }

  public OffsetDateTime getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }
}
