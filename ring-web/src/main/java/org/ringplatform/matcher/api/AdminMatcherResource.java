package org.ringplatform.matcher.api;

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
import org.ringplatform.matcher.MatcherConsole;
import org.ringplatform.platform.RingException;
import org.ringplatform.process.BatchRuns;
import org.ringplatform.process.JobControl;

/** The matcher and expiry jobs for admins: runs with progress, starting and stopping, figures. */
@Path("admin/matcher")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminMatcherResource {

  @Inject private JobControl jobs;
  @Inject private BatchRuns runs;
  @Inject private MatcherConsole console;

  /** What to start. */
  public static class RunRequest {
    /** {@code matcher} (default) or {@code expiry}. */
    public String job;

    /** Match only this listing. */
    public Long opportunityId;

    /** Listings per chunk transaction, 1 to 1000 (default 10). */
    public Integer chunkSize;
  }

  @GET
  @Path("/runs")
  @Operation(summary = "The latest runs of the batch jobs with their progress, newest first")
  public List<RunView> runs(@QueryParam("job") String job, @QueryParam("limit") Integer limit) {
    return runs.recent(job == null ? null : jobName(job), limit == null ? 50 : limit).stream()
        .map(RunView::of)
        .toList();
  }

  @GET
  @Path("/runs/{runId}")
  @Operation(summary = "One run")
  public RunView run(@PathParam("runId") long runId) {
    return runs.find(runId)
        .map(RunView::of)
        .orElseThrow(() -> RingException.notFound("No such run."));
  }

  @POST
  @Path("/runs")
  @Operation(
      summary =
          "Start a run of the matcher (job: matcher), the listing expiry (expiry) or the membership"
              + " expiry (membership-expiry); 409 while a run of it is under way")
  public Response start(RunRequest body) {
    RunRequest r = body == null ? new RunRequest() : body;
    return jobs.start(
            jobName(r.job == null ? "matcher" : r.job), r.opportunityId, r.chunkSize, "manual")
        .map(run -> Response.accepted(RunView.of(run)).build())
        .orElseThrow(AdminMatcherResource::busy);
  }

  @POST
  @Path("/runs/{runId}/stop")
  @Operation(summary = "Stop a run at its next checkpoint")
  public Response stop(@PathParam("runId") long runId) {
    jobs.stop(runId);
    return Response.accepted().build();
  }

  @POST
  @Path("/runs/{runId}/restart")
  @Operation(summary = "Restart a stopped or failed run from its last checkpoint")
  public Response restart(@PathParam("runId") long runId) {
    return jobs.restart(runId)
        .map(run -> Response.accepted(RunView.of(run)).build())
        .orElseThrow(AdminMatcherResource::busy);
  }

  @GET
  @Path("/stats")
  @Operation(summary = "Matches, matched listings and members, notices, queue, matches per day")
  public MatcherConsole.Stats stats() {
    return console.stats();
  }

  private static String jobName(String job) {
    return switch (job) {
      case "matcher" -> BatchRuns.MATCHER;
      case "expiry" -> BatchRuns.EXPIRY;
      case "membership-expiry" -> BatchRuns.MEMBERSHIP_EXPIRY;
      default ->
          throw RingException.invalid(
              "unknown_job", "job", "The job is matcher, expiry or membership-expiry.");
    };
  }

  private static RingException busy() {
    return new RingException(
        RingException.Kind.CONFLICT,
        "run_in_progress",
        null,
        "A run of this job is under way, or this run cannot be restarted.");
  }
}
