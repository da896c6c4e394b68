package org.ringplatform.entity.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;
import org.ringplatform.verification.VerificationService;
import org.ringplatform.verification.VerificationService.Action;
import org.ringplatform.verification.VerificationService.Procedure;

/**
 * The admins' verification queue ({@code /admin/verification}): open procedures with their
 * documents; review, ask for more information, approve or reject, with a note the applicant sees.
 */
@Named
@ViewScoped
public class VerificationQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private VerificationService verification;
  @Inject private Caller caller;

  private final Map<String, String> notes = new HashMap<>();
  private transient List<Procedure> open;

  public List<Procedure> getOpen() {
    if (open == null) {
      open = verification.queue(caller.require());
    }
    return open;
  }

  public Map<String, String> getNotes() {
    return notes;
  }

  /** Applies {@code action} (review, request_info, approve, reject) to procedure {@code number}. */
  public void decide(String number, String action) {
    try {
      verification.decide(caller.require(), number, Action.valueOf(action), notes.get(number));
      notes.remove(number);
      EntityMessages.info("admin.verification.done", number);
    } catch (RingException e) {
      EntityMessages.refusal(e, null);
    } catch (IllegalArgumentException e) {
      EntityMessages.error(null, null, EntityMessages.GENERIC_ERROR);
    }
    open = null;
  }

  /** Sends a document to the admin's browser as a download. */
  public void download(String number, long documentId) throws IOException {
    VerificationService.Download d = verification.download(caller.require(), number, documentId);
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext ec = context.getExternalContext();
    ec.responseReset();
    ec.setResponseContentType(d.contentType());
    ec.setResponseHeader(
        "Content-Disposition",
        "attachment; filename=\"" + d.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
    ec.setResponseHeader("X-Content-Type-Options", "nosniff");
    Files.copy(d.file(), ec.getResponseOutputStream());
    context.responseComplete();
  }
}
