package org.ringplatform.opportunity.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ringplatform.entity.EntityService;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityStatus;
import org.ringplatform.opportunity.OpportunityType;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;

/**
 * Posts ({@code /opportunity-edit}) or edits ({@code /opportunity-edit?id=}) a listing: every field
 * of an {@link OpportunityService.Draft}, the types, visibilities and entities the caller may use,
 * and two ways out: "save as draft" and "submit for review". The service decides; its refusals are
 * shown next to their fields and nothing is stored then.
 */
@Named
@ViewScoped
public class OpportunityEditor implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int ENTITY_CHOICES = 100;

  @Inject private OpportunityService opportunities;
  @Inject private EntityService entities;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;

  private Long id;
  private boolean missing;
  private boolean forbidden;
  private String status;
  private String type;
  private String category;
  private String title;
  private String summary;
  private String description;
  private List<String> tags = new ArrayList<>();
  private List<String> skills = new ArrayList<>();
  private String location;
  private Double latitude;
  private Double longitude;
  private boolean remote;
  private BigDecimal budgetMin;
  private BigDecimal budgetMax;
  private String currency;
  private LocalDate expiresOn;
  private String experienceLevel;
  private String visibility = Visibility.PUBLIC.id();
  private boolean confidential;
  private String contact;
  private Long entityId;

  /** The view action: checks the caller may post and loads the listing when editing. */
  public void load() {
    AuthenticatedUser user = caller.find().orElse(null);
    if (user == null || !user.role().atLeast(Role.SUBSCRIBER)) {
      forbidden = true;
      return;
    }
    if (id == null) {
      return;
    }
    Opportunity o;
    try {
      o = opportunities.get(caller.find(), id);
    } catch (RingException refused) {
      missing = true;
      return;
    }
    if (o.getAuthorId() != user.id() && !user.role().isPlatformAdmin()) {
      forbidden = true;
      return;
    }
    status = o.getStatus().id();
    type = o.getType().id();
    category = o.getCategory().id();
    title = o.getTitle();
    summary = o.getSummary();
    description = o.getDescription();
    tags = new ArrayList<>(o.getTags());
    skills = new ArrayList<>(o.getSkills());
    location = o.getLocation();
    latitude = o.getLatitude();
    longitude = o.getLongitude();
    remote = o.isRemote();
    budgetMin = o.getBudgetMin();
    budgetMax = o.getBudgetMax();
    currency = o.getCurrency();
    expiresOn =
        o.getExpiresAt() == null
            ? null
            : o.getExpiresAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    experienceLevel = o.getExperienceLevel();
    visibility = o.getVisibility().id();
    confidential = o.isConfidential();
    contact = o.getContact();
    entityId = o.getEntityId();
  }

  private Role role() {
    return caller.find().map(AuthenticatedUser::role).orElse(Role.VISITOR);
  }

  /** The types the caller may post, plus the listing's own type when an admin edits it. */
  public List<String> getTypes() {
    List<String> ids =
        new ArrayList<>(
            opportunities.typesFor(caller.find().orElse(null)).stream()
                .map(OpportunityType::id)
                .toList());
    if (type != null && isEditing() && !ids.contains(type)) {
      ids.add(type);
    }
    return ids;
  }

  /** The visibilities the caller's role may give. */
  public List<String> getVisibilities() {
    return VisibilityPolicy.visibleTo(role()).stream().map(Visibility::id).toList();
  }

  /** Whether the caller may mark a listing confidential (confidential access and above). */
  public boolean isConfidentialAllowed() {
    return role().hasConfidentialAccess();
  }

  /** The entities the caller owns or belongs to, which a listing may speak for. */
  public List<SelectItem> getEntities() {
    return caller
        .find()
        .map(
            u ->
                entities
                    .list(
                        caller.find(),
                        new EntityService.Filter(null, null, true),
                        0,
                        ENTITY_CHOICES)
                    .items()
                    .stream()
                    .map(e -> new SelectItem(e.getId(), e.getName()))
                    .toList())
        .orElse(List.of());
  }

  /** Stores the listing as a draft (or keeps its status when editing). */
  public void saveDraft() {
    save(false);
  }

  /** Stores the listing and sends it to moderation. */
  public void submitForReview() {
    save(true);
  }

  private void save(boolean submit) {
    try {
      OpportunityService.Draft draft =
          new OpportunityService.Draft(
              type,
              title,
              summary,
              description,
              category,
              tags,
              skills,
              location,
              latitude,
              longitude,
              remote,
              budgetMin,
              budgetMax,
              currency == null ? null : currency.strip().toUpperCase(Locale.ROOT),
              expiresOn == null
                  ? null
                  : OffsetDateTime.of(expiresOn, LocalTime.of(23, 59, 59), ZoneOffset.UTC),
              visibility,
              confidential && isConfidentialAllowed(),
              contact,
              entityId,
              experienceLevel);
      AuthenticatedUser me = caller.require();
      Opportunity saved;
      if (id == null) {
        saved = opportunities.create(me, draft, submit);
      } else {
        saved = opportunities.update(me, id, draft);
        if (submit && saved.getStatus() == OpportunityStatus.DRAFT) {
          saved = opportunities.submit(me, id);
        }
      }
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      OpportunityMessages.info(
          saved.getStatus() == OpportunityStatus.PENDING ? "edit.submitted" : "edit.saved");
      Redirect.to(portalLocale.href("/opportunity") + "?id=" + saved.getId());
    } catch (RingException e) {
      OpportunityMessages.refusal(e, "opportunityForm");
    }
  }

  /** Whether an existing listing is being edited (rather than a new one posted). */
  public boolean isEditing() {
    return id != null;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /**
   * Whether the listing to edit does not exist or cannot be seen; also when {@code ?id=} is not a
   * number (the view action does not run then, and the page must not turn into "post").
   */
  public boolean isMissing() {
    if (id == null && !missing) {
      String raw =
          FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
      missing = raw != null && !raw.isBlank();
    }
    return missing;
  }

  /** Whether the caller may not post or edit this listing. */
  public boolean isForbidden() {
    return forbidden;
  }

  /** The status of the listing being edited, or null for a new one. */
  public String getStatus() {
    return status;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
  }

  public List<String> getSkills() {
    return skills;
  }

  public void setSkills(List<String> skills) {
    this.skills = skills == null ? new ArrayList<>() : new ArrayList<>(skills);
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public Double getLatitude() {
    return latitude;
  }

  public void setLatitude(Double latitude) {
    this.latitude = latitude;
  }

  public Double getLongitude() {
    return longitude;
  }

  public void setLongitude(Double longitude) {
    this.longitude = longitude;
  }

  public boolean isRemote() {
    return remote;
  }

  public void setRemote(boolean remote) {
    this.remote = remote;
  }

  public BigDecimal getBudgetMin() {
    return budgetMin;
  }

  public void setBudgetMin(BigDecimal budgetMin) {
    this.budgetMin = budgetMin;
  }

  public BigDecimal getBudgetMax() {
    return budgetMax;
  }

  public void setBudgetMax(BigDecimal budgetMax) {
    this.budgetMax = budgetMax;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public void setExpiresOn(LocalDate expiresOn) {
    this.expiresOn = expiresOn;
  }

  public String getExperienceLevel() {
    return experienceLevel;
  }

  public void setExperienceLevel(String experienceLevel) {
    this.experienceLevel = experienceLevel;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility;
  }

  public boolean isConfidential() {
    return confidential;
  }

  public void setConfidential(boolean confidential) {
    this.confidential = confidential;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public Long getEntityId() {
    return entityId;
  }

  public void setEntityId(Long entityId) {
    this.entityId = entityId;
  }
}
