package org.ringplatform.entity.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ringplatform.entity.EntityService;
import org.ringplatform.entity.EntityType;
import org.ringplatform.entity.Organisation;
import org.ringplatform.entity.ReportCategory;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.notification.Notices;
import org.ringplatform.opportunity.ListingsChanged;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;
import org.ringplatform.platform.TextInput;
import org.ringplatform.tunnel.Discovery;

/** Entities on the {@code entities} tables, with visibility enforced in SQL and on reads. */
@Stateless
public class DefaultEntityService implements EntityService {

  private static final Logger LOG = Logger.getLogger(DefaultEntityService.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private Notices notices;
  @Inject private Discovery discovery;

  /** Blocks, hides and deletions change which listings a search answers. */
  @Inject private Event<ListingsChanged> listingsChanged;

  private static Role roleOf(Optional<AuthenticatedUser> viewer) {
    return viewer.map(AuthenticatedUser::role).orElse(Role.VISITOR);
  }

  // ---- Writing -------------------------------------------------------------------------------

  @Override
  public Organisation create(AuthenticatedUser actor, Draft draft) {
    if (actor == null || !actor.role().hasMemberPrivileges()) {
      throw RingException.forbidden("Members create entities.");
    }
    Organisation entity = new Organisation(actor.id());
    apply(actor, entity, draft);
    em.persist(entity);
    em.flush();
    audit(entity.getId(), actor.id(), "created", entity.getName());
    announce(entity, "entity:created");
    LOG.log(
        Level.INFO, "Account {0} created entity {1}", new Object[] {actor.id(), entity.getId()});
    return entity;
  }

  @Override
  public Organisation update(AuthenticatedUser actor, long id, Draft draft) {
    Organisation entity = writable(actor, id);
    apply(actor, entity, draft);
    audit(id, actor.id(), "updated", null);
    announce(entity, "entity:updated");
    return entity;
  }

  @Override
  public void delete(AuthenticatedUser actor, long id) {
    Organisation entity = writable(actor, id);
    audit(id, actor.id(), "deleted", entity.getName());
    announce(entity, "entity:deleted");
    listingsChanged.fire(new ListingsChanged(null, "entity_deleted"));
    em.remove(entity);
  }

  /** The entity if the actor may change it: its owner or an admin, who can also see it. */
  private Organisation writable(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    Organisation entity = em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null || !visible(Optional.of(actor), entity)) {
      throw RingException.notFound("No such entity.");
    }
    boolean owner = entity.getOwnerId() == actor.id();
    if (!owner && !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only the owner or an admin may change this entity.");
    }
    if (entity.isConfidentialRow() && !actor.role().hasConfidentialAccess()) {
      throw RingException.forbidden("Confidential entities need confidential access.");
    }
    return entity;
  }

  /**
   * Tells discovery subscribers, after the commit, that the entity changed; each receives it only
   * if the entity's visibility lets them see it.
   */
  private void announce(Organisation entity, String event) {
    Map<String, Object> snippet = new LinkedHashMap<>();
    snippet.put("name", entity.getName());
    snippet.put("type", entity.getType().id());
    snippet.put("status", entity.getModerationStatus());
    discovery.publish(
        Discovery.ENTITIES,
        event,
        entity.getId(),
        entity.getVisibility(),
        entity.isConfidential(),
        snippet);
  }

