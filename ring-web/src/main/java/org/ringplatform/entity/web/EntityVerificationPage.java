package org.ringplatform.entity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.ringplatform.entity.EntityService;
import org.ringplatform.entity.Organisation;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.verification.VerificationService;
import org.ringplatform.verification.VerificationService.Procedure;

/**
 * The owner's verification page ({@code /entity-verification?id=}): ask for verification, follow
 * the procedure's status and the administrators' notes, upload documents while they are wanted
 * (through {@link VerificationUploadServlet}). Only the entity's owner or an admin sees it.
 */
@Named("entityVerification")
@ViewScoped
public class EntityVerificationPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EntityService entities;
  @Inject private VerificationService verification;
  @Inject private Caller caller;

  private Long id;
  private boolean missing;
  private String note;
  private String uploaded;
  private String error;
  private transient Organisation entity;
  private transient Optional<Procedure> procedure;

  /** The view action: the entity must exist and the caller must manage it. */
  public void load() {
    missing = true;
    if (id == null) {
      return;
    }
    try {
      AuthenticatedUser me = caller.require();
      entity = entities.get(Optional.of(me), id);
      missing = !(entity.getOwnerId() == me.id() || me.role().isPlatformAdmin());
    } catch (RingException e) {
      missing = true;
    }
  }

  public Organisation getEntity() {
    if (entity == null && id != null && !missing) {
      entity = entities.get(caller.find(), id);
    }
    return entity;
  }

  /** The latest procedure, if there is one. */
  public Procedure getProcedure() {
    if (procedure == null) {
      procedure = missing ? Optional.empty() : verification.latestFor(caller.require(), id);
    }
    return procedure.orElse(null);
  }

  /** Whether the owner may ask now: never asked, or the last one was rejected. */
  public boolean isCanRequest() {
    Procedure p = getProcedure();
    return !missing
        && !"verified".equals(getEntity().getVerificationStatus())
        && (p == null || p.status().equals("rejected"));
  }

  /** Whether documents are wanted now. */
  public boolean isCanUpload() {
    Procedure p = getProcedure();
    return p != null
        && (p.status().equals("submitted") || p.status().equals("info_requested"))
        && p.applicantId() == caller.require().id();
  }

  public void request() {
    try {
      Procedure p = verification.request(caller.require(), id, note);
      procedure = Optional.of(p);
      note = null;
      EntityMessages.info("verification.requested", p.number());
    } catch (RingException e) {
      EntityMessages.refusal(e, "request");
    }
  }

  /** The outcome of an upload, from the upload servlet's redirect, in the page's language. */
  public String getUploadMessage() {
    if (error != null && !error.isBlank()) {
      String key = "error." + error;
      return EntityMessages.has(key)
          ? EntityMessages.text(key)
          : EntityMessages.text(EntityMessages.GENERIC_ERROR);
    }
    return "1".equals(uploaded) ? EntityMessages.text("verification.uploaded") : null;
  }

  public boolean isUploadFailed() {
    return error != null && !error.isBlank();
  }

  public String getUploaded() {
    return uploaded;
  }

  public void setUploaded(String uploaded) {
    this.uploaded = uploaded;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isMissing() {
    return missing;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
