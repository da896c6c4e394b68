package org.ringplatform.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.ArrayList;
import java.util.List;
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

  @Column(length = 32)
  private String username;

  @Column(name = "avatar_url", length = 500)
  private String avatarUrl;

  @Column(length = 2000)
  private String bio;

  @Convert(converter = StringListConverter.class)
  @Column(columnDefinition = "text[]")
  private List<String> skills = new ArrayList<>();

  @Convert(converter = StringListConverter.class)
  @Column(columnDefinition = "text[]")
  private List<String> tags = new ArrayList<>();

  @Column(length = 200)
  private String location;

  @Column(name = "experience_level", length = 10)
  private String experienceLevel;

  @Convert(converter = StringListConverter.class)
  @Column(columnDefinition = "text[]")
  private List<String> interests = new ArrayList<>();

  private Double latitude;

  private Double longitude;

  @Column(name = "session_epoch", nullable = false)
  private int sessionEpoch;

  @Column(name = "status_reason", length = 2000)
  private String statusReason;

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

  /** Ends every session and token of this account: they carry an older epoch from now on. */
  public void endAllSessions() {
    sessionEpoch++;
  }

  /** Stops the account from signing in or using tokens, and ends what is open. */
  public void suspend(String reason) {
    status = AccountStatus.SUSPENDED;
    statusReason = reason;
    endAllSessions();
  }

  public void reactivate(String reason) {
    status = AccountStatus.ACTIVE;
    statusReason = reason;
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }

  /**
   * Replaces the public profile. Coordinates come as a pair or not at all.
   *
   * @throws IllegalArgumentException when a value breaks the profile's rules
   */
  public void updateProfile(
      String displayName,
      String username,
      String avatarUrl,
      String bio,
      List<String> skills,
      List<String> tags,
      String location,
      Double latitude,
      Double longitude) {
    if (displayName == null || displayName.isBlank() || displayName.strip().length() > 100) {
      throw new IllegalArgumentException("displayName");
    }
    if (username != null && !username.matches("[A-Za-z0-9_-]{3,32}")) {
      throw new IllegalArgumentException("username");
    }
    if ((latitude == null) != (longitude == null)
        || (latitude != null && (latitude < -90 || latitude > 90))
        || (longitude != null && (longitude < -180 || longitude > 180))) {
      throw new IllegalArgumentException("location");
    }
    this.displayName = displayName.strip();
    this.username = username;
    this.avatarUrl = avatarUrl;
    this.bio = bio;
    this.skills = new ArrayList<>(skills == null ? List.of() : skills);
    this.tags = new ArrayList<>(tags == null ? List.of() : tags);
    this.location = location;
    this.latitude = latitude;
    this.longitude = longitude;
  }

  /**
   * Sets what the matcher compares with a listing's level and category.
   *
   * @throws IllegalArgumentException when the level is not one of the four
   */
  public void describeExperience(String level, List<String> interests) {
    if (level != null && !List.of("junior", "mid", "senior", "lead").contains(level)) {
      throw new IllegalArgumentException("experienceLevel");
    }
    this.experienceLevel = level;
    this.interests = new ArrayList<>(interests == null ? List.of() : interests);
  }

  public String getExperienceLevel() {
    return experienceLevel;
  }

  public List<String> getInterests() {
    return List.copyOf(interests);
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

  public String getUsername() {
    return username;
  }

  public String getAvatarUrl() {
    return avatarUrl;
  }

  public String getBio() {
    return bio;
  }

  public List<String> getSkills() {
    return List.copyOf(skills);
  }

  public List<String> getTags() {
    return List.copyOf(tags);
  }

  public String getLocation() {
    return location;
  }

  public Double getLatitude() {
    return latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public int getSessionEpoch() {
    return sessionEpoch;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
