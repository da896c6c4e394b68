package org.ringplatform.entity.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ringplatform.entity.EntityService;
import org.ringplatform.entity.EntityService.Report;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The queue of open entity reports ({@code /admin/entity-reports}), oldest first: each report is
 * resolved, dismissed, or resolved by blocking its entity with a reason the owner is told about.
 */
@Named
@ViewScoped
public class EntityReportQueue implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private EntityService entities;
  @Inject private Caller caller;

  private final HashMap<Long, String> reasons = new HashMap<>();
  private transient List<Report> open;

  public List<Report> getOpen() {
    if (open == null) {
      open = entities.openReports(caller.require());
    }
    return open;
  }

  /** Blocks the reported entity with the reason typed next to the report, and resolves it. */
  public void block(long reportId, long entityId) {
    try {
      entities.block(caller.require(), entityId, reasons.get(reportId));
      reasons.remove(reportId);
      EntityMessages.info("admin.reports.blocked");
    } catch (RingException e) {
      EntityMessages.refusal(e, null);
    }
    open = null;
  }

  public void resolve(long reportId) {
    close(reportId, false);
  }

  public void dismiss(long reportId) {
    close(reportId, true);
  }

  private void close(long reportId, boolean dismissed) {
    try {
      entities.closeReport(caller.require(), reportId, dismissed);
      EntityMessages.info(dismissed ? "admin.reports.dismissed" : "admin.reports.resolved");
    } catch (RingException e) {
      EntityMessages.refusal(e, null);
    }
    open = null;
  }

  /** The block reasons typed next to each report, by report id. */
  public Map<Long, String> getReasons() {
    return reasons;
  }
}
