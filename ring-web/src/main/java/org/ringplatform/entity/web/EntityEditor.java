package org.ringplatform.entity.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.ringplatform.entity.EntityService;
import org.ringplatform.entity.Organisation;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;

/**
 * Creates ({@code /entity-edit}) or edits ({@code /entity-edit?id=}) an entity: every field of a
 * {@link EntityService.Draft}, a visibility limited to what the caller's role may give, and delete
 * for the owner or an admin. Saving leads to the showcase; the service's refusals are shown next to
 * their fields.
 */
@Named
@ViewScoped
public class EntityEditor implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EntityService entities;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;

  private Long id;
  private boolean missing;
  private boolean forbidden;
  private String name;
  private String type;
  private String shortDescription;
  private String fullDescription;
  private String logoUrl;
  private List<String> gallery = new ArrayList<>();
  private String location;
  private Double latitude;
  private Double longitude;
  private String website;
  private String contactEmail;
  private String phone;
  private List<String> tags = new ArrayList<>();
  private String visibility = Visibility.PUBLIC.id();
  private boolean confidential;

  /** The view action: checks the caller may write and loads the entity when editing. */
  public void load() {
    AuthenticatedUser user = caller.find().orElse(null);
    if (user == null || !user.role().hasMemberPrivileges()) {
      forbidden = true;
      return;
    }
    if (id == null) {
      return;
    }
    Organisation e;
    try {
      e = entities.get(caller.find(), id);
    } catch (RingException refused) {
      missing = true;
      return;
    }
    if (e.getOwnerId() != user.id() && !user.role().isPlatformAdmin()) {
      forbidden = true;
      return;
    }
    name = e.getName();
    type = e.getType().id();
    shortDescription = e.getShortDescription();
    fullDescription = e.getFullDescription();
    logoUrl = e.getLogoUrl();
    gallery = new ArrayList<>(e.getGallery());
    location = e.getLocation();
    latitude = e.getLatitude();
    longitude = e.getLongitude();
    website = e.getWebsite();
    contactEmail = e.getContactEmail();
    phone = e.getPhone();
    tags = new ArrayList<>(e.getTags());
    visibility = e.getVisibility().id();
    confidential = e.isConfidential();
  }

  private Role role() {
    return caller.find().map(AuthenticatedUser::role).orElse(Role.VISITOR);
  }

  /** The visibilities the caller's role may give. */
  public List<String> getVisibilities() {
    return VisibilityPolicy.visibleTo(role()).stream().map(Visibility::id).toList();
  }

  /** Whether the caller may mark an entity confidential. */
  public boolean isConfidentialAllowed() {
    return role().hasConfidentialAccess();
  }

  public void save() {
    try {
      EntityService.Draft draft =
          new EntityService.Draft(
              name,
              type,
              shortDescription,
              fullDescription,
              logoUrl,
              gallery,
              location,
              latitude,
              longitude,
              website,
              contactEmail,
              phone,
              tags,
              visibility,
              confidential && isConfidentialAllowed());
      Organisation saved =
          id == null
              ? entities.create(caller.require(), draft)
              : entities.update(caller.require(), id, draft);
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().getFlash().setKeepMessages(true);
      EntityMessages.info(id == null ? "edit.created" : "edit.saved");
      Redirect.to(portalLocale.href("/entity") + "?id=" + saved.getId());
    } catch (RingException e) {
      EntityMessages.refusal(e, "entityForm");
    }
  }

  public void delete() {
    try {
      entities.delete(caller.require(), id);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      EntityMessages.info("edit.deleted");
      Redirect.to(portalLocale.href("/entities"));
    } catch (RingException e) {
      EntityMessages.refusal(e, "entityForm");
    }
  }

  /** Whether an existing entity is being edited (rather than a new one created). */
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
   * Whether the entity to edit does not exist or cannot be seen; also when {@code ?id=} is not a
   * number (the view action does not run then, and the page must not turn into "create").
   */
  public boolean isMissing() {
    if (id == null && !missing) {
      String raw =
          FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
      missing = raw != null && !raw.isBlank();
    }
    return missing;
  }

  /** Whether the caller may not create or edit this entity. */
  public boolean isForbidden() {
    return forbidden;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getShortDescription() {
    return shortDescription;
  }

  public void setShortDescription(String shortDescription) {
    this.shortDescription = shortDescription;
  }

  public String getFullDescription() {
    return fullDescription;
  }

  public void setFullDescription(String fullDescription) {
    this.fullDescription = fullDescription;
  }

  public String getLogoUrl() {
    return logoUrl;
  }

  public void setLogoUrl(String logoUrl) {
    this.logoUrl = logoUrl;
  }

  public List<String> getGallery() {
    return gallery;
  }

  public void setGallery(List<String> gallery) {
    this.gallery = gallery == null ? new ArrayList<>() : new ArrayList<>(gallery);
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

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public void setContactEmail(String contactEmail) {
    this.contactEmail = contactEmail;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
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
}
