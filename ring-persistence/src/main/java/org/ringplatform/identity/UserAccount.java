package org.ringplatform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * A person's account: email, password hash, place on the role ladder and status. The account keeps
 * its own invariants: the email is normalised, the role is always a persistable one.
 */
@Entity
@Table(name = "users")
@NamedQuery(
    name = UserAccount.FIND_BY_EMAIL,
    query = "select u from UserAccount u where lower(u.email) = :email")
@NamedQuery(name = UserAccount.COUNT_ALL, query = "select count(u) from UserAccount u")
public class UserAccount {

  public static final String FIND_BY_EMAIL = "UserAccount.findByEmail";
  public static final String COUNT_ALL = "UserAccount.countAll";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(nullable = false, length = 20)
  private Role role;

  @Column(nullable = false, length = 20)
  private AccountStatus status;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(length = 8)
  private String locale;

  @Column(name = "email_verified", nullable = false)
  private boolean emailVerified;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  // EclipseLink 4.0 binds java.time.Instant as bytes on PostgreSQL; OffsetDateTime in UTC maps to
  // timestamptz.
  @Version private long version;

  protected UserAccount() {
    // For JPA.
  }

  public UserAccount(String email, String displayName, Role role) {
    this.email = normaliseEmail(email);
    this.displayName = Objects.requireNonNull(displayName, "displayName").strip();
    changeRole(role);
    this.status = AccountStatus.ACTIVE;
  }

  /** Emails compare case-insensitively; we store them trimmed and lower-cased. */
  public static String normaliseEmail(String email) {
    Objects.requireNonNull(email, "email");
    return email.strip().toLowerCase(Locale.ROOT);
  }

  public final void changeRole(Role newRole) {
    Objects.requireNonNull(newRole, "role");
    if (!newRole.isPersistable()) {
      throw new IllegalArgumentException("A stored account cannot have the visitor role");
    }
    this.role = newRole;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public void markEmailVerified() {
    this.emailVerified = true;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  @PrePersist
  void onCreate() {
    createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    updatedAt = createdAt;
  }

  @PreUpdate
  void onUpdate() {
    updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public AccountStatus getStatus() {
    return status;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getLocale() {
    return locale;
  }

  public boolean isEmailVerified() {
    return emailVerified;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
