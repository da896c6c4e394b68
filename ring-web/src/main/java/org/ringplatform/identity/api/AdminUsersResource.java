package org.ringplatform.identity.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.identity.AccountAdministration;
import org.ringplatform.identity.AccountAdministration.SortKey;
import org.ringplatform.identity.AccountAdministration.UserFilter;
import org.ringplatform.identity.AccountStatus;
import org.ringplatform.identity.AuditEntry;
import org.ringplatform.identity.Role;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/** The admin API for accounts: list and filter, change role, suspend, reactivate, audit. */
@Path("/admin/users")
@RequestScoped
@RolesAllowed("admin")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminUsersResource {

  @Inject private Caller caller;
  @Inject private AccountAdministration admin;

  /** A role change. */
  public static class RoleChange {
    @NotBlank public String role;

    @NotBlank
    @Size(max = 2000)
    public String reason;
  }

  /** A reason for a status change. */
  public static class Reason {
    @NotBlank
    @Size(max = 2000)
    public String reason;
  }

  /**
   * One page of the user list.
   *
   * @param items users on the page
   * @param total users matching the filters
   * @param page page number from 0
   * @param size page size
   */
  public record UserPage(List<AccountView> items, long total, int page, int size) {}

  /**
   * One audit entry.
   *
   * @param actorId who made the change
   * @param action what changed
   * @param from value before
   * @param to value after
   * @param reason why
   * @param at when
   */
  public record AuditView(
      Long actorId, String action, String from, String to, String reason, OffsetDateTime at) {
    static AuditView of(AuditEntry e) {
      return new AuditView(
          e.getActorId(),
          e.getAction(),
          e.getFromValue(),
          e.getToValue(),
          e.getReason(),
          e.getAt());
    }
  }

  @GET
  @Operation(summary = "Users, filtered, sorted and paginated")
  public UserPage list(
      @QueryParam("role") String role,
      @QueryParam("status") String status,
      @QueryParam("email") String email,
      @QueryParam("createdFrom") String createdFrom,
      @QueryParam("createdTo") String createdTo,
      @QueryParam("sort") @DefaultValue("created") String sort,
      @QueryParam("order") @DefaultValue("desc") String order,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    // Checked here rather than with constraint annotations on the parameters, which break
    // Payara's OpenAPI generation.
    if (page < 0) {
      throw RingException.invalid("page_invalid", "page", "page must be 0 or more.");
    }
    if (size < 1 || size > 200) {
      throw RingException.invalid("size_invalid", "size", "size must be 1 to 200.");
    }
    if (email != null && email.length() > 254) {
      throw RingException.invalid("email_invalid", "email", "The email filter is too long.");
    }
    UserFilter filter =
        new UserFilter(
            role == null || role.isBlank()
                ? null
                : Role.fromId(role)
                    .orElseThrow(
                        () -> RingException.invalid("role_invalid", "role", "Unknown role.")),
            status == null || status.isBlank() ? null : status(status),
            email,
            date(createdFrom, "createdFrom"),
            date(createdTo, "createdTo"));
    SortKey key;
    try {
      key = SortKey.valueOf(sort.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RingException.invalid(
          "sort_invalid", "sort", "sort must be created, email, role, status or name.");
    }
    if (!order.equals("asc") && !order.equals("desc")) {
      throw RingException.invalid("order_invalid", "order", "order must be asc or desc.");
    }
    AccountAdministration.Page result =
        admin.users(caller.require(), filter, key, order.equals("asc"), page * size, size);
    return new UserPage(
        result.items().stream().map(AccountView::of).toList(), result.total(), page, size);
  }

  private static AccountStatus status(String value) {
    try {
      return AccountStatus.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw RingException.invalid(
          "status_invalid", "status", "status must be active or suspended.");
    }
  }

  private static OffsetDateTime date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value);
      } catch (DateTimeParseException e2) {
        throw RingException.invalid(
            "date_invalid", field, "Dates are YYYY-MM-DD or ISO-8601 date-times.");
      }
    }
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One user")
  public AccountView get(@PathParam("id") long id) {
    return AccountView.of(admin.user(caller.require(), id));
  }

  @PUT
  @Path("/{id}/role")
  @Operation(summary = "Change a user's role (admin rights only by a superadmin)")
  public AccountView role(@PathParam("id") long id, @Valid @NotNull RoleChange body) {
    Role role =
        Role.fromId(body.role)
            .orElseThrow(() -> RingException.invalid("role_invalid", "role", "Unknown role."));
    return AccountView.of(admin.changeRole(caller.require(), id, role, body.reason));
  }

  @POST
  @Path("/{id}/suspend")
  @Operation(summary = "Suspend a user: no sign-in, sessions and tokens end")
  public AccountView suspend(@PathParam("id") long id, @Valid @NotNull Reason body) {
    return AccountView.of(admin.suspend(caller.require(), id, body.reason));
  }

  @POST
  @Path("/{id}/reactivate")
  @Operation(summary = "Reactivate a suspended user")
  public AccountView reactivate(@PathParam("id") long id, @Valid @NotNull Reason body) {
    return AccountView.of(admin.reactivate(caller.require(), id, body.reason));
  }

  @DELETE
  @Path("/{id}/sessions")
  @Operation(summary = "End every session and token of a user")
  public Response endSessions(@PathParam("id") long id) {
    admin.endSessions(caller.require(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/audit")
  @Operation(summary = "A user's audit trail, newest first")
  public List<AuditView> audit(@PathParam("id") long id) {
    return admin.audit(caller.require(), id).stream().map(AuditView::of).toList();
  }
}
