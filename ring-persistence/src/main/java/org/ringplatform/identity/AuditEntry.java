package org.ringplatform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One audited change of an account's role or status: who, whom, when, from, to and why. */
@Entity
@Table(name = "account_audit")
public class AuditEntry {

  /** What changed. */
  public static final String ROLE_CHANGE = "role_change";

  public static final String SUSPEND = "suspend";
  public static final String REACTIVATE = "reactivate";
  public static final String UPGRADE_APPROVED = "upgrade_approved";
  public static final String UPGRADE_REJECTED = "upgrade_rejected";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "actor_id")
  private Long actorId;

  @Column(name = "target_id", nullable = false)
  private Long targetId;

  @Column(nullable = false, length = 30)
  private String action;

  @Column(name = "from_value", length = 30)
  private String fromValue;

  @Column(name = "to_value", length = 30)
  private String toValue;

  @Column(length = 2000)
  private String reason;

  @Column(nullable = false)
  private OffsetDateTime at;

  protected AuditEntry() {
    // For JPA.
  }

  public AuditEntry(
      Long actorId, Long targetId, String action, String fromValue, String toValue, String reason) {
    this.actorId = actorId;
    this.targetId = targetId;
    this.action = action;
    this.fromValue = fromValue;
    this.toValue = toValue;
    this.reason = reason;
    this.at = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public Long getActorId() {
    return actorId;
  }

  public Long getTargetId() {
    return targetId;
  }

  public String getAction() {
    return action;
  }

  public String getFromValue() {
    return fromValue;
  }

  public String getToValue() {
    return toValue;
  }

  public String getReason() {
    return reason;
  }

  public OffsetDateTime getAt() {
    return at;
  }
}