  private void apply(AuthenticatedUser actor, Organisation entity, Draft d) {
    if (d == null) {
      throw RingException.invalid("body_missing", null, "Send the entity's fields.");
    }
    String name =
        TextInput.required(d.name(), 1, 200, "name", "Give a name of 1 to 200 characters.");
    EntityType type =
        EntityType.fromId(d.type() == null ? "" : d.type())
            .orElseThrow(
                () -> RingException.invalid("type_invalid", "type", "Choose a known type."));
    String shortDescription =
        TextInput.required(
            d.shortDescription(),
            1,
            300,
            "shortDescription",
            "Describe it in 1 to 300 characters.");
    String full = TextInput.optional(d.fullDescription(), 10_000, "fullDescription");
    String logo = url(d.logoUrl(), "logoUrl");
    List<String> gallery = new ArrayList<>();
    for (String g : d.gallery() == null ? List.<String>of() : d.gallery()) {
      String u = url(g, "gallery");
      if (u != null) {
        gallery.add(u);
      }
    }
    if (gallery.size() > 20) {
      throw RingException.invalid("gallery_invalid", "gallery", "Up to 20 pictures.");
    }
    if ((d.latitude() == null) != (d.longitude() == null)
        || (d.latitude() != null && (d.latitude() < -90 || d.latitude() > 90))
        || (d.longitude() != null && (d.longitude() < -180 || d.longitude() > 180))) {
      throw RingException.invalid(
          "location_invalid",
          "latitude",
          "Give latitude (-90 to 90) and longitude (-180 to 180) together.");
    }
    String email = TextInput.optional(d.contactEmail(), 254, "contactEmail");
    if (email != null && !email.matches("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+")) {
      throw RingException.invalid("email_invalid", "contactEmail", "Enter a valid email address.");
    }
    String phone = TextInput.optional(d.phone(), 40, "phone");
    if (phone != null && !phone.matches("[+0-9 ()-]{3,40}")) {
      throw RingException.invalid("phone_invalid", "phone", "Enter a phone number.");
    }
    List<String> tags =
        (d.tags() == null ? List.<String>of() : d.tags())
            .stream()
                .map(t -> t == null ? "" : t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    if (tags.size() > 50 || tags.stream().anyMatch(t -> t.length() > 60)) {
      throw RingException.invalid(
          "tags_invalid", "tags", "Up to 50 tags of at most 60 characters.");
    }
    Visibility visibility =
        d.visibility() == null || d.visibility().isBlank()
            ? Visibility.PUBLIC
            : Visibility.fromId(d.visibility())
                .orElseThrow(
                    () ->
                        RingException.invalid(
                            "visibility_invalid", "visibility", "Unknown visibility."));
    if (!VisibilityPolicy.canAssign(actor.role(), visibility, d.confidential())) {
      throw RingException.forbidden("Your role cannot give an entity this visibility.");
    }
    entity.describe(
        name,
        type,
        shortDescription,
        full,
        logo,
        gallery,
        TextInput.optional(d.location(), 200, "location"),
        d.latitude(),
        d.longitude(),
        url(d.website(), "website"),
        email,
        phone,
        tags);
    entity.restrict(visibility, d.confidential());
  }

  private static String url(String value, String field) {
    String v = TextInput.optional(value, 500, field);
    if (v != null && !v.matches("https?://[^\\s\"'<>]+")) {
      throw RingException.invalid(field + "_invalid", field, "Give an http(s) address.");
    }
    return v;
  }

  // ---- Reading -------------------------------------------------------------------------------

  /** The one visibility rule for a single entity. */
  private boolean visible(Optional<AuthenticatedUser> viewer, Organisation e) {
    Role role = roleOf(viewer);
    boolean owner = viewer.map(v -> v.id() == e.getOwnerId()).orElse(false);
    if (role.isPlatformAdmin() || owner) {
      return true;
    }
    return !e.isBlocked() && VisibilityPolicy.canSee(role, e.getVisibility(), e.isConfidential());
  }

  @Override
  public Organisation get(Optional<AuthenticatedUser> viewer, long id) {
    Organisation entity = em.find(Organisation.class, id);
    if (entity == null || !visible(viewer, entity)) {
      throw RingException.notFound("No such entity.");
    }
    return entity;
  }

  @Override
  public Page list(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit) {
    Role role = roleOf(viewer);
    StringBuilder where = new StringBuilder(" where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (!role.isPlatformAdmin()) {
      // Visibility in the query, so a page never holds a row the viewer may not see.
      StringBuilder ladder = new StringBuilder();
      for (Visibility v : VisibilityPolicy.visibleTo(role)) {
        ladder.append(ladder.length() == 0 ? "'" : ",'").append(v.id()).append('\'');
      }
      String visibleToAll =
          "(e.moderation_status <> 'blocked' and e.visibility in ("
              + ladder
              + ")"
              + (role.hasConfidentialAccess() ? "" : " and e.confidential = false")
              + ")";
      if (viewer.isPresent()) {
        params.add(viewer.get().id());
        where
            .append(" and (e.owner_id = ?")
            .append(params.size())
            .append(" or ")
            .append(visibleToAll)
            .append(")");
      } else {
        where.append(" and ").append(visibleToAll);
      }
    }
    if (viewer.isPresent()) {
      params.add(viewer.get().id());
      where
          .append(" and not exists (select 1 from ring.entity_blocks b where b.entity_id = e.id")
          .append(" and b.user_id = ?")
          .append(params.size())
          .append(")");
    }
    if (filter != null && filter.mine()) {
      if (viewer.isEmpty()) {
        return new Page(List.of(), 0);
      }
      params.add(viewer.get().id());
      int p = params.size();
      where
          .append(" and (e.owner_id = ?")
          .append(p)
          .append(
              " or exists (select 1 from ring.entity_members m where m.entity_id = e.id and m.user_id = ?")
          .append(p)
          .append("))");
    }
    if (filter != null && filter.type() != null && !filter.type().isBlank()) {
      EntityType type =
          EntityType.fromId(filter.type())
              .orElseThrow(() -> RingException.invalid("type_invalid", "type", "Unknown type."));
      params.add(type.id());
      where.append(" and e.type = ?").append(params.size());
    }
    if (filter != null && filter.query() != null && !filter.query().isBlank()) {
      if (filter.query().length() > 200) {
        throw RingException.invalid("query_invalid", "q", "The search text is too long.");
      }
      params.add(
          "%"
              + filter
                  .query()
                  .strip()
                  .toLowerCase(Locale.ROOT)
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
      int p = params.size();
      where
          .append(" and (lower(e.name) like ?")
          .append(p)
          .append(" or lower(e.short_description) like ?")
          .append(p)
          .append(")");
    }
    Query count = em.createNativeQuery("select count(*) from ring.entities e" + where);
    Query page =
        em.createNativeQuery(
            "select e.* from ring.entities e" + where + " order by e.created_at desc, e.id desc",
            Organisation.class);
    for (int i = 0; i < params.size(); i++) {
      count.setParameter(i + 1, params.get(i));
      page.setParameter(i + 1, params.get(i));
    }
    page.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 100)));
    @SuppressWarnings("unchecked")
    List<Organisation> items = page.getResultList();
    return new Page(items, ((Number) count.getSingleResult()).longValue());
  }

  @Override
  public List<UserAccount> members(Optional<AuthenticatedUser> viewer, long id) {
    get(viewer, id);
    @SuppressWarnings("unchecked")
    List<UserAccount> members =
        em.createNativeQuery(
                "select u.* from ring.users u join ring.entity_members m on m.user_id = u.id"
                    + " where m.entity_id = ?1 and u.status = 'active' order by u.display_name",
                UserAccount.class)
            .setParameter(1, id)
            .getResultList();
    return members;
  }

  // ---- Members and moderation ----------------------------------------------------------------

  @Override
  public void invite(AuthenticatedUser actor, long id, String email) {
    Organisation entity = writable(actor, id);
    String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    UserAccount invitee =
        em.createNamedQuery(UserAccount.FIND_BY_EMAIL, UserAccount.class)
            .setParameter("email", normalised)
            .getResultStream()
            .filter(UserAccount::isActive)
            .findFirst()
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "invitee_unknown", "email", "No active account has this email address."));
    if (invitee.getId().equals(entity.getOwnerId())) {
      throw new RingException(Kind.CONFLICT, "invitee_owner", "email", "The owner is already in.");
    }
    int added =
        em.createNativeQuery(
                "insert into ring.entity_members(entity_id, user_id, invited_by) values (?1, ?2, ?3)"
                    + " on conflict do nothing")
            .setParameter(1, id)
            .setParameter(2, invitee.getId())
            .setParameter(3, actor.id())
            .executeUpdate();
    if (added == 0) {
      throw new RingException(Kind.CONFLICT, "invitee_member", "email", "Already a member.");
    }
    notices.tell(invitee.getId(), "entity_invited", json("entity", entity.getName(), "id", id));
    audit(id, actor.id(), "member_added", "account " + invitee.getId());
  }

  @Override
  public void report(AuthenticatedUser actor, long id, String category, String reason) {
    if (actor == null) {
      throw new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    Organisation entity = em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null || !visible(Optional.of(actor), entity)) {
      throw RingException.notFound("No such entity.");
    }
    if (entity.getOwnerId() == actor.id()) {
      throw new RingException(
          Kind.CONFLICT, "report_own", null, "You cannot report your own entity.");
    }
    ReportCategory cat =
        ReportCategory.fromId(category == null ? "" : category)
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "category_invalid",
                        "category",
                        "Choose spam, illegal, misleading, harassment or other."));
    String why = reason == null ? "" : reason.strip();
    if (why.length() < 10 || why.length() > 2000) {
      throw RingException.invalid("reason_invalid", "reason", "Explain in 10 to 2000 characters.");
    }
    boolean open =
        !em.createNativeQuery(
                "select 1 from ring.entity_reports where entity_id = ?1 and reporter_id = ?2 and status = 'open'")
            .setParameter(1, id)
            .setParameter(2, actor.id())
            .getResultList()
            .isEmpty();
    if (open) {
      throw new RingException(
          Kind.CONFLICT, "report_open", null, "Your report is being looked at.");
    }
    em.createNativeQuery(
            "insert into ring.entity_reports(entity_id, reporter_id, category, reason) values (?1, ?2, ?3, ?4)")
        .setParameter(1, id)
        .setParameter(2, actor.id())
        .setParameter(3, cat.id())
        .setParameter(4, why)
        .executeUpdate();
    entity.reported();
    audit(id, actor.id(), "reported", cat.id());
    @SuppressWarnings("unchecked")
    List<Number> admins =
        em.createNativeQuery(
                "select id from ring.users where role in ('admin', 'superadmin') and status = 'active'")
            .getResultList();
    for (Number admin : admins) {
      notices.tell(
          admin.longValue(), "entity_reported", json("entity", entity.getName(), "id", id));
    }
  }

  @Override
  public void hide(AuthenticatedUser actor, long id) {
    Organisation entity = get(Optional.ofNullable(actor), id);
    if (actor == null) {
      throw new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    if (entity.getOwnerId() == actor.id()) {
      throw new RingException(Kind.CONFLICT, "hide_own", null, "You cannot hide your own entity.");
    }
    em.createNativeQuery(
            "insert into ring.entity_blocks(user_id, entity_id) values (?1, ?2) on conflict do nothing")
        .setParameter(1, actor.id())
        .setParameter(2, id)
        .executeUpdate();
    audit(id, actor.id(), "hidden_by_user", null);
    listingsChanged.fire(new ListingsChanged(null, "entity_hidden"));
  }

  @Override
  public void unhide(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
    }
    em.createNativeQuery("delete from ring.entity_blocks where user_id = ?1 and entity_id = ?2")
        .setParameter(1, actor.id())
        .setParameter(2, id)
        .executeUpdate();
    listingsChanged.fire(new ListingsChanged(null, "entity_unhidden"));
  }

  @Override
  public boolean hidden(AuthenticatedUser actor, long id) {
    return actor != null
        && !em.createNativeQuery(
                "select 1 from ring.entity_blocks where user_id = ?1 and entity_id = ?2")
            .setParameter(1, actor.id())
            .setParameter(2, id)
            .getResultList()
            .isEmpty();
  }

  private static void requireAdmin(AuthenticatedUser admin) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins moderate entities.");
    }
  }

  @Override
  public void block(AuthenticatedUser admin, long id, String reason) {
    requireAdmin(admin);
    Organisation entity = em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null) {
      throw RingException.notFound("No such entity.");
    }
    String why =
        reason == null || reason.isBlank() ? "Blocked by an administrator" : reason.strip();
    entity.block(why.length() > 2000 ? why.substring(0, 2000) : why);
    // Blocking settles the open reports, in the same transaction.
    em.createNativeQuery(
            "update ring.entity_reports set status = 'resolved', resolved_by = ?1,"
                + " resolved_at = now() where entity_id = ?2 and status = 'open'")
        .setParameter(1, admin.id())
        .setParameter(2, id)
        .executeUpdate();
    audit(id, admin.id(), "blocked", why);
    listingsChanged.fire(new ListingsChanged(null, "entity_blocked"));
    announce(entity, "entity:status_changed");
    notices.tell(entity.getOwnerId(), "entity_blocked", json("entity", entity.getName(), "id", id));
  }

  @Override
  public void unblock(AuthenticatedUser admin, long id, String reason) {
    requireAdmin(admin);
    Organisation entity = em.find(Organisation.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (entity == null) {
      throw RingException.notFound("No such entity.");
    }
    entity.unblock();
    audit(id, admin.id(), "unblocked", reason);
    listingsChanged.fire(new ListingsChanged(null, "entity_unblocked"));
    announce(entity, "entity:status_changed");
  }

  @Override
  public List<Report> openReports(AuthenticatedUser admin) {
    requireAdmin(admin);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.id, r.entity_id, e.name, r.reporter_id, r.category, r.reason, r.created_at"
                    + " from ring.entity_reports r join ring.entities e on e.id = r.entity_id"
                    + " where r.status = 'open' order by r.created_at, r.id limit 500")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Report(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    (String) r[4],
                    (String) r[5],
                    time(r[6])))
        .toList();
  }

  @Override
  public void closeReport(AuthenticatedUser admin, long reportId, boolean dismissed) {
    requireAdmin(admin);
    int closed =
        em.createNativeQuery(
                "update ring.entity_reports set status = ?1, resolved_by = ?2, resolved_at = now()"
                    + " where id = ?3 and status = 'open'")
            .setParameter(1, dismissed ? "dismissed" : "resolved")
            .setParameter(2, admin.id())
            .setParameter(3, reportId)
            .executeUpdate();
    if (closed == 0) {
      throw RingException.notFound("No such open report.");
    }
  }

  @Override
  public List<AuditLine> audit(AuthenticatedUser actor, long id) {
    writable(actor, id);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select actor_id, action, detail, at from ring.entity_audit where entity_id = ?1"
                    + " order by at desc, id desc limit 200")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new AuditLine(
                    r[0] == null ? null : ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    time(r[3])))
        .toList();
  }

  private void audit(long entityId, Long actorId, String action, String detail) {
    em.createNativeQuery(
            "insert into ring.entity_audit(entity_id, actor_id, action, detail) values (?1, ?2, ?3, ?4)")
        .setParameter(1, entityId)
        .setParameter(2, actorId)
        .setParameter(3, action)
        .setParameter(4, detail)
        .executeUpdate();
  }

  private static OffsetDateTime time(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : null;
  }

  private static String json(String k1, String v1, String k2, long v2) {
    String escaped = v1 == null ? "" : v1.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"" + k1 + "\":\"" + escaped + "\",\"" + k2 + "\":" + v2 + "}";
  }
}
