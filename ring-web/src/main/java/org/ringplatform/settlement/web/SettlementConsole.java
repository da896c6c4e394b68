package org.ringplatform.settlement.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import org.ringplatform.platform.RingException;
import org.ringplatform.portal.web.BundleMessages;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;
import org.ringplatform.security.web.Caller;
import org.ringplatform.settlement.SettlementService;

/**
 * The settlement console ({@code /admin/settlements}): the settlement runs with their progress (the
 * page polls while one is under way) and buttons to start, stop and restart; the latest
 * settlements; the payouts, with the CSV export for the bank and marking a payout paid.
 */
@Named
@ViewScoped
public class SettlementConsole implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final BundleMessages MESSAGES = new BundleMessages("mon");

  @Inject private BatchRuns runs;
  @Inject private JobControl jobs;
  @Inject private SettlementService settlements;
  @Inject private Caller caller;

  private final HashMap<Long, String> bankReferences = new HashMap<>();
  private String payoutStatus;
  private transient List<BatchRuns.Run> latest;
  private transient List<SettlementService.Settlement> recent;
  private transient List<SettlementService.Payout> payouts;

  public List<BatchRuns.Run> getRuns() {
    if (latest == null) {
      latest = runs.recent(BatchRuns.SETTLEMENT, 10);
    }
    return latest;
  }

  /** Whether a run is under way, so the page keeps polling. */
  public boolean isBusy() {
    return getRuns().stream().anyMatch(BatchRuns.Run::open);
  }

  public List<SettlementService.Settlement> getSettlements() {
    if (recent == null) {
      recent = settlements.settlements(caller.require(), null, null, 50);
    }
    return recent;
  }

  public List<SettlementService.Payout> getPayouts() {
    if (payouts == null) {
      payouts = settlements.payouts(caller.require(), null, payoutStatus, 100);
    }
    return payouts;
  }

  /** Drops what was read, so the next render (a poll) shows fresh progress. */
  public void refresh() {
    latest = null;
    recent = null;
    payouts = null;
  }

  public void start() {
    try {
      jobs.start(BatchRuns.SETTLEMENT, null, null, "manual")
          .ifPresentOrElse(
              run -> MESSAGES.info("settlements.started", run.id()),
              () -> MESSAGES.info("settlements.busy"));
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }

  public void stop(long runId) {
    try {
      jobs.stop(runId);
      MESSAGES.info("settlements.stopRequested");
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }

  public void restart(long runId) {
    try {
      jobs.restart(runId)
          .ifPresentOrElse(
              run -> MESSAGES.info("settlements.restarted", run.id()),
              () -> MESSAGES.info("settlements.busy"));
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }

  public void markPaid(long payoutId) {
    try {
      settlements.markPaid(caller.require(), payoutId, bankReferences.get(payoutId));
      MESSAGES.info("payouts.markedPaid", payoutId);
      bankReferences.remove(payoutId);
    } catch (RingException e) {
      MESSAGES.refusal(e, null);
    }
    refresh();
  }

  /**
   * Sends the bank's CSV of the scheduled payouts as a download and marks them exported (a non-Ajax
   * request: the response is the file).
   */
  public void exportCsv() {
    write(settlements.exportPayouts(caller.require()), "payouts-" + today() + ".csv");
  }

  /** Downloads the listed payouts' CSV again without marking anything. */
  public void downloadCsv() {
    write(
        settlements.payoutsCsv(caller.require(), payoutStatus),
        "payouts-" + (payoutStatus == null ? "all" : payoutStatus) + "-" + today() + ".csv");
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  private static void write(SettlementService.Export export, String filename) {
    FacesContext context = FacesContext.getCurrentInstance();
    ExternalContext external = context.getExternalContext();
    byte[] bytes = export.csv().getBytes(StandardCharsets.UTF_8);
    external.responseReset();
    external.setResponseContentType("text/csv; charset=UTF-8");
    external.setResponseContentLength(bytes.length);
    external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    try (OutputStream out = external.getResponseOutputStream()) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

  public HashMap<Long, String> getBankReferences() {
    return bankReferences;
  }

  public String getPayoutStatus() {
    return payoutStatus;
  }

  public void setPayoutStatus(String payoutStatus) {
    this.payoutStatus = payoutStatus == null || payoutStatus.isBlank() ? null : payoutStatus;
  }

  public List<String> getPayoutStatuses() {
    return List.of("scheduled", "exported", "paid");
  }
}
