package org.ringplatform.notification.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.ringplatform.notification.NotificationService;
import org.ringplatform.notification.NotificationService.Preference;
import org.ringplatform.platform.RingException;
import org.ringplatform.security.web.Caller;

/**
 * The caller's notifications: the inbox (paginated, filtered by unread and type), the unread count,
 * marking read, and the per-type, per-channel preferences. Live updates of the same inbox arrive on
 * the Tunnel channel {@code user:<id>}.
 */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@SecurityRequirement(name = "bearer")
public class NotificationsResource {

  @Inject private Caller caller;
  @Inject private NotificationService notifications;

  /**
   * One page of the inbox.
   *
   * @param items notifications, newest first
   * @param total how many match
   * @param page page number from 0
   * @param size page size
   */
  public record NotificationPage(List<NotificationView> items, long total, int page, int size) {}

  /**
   * The unread count.
   *
   * @param unread notifications not read yet
   */
  public record UnreadCount(long unread) {}

  /**
   * How many notifications were marked read.
   *
   * @param marked the number
   */
  public record Marked(int marked) {}

  @GET
  @Operation(summary = "The caller's notifications, newest first; filter unread only or by type")
  public NotificationPage list(
      @QueryParam("unreadOnly") @DefaultValue("false") boolean unreadOnly,
      @QueryParam("type") String type,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    NotificationService.Page result =
        notifications.list(caller.require().id(), unreadOnly, type, page, size);
    return new NotificationPage(
        result.items().stream().map(NotificationView::of).toList(),
        result.total(),
        result.page(),
        result.size());
  }

  @GET
  @Path("/unread-count")
  @Operation(summary = "How many of the caller's notifications are unread")
  public UnreadCount unreadCount() {
    return new UnreadCount(notifications.unread(caller.require().id()));
  }

  @POST
  @Path("/{id}/read")
  @Operation(summary = "Mark one of the caller's notifications read (404 for anyone else's)")
  public UnreadCount markRead(@PathParam("id") long id) {
    long user = caller.require().id();
    notifications.markRead(user, id);
    return new UnreadCount(notifications.unread(user));
  }

  @POST
  @Path("/read-all")
  @Operation(summary = "Mark all of the caller's notifications read")
  public Marked readAll() {
    return new Marked(notifications.readAll(caller.require().id()));
  }

  @GET
  @Path("/preferences")
  @Operation(summary = "The caller's preferences per notification type and channel")
  public List<Preference> preferences() {
    return notifications.preferences(caller.require().id());
  }

  @PUT
  @Path("/preferences")
  @Operation(summary = "Change preferences for the types given: [{type, inApp, email}]")
  public List<Preference> updatePreferences(@NotNull List<Preference> changes) {
    if (changes.size() > 200) {
      throw RingException.invalid("preferences_invalid", null, "At most 200 preferences.");
    }
    return notifications.updatePreferences(caller.require().id(), changes);
  }
}
