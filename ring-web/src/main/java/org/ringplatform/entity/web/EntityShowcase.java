package org.ringplatform.entity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.ringplatform.entity.EntityService;
import org.ringplatform.entity.Organisation;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * An entity's showcase ({@code /entity?id=}, public as far as the entity's visibility allows): its
 * description, pictures, contacts, tags and members; the owner or an admin invites members by
 * email; other people signed in report it or hide it from themselves. An unknown id or one the
 * viewer may not see shows "not found".
 */
@Named
@ViewScoped
public class EntityShowcase implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The verification status that earns the badge. */
  public static final String VERIFIED = "verified";

  @Inject private EntityService entities;
  @Inject private Caller caller;

  private Long id;
  private boolean missing;
  private String inviteEmail;
  private String category;
  private String reason;

  // Reloaded on each request rather than kept in the session.
  private transient Organisation entity;
  private transient List<UserAccount> members;
  private transient Boolean hidden;
  private transient List<EntityService.AuditLine> audit;

  /** The view action: loads the entity named by {@code id}. */
  public void load() {
    missing = id == null;
    if (!missing) {
      reload();
      missing = getEntity() == null;
    }
  }

  private void reload() {
    entity = null;
    members = null;
    hidden = null;
  }

  /** The entity, or null when there is none the viewer may see. */
  public Organisation getEntity() {
    if (entity == null && id != null && !missing) {
      try {
        entity = entities.get(caller.find(), id);
      } catch (RingException e) {
        missing = true;
      }
    }
    return entity;
  }

  public List<UserAccount> getMembers() {
    if (members == null) {
      try {
        members = isMissing() ? List.of() : entities.members(caller.find(), id);
      } catch (RingException e) {
        members = List.of();
      }
    }
    return members;
  }

  private Optional<AuthenticatedUser> viewer() {
    return caller.find();
  }

  /** Whether the viewer owns the entity. */
  public boolean isOwner() {
    Organisation e = getEntity();
    return e != null && viewer().map(v -> v.id() == e.getOwnerId()).orElse(false);
  }

  /** Whether the viewer may edit the entity and invite members: its owner or an admin. */
  public boolean isManager() {
    return getEntity() != null
        && (isOwner() || viewer().map(v -> v.role().isPlatformAdmin()).orElse(false));
  }

  /** What happened to the entity, newest first; only its owner and admins see it. */
  public List<EntityService.AuditLine> getAudit() {
    if (audit == null) {
      audit = isManager() ? entities.audit(viewer().get(), id.longValue()) : List.of();
    }
    return audit;
  }

  /** Whether the viewer may report or hide it: signed in and not its owner. */
  public boolean isOutsider() {
    return getEntity() != null && viewer().isPresent() && !isOwner();
  }

  public boolean isVerified() {
    Organisation e = getEntity();
    return e != null && VERIFIED.equals(e.getVerificationStatus());
  }

  /** Whether the viewer hid this entity from themselves. */
  public boolean isHidden() {
    if (hidden == null) {
      hidden =
          id != null && viewer().isPresent() && entities.hidden(viewer().get(), id.longValue());
    }
    return hidden;
  }

  /** A website address safe to link to (http or https), else null. */
  public String getWebsiteHref() {
    Organisation e = getEntity();
    String w = e == null ? null : e.getWebsite();
    return w != null && (w.startsWith("https://") || w.startsWith("http://")) ? w : null;
  }

  public void invite() {
    try {
      entities.invite(caller.require(), id, inviteEmail);
      inviteEmail = null;
      reload();
      EntityMessages.info("showcase.invited");
    } catch (RingException e) {
      EntityMessages.refusal(e, "inviteForm");
    }
  }

  public void report() {
    try {
      entities.report(caller.require(), id, category, reason);
      category = null;
      reason = null;
      reload();
      EntityMessages.info("showcase.reported");
    } catch (RingException e) {
      EntityMessages.refusal(e, "reportForm");
    }
  }

  public void hide() {
    try {
      entities.hide(caller.require(), id);
      reload();
      EntityMessages.info("showcase.hiddenDone");
    } catch (RingException e) {
      EntityMessages.refusal(e, null);
    }
  }

  public void unhide() {
    try {
      entities.unhide(caller.require(), id);
      reload();
      EntityMessages.info("showcase.shownDone");
    } catch (RingException e) {
      EntityMessages.refusal(e, null);
    }
  }

  /** Whether the viewer is an admin looking at a blocked entity, who may lift the block. */
  public boolean isUnblockable() {
    Organisation e = getEntity();
    return e != null
        && e.isBlocked()
        && viewer().map(v -> v.role().isPlatformAdmin()).orElse(false);
  }

  public void unblock() {
    try {
      entities.unblock(caller.require(), id, null);
      reload();
      EntityMessages.info("showcase.unblocked");
    } catch (RingException e) {
      EntityMessages.refusal(e, null);
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** Whether there is nothing to show (no id, a bad id, or an entity the viewer may not see). */
  public boolean isMissing() {
    return missing || id == null;
  }

  public String getInviteEmail() {
    return inviteEmail;
  }

  public void setInviteEmail(String inviteEmail) {
    this.inviteEmail = inviteEmail;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
