package org.ringplatform.settlement.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.platform.RingException;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;
import org.ringplatform.security.web.Caller;
import org.ringplatform.settlement.SettlementService;

/**
 * Settlements for admins: the settlements with their lines, and the settlement job's runs with
 * their progress, started, stopped and restarted here as on the console.
 */
@Path("admin/settlements")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminSettlementsResource {

  @Inject private Caller caller;
  @Inject private SettlementService settlements;
  @Inject private JobControl jobs;
  @Inject private BatchRuns runs;

  /** What to start. */
  public static class RunRequest {
    /** Orders per chunk transaction, 1 to 100000 (default 5000). */
    public Integer chunkSize;
  }

  @GET
  @Operation(summary = "Settlements, newest first, by vendor and status (open, closed, paid)")
  public List<SettlementService.Settlement> list(
      @QueryParam("vendorId") Long vendorId,
      @QueryParam("status") String status,
      @QueryParam("limit") Integer limit) {
    return settlements.settlements(caller.require(), vendorId, status, limit == null ? 50 : limit);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A settlement with its lines (one per order)")
  public SettlementService.Statement get(@PathParam("id") long id) {
    return settlements.statement(caller.require(), id);
  }

  @POST
  @Path("/run")
  @Operation(
      summary =
          "Start a settlement run now; 202 with the run, 409 while a run is under way. Each"
              + " vendor's completed orders past its hold period are settled and paid out.")
  public Response run(RunRequest body) {
    Integer chunk = body == null ? null : body.chunkSize;
    return jobs.start(BatchRuns.SETTLEMENT, null, chunk, "manual")
        .map(run -> Response.accepted(SettlementRunView.of(run)).build())
        .orElseThrow(AdminSettlementsResource::busy);
  }

  @GET
  @Path("/runs")
  @Operation(summary = "The latest settlement runs with their progress, newest first")
  public List<SettlementRunView> runs(@QueryParam("limit") Integer limit) {
    return runs.recent(BatchRuns.SETTLEMENT, limit == null ? 20 : limit).stream()
        .map(SettlementRunView::of)
        .toList();
  }

  @GET
  @Path("/runs/{runId}")
  @Operation(summary = "One settlement run")
  public SettlementRunView run(@PathParam("runId") long runId) {
    return SettlementRunView.of(settlementRun(runId));
  }

  @POST
  @Path("/runs/{runId}/stop")
  @Operation(summary = "Stop a settlement run at its next checkpoint")
  public Response stop(@PathParam("runId") long runId) {
    jobs.stop(settlementRun(runId).id());
    return Response.accepted().build();
  }

  @POST
  @Path("/runs/{runId}/restart")
  @Operation(summary = "Restart a stopped or failed settlement run from its last checkpoint")
  public Response restart(@PathParam("runId") long runId) {
    return jobs.restart(settlementRun(runId).id())
        .map(run -> Response.accepted(SettlementRunView.of(run)).build())
        .orElseThrow(AdminSettlementsResource::busy);
  }

  private BatchRuns.Run settlementRun(long runId) {
    return runs.find(runId)
        .filter(r -> BatchRuns.SETTLEMENT.equals(r.jobName()))
        .orElseThrow(() -> RingException.notFound("There is no such settlement run."));
  }

  private static RingException busy() {
    return new RingException(
        RingException.Kind.CONFLICT,
        "run_in_progress",
        null,
        "A settlement run is under way, or this run cannot be restarted.");
  }
}
