package org.ringplatform.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.identity.AccountService;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.ProfileUpdate;
import org.ringplatform.identity.UpgradeRequest;
import org.ringplatform.identity.UpgradeRequests;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/** The caller's own account: profile, password and upgrade request. */
@Path("/me")
@RequestScoped
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject private Caller caller;
  @Inject private AccountService accounts;
  @Inject private UpgradeRequests upgrades;

  /** A profile update; absent lists mean "none". */
  public static class ProfileRequest {
    @NotBlank
    @Size(max = 100)
    public String displayName;

    @Size(max = 32)
    public String username;

    @Size(max = 500)
    public String avatarUrl;

    @Size(max = 2000)
    public String bio;

    @Size(max = 50)
    public List<String> skills;

    @Size(max = 50)
    public List<String> tags;

    @Size(max = 8)
    public String locale;

    @Size(max = 200)
    public String location;

    public Double latitude;
    public Double longitude;

    /** junior, mid, senior or lead; null when not given. */
    @Size(max = 10)
    public String experienceLevel;

    /** Opportunity categories the caller wants to hear about. */
    @Size(max = 20)
    public List<String> interests;
  }

  /** A password change. */
  public static class PasswordRequest {
    @NotNull
    @Size(max = 1024)
    public String currentPassword;

    @NotNull
    @Size(max = 1024)
    public String newPassword;
  }

  /** A request to become a member. */
  public static class UpgradeRequestBody {
    @NotBlank
    @Size(max = 2000)
    public String reason;
  }

  /**
   * An upgrade request as its author sees it.
   *
   * @param id request id
   * @param status pending, approved or rejected
   * @param reason the author's reason
   * @param decisionNote the admin's note
   */
  public record UpgradeRequestView(long id, String status, String reason, String decisionNote) {
    static UpgradeRequestView of(UpgradeRequest r) {
      return new UpgradeRequestView(r.getId(), r.getStatus(), r.getReason(), r.getDecisionNote());
    }
  }

  @GET
  @Operation(summary = "The caller's profile and role")
  public AccountView me() {
    return AccountView.of(accounts.account(caller.require().id()));
  }

  @PUT
  @Operation(summary = "Replace the caller's profile")
  public AccountView update(@Valid @NotNull ProfileRequest body) {
    return AccountView.of(
        accounts.updateProfile(
            caller.require().id(),
            new ProfileUpdate(
                body.displayName,
                body.username,
                body.avatarUrl,
                body.bio,
                body.skills,
                body.tags,
                body.locale,
                body.location,
                body.latitude,
                body.longitude,
                body.experienceLevel,
                body.interests)));
  }

  @POST
  @Path("/password")
  @Operation(summary = "Change the password; every token and session of the account ends")
  public Response password(@Valid @NotNull PasswordRequest body) {
    accounts.changePassword(
        caller.require().id(), body.currentPassword.toCharArray(), body.newPassword.toCharArray());
    return Response.noContent().build();
  }

  @POST
  @Path("/upgrade-request")
  @Operation(summary = "Ask to become a member (subscribers only)")
  public Response requestUpgrade(@Valid @NotNull UpgradeRequestBody body) {
    AuthenticatedUser user = caller.require();
    return Response.status(201)
        .entity(UpgradeRequestView.of(upgrades.request(user, body.reason)))
        .build();
  }

  @GET
  @Path("/upgrade-request")
  @Operation(summary = "The caller's latest upgrade request")
  public UpgradeRequestView upgradeRequest() {
    return upgrades
        .latest(caller.require())
        .map(UpgradeRequestView::of)
        .orElseThrow(() -> RingException.notFound("You have not asked for an upgrade."));
  }
}
