package org.ringplatform.store.refund.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ringplatform.security.web.Caller;
import org.ringplatform.store.refund.RefundService;

/**
 * The refunds console ({@code /admin/refunds}): orders waiting for a refund decision, each linked
 * to its refund page, and the recent refunds with their parts, claw-backs and failures.
 */
@Named
@ViewScoped
public class RefundQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private RefundService refunds;
  @Inject private Caller caller;

  private String status;
  private transient List<RefundService.Pending> pending;
  private transient List<RefundService.Refund> recent;

  public List<RefundService.Pending> getPending() {
    if (pending == null) {
      pending = refunds.pending(caller.require(), 100);
    }
    return pending;
  }

  public List<RefundService.Refund> getRecent() {
    if (recent == null) {
      recent = refunds.recent(caller.require(), status, 100);
    }
    return recent;
  }

  public void filter() {
    recent = null;
  }

  public List<String> getStatuses() {
    return List.of("requested", "succeeded", "failed");
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status == null || status.isBlank() ? null : status;
  }
}
