package org.ringplatform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ringplatform.identity.StringListConverter;
import org.ringplatform.identity.Visibility;

/**
 * An entity: an organisation a member runs on the platform (table {@code entities}). It keeps its
 * own moderation state: reported entities stay visible until an admin blocks them, a blocked one is
 * hidden from everyone but admins.
 */
@Entity
@Table(name = "entities")
public class Organisation {

  /** Moderation states. */
  public static final String ACTIVE = "active";

  public static final String REPORTED = "reported";
  public static final String BLOCKED = "blocked";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 40)
  private EntityType type;

  @Column(name = "short_description", nullable = false, length = 300)
  private String shortDescription;

  @Column(name = "full_description", length = 10000)
  private String fullDescription;

  @Column(name = "logo_url", length = 500)
  private String logoUrl;

  @Convert(converter = StringListConverter.class)
  @Column(columnDefinition = "text[]")
  private List<String> gallery = new ArrayList<>();

  @Column(length = 200)
  private String location;

  private Double latitude;
  private Double longitude;

  @Column(length = 500)
  private String website;

  @Column(name = "contact_email", length = 254)
  private String contactEmail;

  @Column(length = 40)
  private String phone;

  @Convert(converter = StringListConverter.class)
  @Column(columnDefinition = "text[]")
  private List<String> tags = new ArrayList<>();

  @Column(nullable = false, length = 20)
  private Visibility visibility;

  @Column(nullable = false)
  private boolean confidential;

  @Column(name = "owner_id", nullable = false)
  private Long ownerId;

  @Column(name = "moderation_status", nullable = false, length = 20)
  private String moderationStatus;

  @Column(name = "report_count", nullable = false)
  private int reportCount;

  @Column(name = "blocked_at")
  private OffsetDateTime blockedAt;

  @Column(name = "blocked_reason", length = 2000)
  private String blockedReason;

  @Column(name = "verification_status", nullable = false, length = 20)
  private String verificationStatus;

  @Column(name = "created_at", nullable = false, updatable = false)
  private OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Version private long version;

  protected Organisation() {
    // For JPA.
  }

  public Organisation(Long ownerId) {
    this.ownerId = Objects.requireNonNull(ownerId, "owner");
    this.visibility = Visibility.PUBLIC;
    this.moderationStatus = ACTIVE;
    this.verificationStatus = "none";
  }

  /** Replaces the descriptive fields; the caller has validated them. */
  public void describe(
      String name,
      EntityType type,
      String shortDescription,
      String fullDescription,
      String logoUrl,
      List<String> gallery,
      String location,
      Double latitude,
      Double longitude,
      String website,
      String contactEmail,
      String phone,
      List<String> tags) {
    this.name = Objects.requireNonNull(name).strip();
    this.type = Objects.requireNonNull(type);
    this.shortDescription = Objects.requireNonNull(shortDescription).strip();
    this.fullDescription = fullDescription;
    this.logoUrl = logoUrl;
    this.gallery = new ArrayList<>(gallery == null ? List.of() : gallery);
    this.location = location;
    this.latitude = latitude;
    this.longitude = longitude;
    this.website = website;
    this.contactEmail = contactEmail;
    this.phone = phone;
    this.tags = new ArrayList<>(tags == null ? List.of() : tags);
  }

  /** Sets who may see the entity; the caller checked the actor may give this visibility. */
  public void restrict(Visibility visibility, boolean confidential) {
    this.visibility = Objects.requireNonNull(visibility);
    this.confidential = confidential;
  }

  /** True when only confidential access sees this entity. */
  public boolean isConfidentialRow() {
    return confidential || visibility == Visibility.CONFIDENTIAL;
  }

  /** A report arrived: counted, and an active entity becomes reported (never blocked by it). */
  public void reported() {
    reportCount++;
    if (ACTIVE.equals(moderationStatus)) {
      moderationStatus = REPORTED;
    }
  }

  public void block(String reason) {
    moderationStatus = BLOCKED;
    blockedAt = OffsetDateTime.now(ZoneOffset.UTC);
    blockedReason = reason;
  }

  public void unblock() {
    moderationStatus = ACTIVE;
    blockedAt = null;
    blockedReason = null;
  }

  /** The outcome of verification: pending, under_review, verified or rejected. */
  public void verification(String status) {
    if (!java.util.Set.of("none", "pending", "under_review", "verified", "rejected")
        .contains(status)) {
      throw new IllegalArgumentException("verification status");
    }
    this.verificationStatus = status;
  }

  public boolean isBlocked() {
    return BLOCKED.equals(moderationStatus);
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

  public String getName() {
    return name;
  }

  public EntityType getType() {
    return type;
  }

  public String getShortDescription() {
    return shortDescription;
  }

  public String getFullDescription() {
    return fullDescription;
  }

  public String getLogoUrl() {
    return logoUrl;
  }

  public List<String> getGallery() {
    return List.copyOf(gallery);
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

  public String getWebsite() {
    return website;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public String getPhone() {
    return phone;
  }

  public List<String> getTags() {
    return List.copyOf(tags);
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  public String getModerationStatus() {
    return moderationStatus;
  }

  public int getReportCount() {
    return reportCount;
  }

  public OffsetDateTime getBlockedAt() {
    return blockedAt;
  }

  public String getBlockedReason() {
    return blockedReason;
  }

  public String getVerificationStatus() {
    return verificationStatus;
  }

  public OffsetDateTime getCreatedAt() {
    return createdAt;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }
}
