package org.ringplatform.store.vendor.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ringplatform.entity.EntityService;
import org.ringplatform.i18n.web.PortalLocale;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.Redirect;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.catalogue.web.StoreMessages;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorStatus;

/**
 * Opens a store ({@code /vendor/start}, members): the entity it sells for (one the caller owns that
 * has no store, or whose store was rejected), its name, address and description. The store then
 * waits for an admin; the page sends the member to their dashboard.
 */
@Named
@ViewScoped
public class VendorStart implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int ENTITY_CHOICES = 100;

  @Inject private VendorService vendors;
  @Inject private EntityService entities;
  @Inject private Caller caller;
  @Inject private PortalLocale portalLocale;

  private Long entityId;
  private String name;
  private String slug;
  private String description;

  /** The entities the caller owns that can get a store. */
  public List<SelectItem> getEntities() {
    AuthenticatedUser me = caller.find().orElse(null);
    if (me == null) {
      return List.of();
    }
    Set<Long> taken =
        vendors.mine(me).stream()
            .filter(v -> v.status() != VendorStatus.REJECTED)
            .map(Vendor::entityId)
            .collect(Collectors.toSet());
    return entities
        .list(caller.find(), new EntityService.Filter(null, null, true), 0, ENTITY_CHOICES)
        .items()
        .stream()
        .filter(e -> e.getOwnerId() == me.id() && !taken.contains(e.getId()))
        .map(e -> new SelectItem(e.getId(), e.getName()))
        .toList();
  }

  public void open() {
    try {
      vendors.open(
          caller.require(), new VendorService.Application(entityId, name, slug, description));
      StoreMessages.keepForRedirect();
      StoreMessages.info("start.opened");
      Redirect.to(portalLocale.href("/vendor"));
    } catch (RingException e) {
      StoreMessages.refusal(e, "startForm");
    }
  }

  public Long getEntityId() {
    return entityId;
  }

  public void setEntityId(Long entityId) {
    this.entityId = entityId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
