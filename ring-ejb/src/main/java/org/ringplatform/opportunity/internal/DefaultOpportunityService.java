package org.ringplatform.opportunity.internal;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;
import org.ringplatform.identity.VisibilityPolicy;
import org.ringplatform.notification.Notices;
import org.ringplatform.opportunity.ListingsChanged;
import org.ringplatform.opportunity.Opportunity;
import org.ringplatform.opportunity.OpportunityCategory;
import org.ringplatform.opportunity.OpportunityChanged;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.opportunity.OpportunityStatus;
import org.ringplatform.opportunity.OpportunityType;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;
import org.ringplatform.platform.TextInput;
import org.ringplatform.tunnel.Discovery;

/**
 * Opportunities on the {@code opportunities} tables: visibility in SQL for lists and search and on
 * every single read, the lifecycle with an event row per transition, discovery events and the
 * {@link OpportunityChanged} signal for the matcher.
 */
@Stateless
public class DefaultOpportunityService implements OpportunityService {

  private static final Logger LOG = Logger.getLogger(DefaultOpportunityService.class.getName());
  private static final int MAX_LIST = 30;
  private static final BigDecimal MAX_BUDGET = new BigDecimal("999999999999.99");

  @PersistenceContext private EntityManager em;
  @Inject private Notices notices;
  @Inject private Discovery discovery;
  @Inject private Event<OpportunityChanged> changed;
  @Inject private Event<ListingsChanged> listingsChanged;

  @Inject
  @ConfigProperty(
      name = "ring.opportunities.enabled-types",
      defaultValue =
          "offer,request,partnership,volunteer,mentorship,resource,event,cv,program,"
              + "ring_customization,scheduled_services,collective_order,bounty,tender,"
              + "asset_rental,job")
  private String enabledTypesSetting;

  private static Role roleOf(Optional<AuthenticatedUser> viewer) {
    return viewer.map(AuthenticatedUser::role).orElse(Role.VISITOR);
  }

  private static RingException unauthenticated() {
    return new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
  }

  private static RingException conflict(String code, String message) {
    return new RingException(Kind.CONFLICT, code, null, message);
  }

  // ---- Types ---------------------------------------------------------------------------------

  @Override
  public List<OpportunityType> enabledTypes() {
    EnumSet<OpportunityType> enabled = EnumSet.noneOf(OpportunityType.class);
    for (String id : enabledTypesSetting == null ? new String[0] : enabledTypesSetting.split(",")) {
      if (id.isBlank()) {
        continue;
      }
      OpportunityType.fromId(id.strip().toLowerCase(Locale.ROOT))
          .ifPresentOrElse(
              enabled::add,
              () -> LOG.warning(() -> "Unknown type in ring.opportunities.enabled-types: " + id));
    }
    return List.copyOf(enabled);
  }

  @Override
  public List<OpportunityType> typesFor(AuthenticatedUser actor) {
    Role role = actor == null ? Role.VISITOR : actor.role();
    return enabledTypes().stream().filter(t -> role.atLeast(t.minimumRole())).toList();
  }

  // ---- Writing -------------------------------------------------------------------------------

  @Override
  public Opportunity create(AuthenticatedUser actor, Draft draft, boolean submit) {
    if (actor == null) {
      throw unauthenticated();
    }
    if (!actor.role().atLeast(Role.SUBSCRIBER)) {
      throw RingException.forbidden("Sign in to post a listing.");
    }
    Opportunity o = new Opportunity(actor.id());
    apply(actor, o, draft);
    if (submit) {
      requireFutureExpiry(o);
      o.moveTo(OpportunityStatus.PENDING, null);
    }
    em.persist(o);
    em.flush();
    event(o.getId(), actor.id(), "created", o.getStatus().id());
    if (submit) {
      event(o.getId(), actor.id(), "submitted", null);
      changed.fire(new OpportunityChanged(o.getId()));
    }
    publish("opportunity:created", o);
    LOG.log(Level.INFO, "Account {0} posted listing {1}", new Object[] {actor.id(), o.getId()});
    return o;
  }

  @Override
  public Opportunity update(AuthenticatedUser actor, long id, Draft draft) {
    Opportunity o = writable(actor, id);
    OpportunityStatus before = o.getStatus();
    if (before != OpportunityStatus.DRAFT
        && before != OpportunityStatus.PENDING
        && before != OpportunityStatus.ACTIVE) {
      throw conflict(
          "status_not_editable", "Only draft, pending and active listings can be edited.");
    }
    boolean matching = apply(actor, o, draft);
    if (matching) {
      o.contentChanged();
    }
    // An author's edit of a live listing goes back to moderation, so what is on the board has
    // always been seen by an admin; an admin's own edit needs no second look.
    boolean remoderate = before == OpportunityStatus.ACTIVE && !actor.role().isPlatformAdmin();
    if (remoderate) {
      requireFutureExpiry(o);
      o.moveTo(OpportunityStatus.PENDING, null);
    }
    em.flush();
    event(id, actor.id(), "updated", matching ? "matching fields changed" : null);
    if (remoderate) {
      event(id, actor.id(), "resubmitted", "edited while active");
    }
    publish("opportunity:updated", o, before);
    if (remoderate) {
      publish("opportunity:status_changed", o, before);
    }
    if (matching
        && (o.getStatus() == OpportunityStatus.PENDING
            || o.getStatus() == OpportunityStatus.ACTIVE)) {
      changed.fire(new OpportunityChanged(id));
    }
    return o;
  }

  @Override
  public Opportunity submit(AuthenticatedUser actor, long id) {
    Opportunity o = writable(actor, id);
    requireStatus(o, OpportunityStatus.DRAFT);
    requireFutureExpiry(o);
    o.moveTo(OpportunityStatus.PENDING, null);
    transitioned(actor, o, OpportunityStatus.DRAFT, "submitted", null);
    changed.fire(new OpportunityChanged(id));
    return o;
  }

  @Override
  public Opportunity approve(AuthenticatedUser admin, long id, String note) {
    Opportunity o = moderated(admin, id);
    String why = TextInput.optional(note, 2000, "note");
    o.moveTo(OpportunityStatus.ACTIVE, null);
    transitioned(admin, o, OpportunityStatus.PENDING, "approved", why);
    notices.tell(
        o.getAuthorId(),
        "opportunity_approved",
        json().add("opportunityId", id).add("title", o.getTitle()).build().toString());
    changed.fire(new OpportunityChanged(id));
    return o;
  }

  @Override
  public Opportunity reject(AuthenticatedUser admin, long id, String note) {
    Opportunity o = moderated(admin, id);
    String why =
        TextInput.required(note, 1, 2000, "note", "Tell the author why in 1 to 2000 characters.");
    o.moveTo(OpportunityStatus.DRAFT, why);
    transitioned(admin, o, OpportunityStatus.PENDING, "rejected", why);
    notices.tell(
        o.getAuthorId(),
        "opportunity_rejected",
        json()
            .add("opportunityId", id)
            .add("title", o.getTitle())
            .add("note", why)
            .build()
            .toString());
    return o;
  }

  private Opportunity moderated(AuthenticatedUser admin, long id) {
    if (admin == null) {
      throw unauthenticated();
    }
    if (!admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins moderate listings.");
    }
    Opportunity o = em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (o == null) {
      throw RingException.notFound("No such listing.");
    }
    requireStatus(o, OpportunityStatus.PENDING);
    return o;
  }

  @Override
  public Opportunity close(AuthenticatedUser actor, long id) {
    Opportunity o = writable(actor, id);
    requireStatus(o, OpportunityStatus.ACTIVE);
    o.moveTo(OpportunityStatus.CLOSED, null);
    transitioned(actor, o, OpportunityStatus.ACTIVE, "closed", null);
    return o;
  }

  @Override
  public Opportunity archive(AuthenticatedUser actor, long id) {
    Opportunity o = writable(actor, id);
    OpportunityStatus before = o.getStatus();
    if (before != OpportunityStatus.CLOSED
        && before != OpportunityStatus.EXPIRED
        && before != OpportunityStatus.DRAFT) {
      throw conflict(
          "status_" + before.id(), "Only draft, closed and expired listings can be archived.");
    }
    o.moveTo(OpportunityStatus.ARCHIVED, null);
    transitioned(actor, o, before, "archived", null);
    return o;
  }

  @Override
  public void delete(AuthenticatedUser actor, long id) {
    Opportunity o = writable(actor, id);
    if (!actor.role().isPlatformAdmin() && o.getStatus() != OpportunityStatus.ARCHIVED) {
      throw conflict("status_" + o.getStatus().id(), "Archive the listing before deleting it.");
    }
    event(id, actor.id(), "deleted", o.getTitle());
    publish("opportunity:deleted", o, o.getStatus());
    em.remove(o);
  }

  private void transitioned(
      AuthenticatedUser actor,
      Opportunity o,
      OpportunityStatus before,
      String action,
      String detail) {
    em.flush();
    event(o.getId(), actor.id(), action, detail);
    publish("opportunity:status_changed", o, before);
  }

  private static void requireStatus(Opportunity o, OpportunityStatus wanted) {
    if (o.getStatus() != wanted) {
      throw conflict(
          "status_" + o.getStatus().id(),
          "The listing is " + o.getStatus().id() + ", not " + wanted.id() + ".");
    }
  }

  private static void requireFutureExpiry(Opportunity o) {
    if (o.getExpiresAt() != null && !o.getExpiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
      throw RingException.invalid(
          "expiresAt_past", "expiresAt", "The expiry date has passed; choose a later one.");
    }
  }

  /** The listing if the actor may change it: its author or an admin, who can also see it. */
  private Opportunity writable(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw unauthenticated();
    }
    Opportunity o = em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (o == null || !visible(Optional.of(actor), o)) {
      throw RingException.notFound("No such listing.");
    }
    boolean author = o.getAuthorId() == actor.id();
    if (!author && !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only the author or an admin may change this listing.");
    }
    if (o.isConfidentialRow() && !actor.role().hasConfidentialAccess()) {
      throw RingException.forbidden("Confidential listings need confidential access.");
    }
    return o;
  }

  /** Validates and applies a draft; returns whether a field the matcher reads changed. */
  private boolean apply(AuthenticatedUser actor, Opportunity o, Draft d) {
    if (d == null) {
      throw RingException.invalid("body_missing", null, "Send the listing's fields.");
    }
    OpportunityType type =
        OpportunityType.fromId(d.type())
            .filter(t -> enabledTypes().contains(t))
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "type_invalid", "type", "Choose one of the offered listing types."));
    // The gate applies to the author: an admin editing a member's listing keeps its type legal.
    Role authorRole = o.getId() == null ? actor.role() : roleOf(o.getAuthorId(), actor);
    if (!authorRole.atLeast(type.minimumRole())) {
      throw RingException.forbidden("Your role cannot post a listing of type " + type.id() + ".");
    }
    OpportunityCategory category =
        OpportunityCategory.fromId(d.category())
            .orElseThrow(
                () ->
                    RingException.invalid(
                        "category_invalid", "category", "Choose one of the categories."));
    String title =
        TextInput.required(d.title(), 3, 200, "title", "Give a title of 3 to 200 characters.");
    String summary =
        TextInput.required(
            d.summary(), 10, 500, "summary", "Summarise it in 10 to 500 characters.");
    String description = TextInput.optional(d.description(), 20_000, "description");
    List<String> tags = words(d.tags(), "tags");
    List<String> skills = words(d.skills(), "skills");
    if ((d.latitude() == null) != (d.longitude() == null)
        || (d.latitude() != null && !(d.latitude() >= -90 && d.latitude() <= 90))
        || (d.longitude() != null && !(d.longitude() >= -180 && d.longitude() <= 180))) {
      throw RingException.invalid(
          "location_invalid",
          "latitude",
          "Give latitude (-90 to 90) and longitude (-180 to 180) together.");
    }
    BigDecimal min = money(d.budgetMin(), "budgetMin");
    BigDecimal max = money(d.budgetMax(), "budgetMax");
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw RingException.invalid(
          "budget_range", "budgetMin", "The lowest budget is above the highest.");
    }
    String currency = d.currency() == null || d.currency().isBlank() ? null : d.currency().strip();
    if (currency != null && !currency.matches("[A-Z]{3}")) {
      throw RingException.invalid(
          "currency_invalid", "currency", "Give the currency as three capital letters (USD).");
    }
    if ((min != null || max != null) && currency == null) {
      throw RingException.invalid("currency_missing", "currency", "Say which currency.");
    }
    if (d.expiresAt() != null && !d.expiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
      throw RingException.invalid(
          "expiresAt_past", "expiresAt", "The expiry date must be in the future.");
    }
    String level =
        d.experienceLevel() == null || d.experienceLevel().isBlank()
            ? null
            : d.experienceLevel().strip().toLowerCase(Locale.ROOT);
    if (level != null && !Set.of("junior", "mid", "senior", "lead").contains(level)) {
      throw RingException.invalid(
          "experienceLevel_invalid", "experienceLevel", "Choose junior, mid, senior or lead.");
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
      throw RingException.forbidden("Your role cannot give a listing this visibility.");
    }
    Long entityId = d.entityId();
    if (type.needsEntity() && entityId == null) {
      throw RingException.invalid(
          "entity_required", "entityId", "A " + type.id() + " speaks for one of your entities.");
    }
    if (entityId != null
        && !speaksFor(o.getId() == null ? actor.id() : o.getAuthorId(), entityId)) {
      throw RingException.invalid(
          "entity_not_yours", "entityId", "Choose an entity you own or belong to.");
    }
    boolean matching =
        o.describe(
            type,
            title,
            summary,
            description,
            category,
            tags,
            skills,
            TextInput.optional(d.location(), 200, "location"),
            d.latitude(),
            d.longitude(),
            d.remote(),
            min,
            max,
            currency,
            d.expiresAt(),
            TextInput.optional(d.contact(), 300, "contact"),
            entityId,
            level);
    return o.restrict(visibility, d.confidential()) || matching;
  }

  private Role roleOf(long accountId, AuthenticatedUser actor) {
    if (accountId == actor.id()) {
      return actor.role();
    }
    Object role =
        em.createNativeQuery("select role from ring.users where id = ?1")
            .setParameter(1, accountId)
            .getResultStream()
            .findFirst()
            .orElse(null);
    return Role.fromId(role == null ? null : role.toString()).orElse(Role.VISITOR);
  }

  /** Whether the account owns or belongs to the entity, which is not blocked. */
  private boolean speaksFor(long accountId, long entityId) {
    return !em.createNativeQuery(
            "select 1 from ring.entities e where e.id = ?1 and e.moderation_status <> 'blocked'"
                + " and (e.owner_id = ?2 or exists (select 1 from ring.entity_members m"
                + " where m.entity_id = e.id and m.user_id = ?2))")
        .setParameter(1, entityId)
        .setParameter(2, accountId)
        .getResultList()
        .isEmpty();
  }

  private static List<String> words(List<String> values, String field) {
    List<String> list =
        (values == null ? List.<String>of() : values)
            .stream()
                .map(t -> t == null ? "" : t.strip().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
    if (list.size() > MAX_LIST || list.stream().anyMatch(t -> t.length() > 60)) {
      throw RingException.invalid(
          field + "_invalid", field, "Up to 30 " + field + " of at most 60 characters.");
    }
    return list;
  }

  private static BigDecimal money(BigDecimal value, String field) {
    if (value == null) {
      return null;
    }
    if (value.signum() < 0) {
      throw RingException.invalid(field + "_negative", field, "A budget cannot be negative.");
    }
    if (value.compareTo(MAX_BUDGET) > 0 || value.stripTrailingZeros().scale() > 2) {
      throw RingException.invalid(
          field + "_invalid", field, "A budget has at most 12 digits and 2 decimals.");
    }
    return value.setScale(2);
  }

  // ---- Reading -------------------------------------------------------------------------------

  /** The one visibility rule for a single listing, the same as the search's WHERE clause. */
  private boolean visible(Optional<AuthenticatedUser> viewer, Opportunity o) {
    Role role = roleOf(viewer);
    boolean author = viewer.map(v -> v.id() == o.getAuthorId()).orElse(false);
    if (role.isPlatformAdmin() || author) {
      return true;
    }
    return o.getStatus() == OpportunityStatus.ACTIVE
        && VisibilityPolicy.canSee(role, o.getVisibility(), o.isConfidential())
        && !entityBlocked(o.getEntityId());
  }

  private boolean entityBlocked(Long entityId) {
    return entityId != null
        && !em.createNativeQuery(
                "select 1 from ring.entities where id = ?1 and moderation_status = 'blocked'")
            .setParameter(1, entityId)
            .getResultList()
            .isEmpty();
  }

  @Override
  public Opportunity get(Optional<AuthenticatedUser> viewer, long id) {
    Opportunity o = em.find(Opportunity.class, id);
    if (o == null || !visible(viewer, o)) {
      throw RingException.notFound("No such listing.");
    }
    return o;
  }

  @Override
  public Page search(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit) {
    Optional<SearchSql> built = SearchSql.of(viewer, filter);
    if (built.isEmpty()) {
      return new Page(List.of(), 0);
    }
    SearchSql sql = built.get();
    // Counting every match of a broad query costs more than fetching the page; past the cap the
    // total is reported as COUNT_CAP + 1, which a client shows as "more than 10,000".
    Query count = em.createNativeQuery(sql.countSql());
    Query page =
        em.createNativeQuery(
            "select o.* from ring.opportunities o" + sql.where + " order by " + sql.order(),
            Opportunity.class);
    for (int i = 0; i < sql.params.size(); i++) {
      count.setParameter(i + 1, sql.params.get(i));
      page.setParameter(i + 1, sql.params.get(i));
    }
    page.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 100)));
    @SuppressWarnings("unchecked")
    List<Opportunity> items = page.getResultList();
    return new Page(items, ((Number) count.getSingleResult()).longValue());
  }

  @Override
  public Page pending(AuthenticatedUser admin, int offset, int limit) {
    if (admin == null || !admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins moderate listings.");
    }
    List<Opportunity> items =
        em.createQuery(
                "select o from Opportunity o where o.status = :status"
                    + " order by o.submittedAt, o.id",
                Opportunity.class)
            .setParameter("status", OpportunityStatus.PENDING)
            .setFirstResult(Math.max(0, offset))
            .setMaxResults(Math.max(1, Math.min(limit, 100)))
            .getResultList();
    long total =
        em.createQuery("select count(o) from Opportunity o where o.status = :status", Long.class)
            .setParameter("status", OpportunityStatus.PENDING)
            .getSingleResult();
    return new Page(items, total);
  }

  @Override
  public List<HistoryLine> history(AuthenticatedUser actor, long id) {
    owned(actor, id);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select actor_id, action, detail, at from ring.opportunity_events"
                    + " where opportunity_id = ?1 order by at desc, id desc limit 200")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new HistoryLine(
                    r[0] == null ? null : ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    time(r[3])))
        .toList();
  }

  /** The listing if the actor is its author or an admin (reading its private parts). */
  private Opportunity owned(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw unauthenticated();
    }
    Opportunity o = get(Optional.of(actor), id);
    if (o.getAuthorId() != actor.id() && !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only the author or an admin may see this.");
    }
    return o;
  }

  // ---- Marks ---------------------------------------------------------------------------------

  @Override
  public void mark(AuthenticatedUser actor, long id, Mark mark, boolean on) {
    if (actor == null) {
      throw unauthenticated();
    }
    listingsChanged.fire(new ListingsChanged(id, mark.id()));
    if (on) {
      get(Optional.of(actor), id);
      em.createNativeQuery(
              "insert into ring.opportunity_interactions(user_id, opportunity_id, action)"
                  + " values (?1, ?2, ?3) on conflict do nothing")
          .setParameter(1, actor.id())
          .setParameter(2, id)
          .setParameter(3, mark.id())
          .executeUpdate();
    } else {
      em.createNativeQuery(
              "delete from ring.opportunity_interactions"
                  + " where user_id = ?1 and opportunity_id = ?2 and action = ?3")
          .setParameter(1, actor.id())
          .setParameter(2, id)
          .setParameter(3, mark.id())
          .executeUpdate();
    }
  }

  @Override
  public Set<Mark> marks(AuthenticatedUser actor, long id) {
    EnumSet<Mark> marks = EnumSet.noneOf(Mark.class);
    if (actor == null) {
      return marks;
    }
    @SuppressWarnings("unchecked")
    List<String> rows =
        em.createNativeQuery(
                "select action from ring.opportunity_interactions"
                    + " where user_id = ?1 and opportunity_id = ?2")
            .setParameter(1, actor.id())
            .setParameter(2, id)
            .getResultList();
    for (Mark m : Mark.values()) {
      if (rows.contains(m.id())) {
        marks.add(m);
      }
    }
    return marks;
  }

  // ---- Applications --------------------------------------------------------------------------

  @Override
  public Application apply(AuthenticatedUser actor, long id, String message) {
    if (actor == null) {
      throw unauthenticated();
    }
    if (!actor.role().hasMemberPrivileges()) {
      throw RingException.forbidden("Members apply to listings.");
    }
    Opportunity o = em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (o == null || !visible(Optional.of(actor), o)) {
      throw RingException.notFound("No such listing.");
    }
    if (o.getAuthorId() == actor.id()) {
      throw conflict("apply_own", "You cannot apply to your own listing.");
    }
    if (o.getStatus() != OpportunityStatus.ACTIVE) {
      throw conflict("status_" + o.getStatus().id(), "The listing does not take applications.");
    }
    String text = TextInput.required(message, 1, 5000, "message", "Write 1 to 5000 characters.");
    int added =
        em.createNativeQuery(
                "insert into ring.opportunity_applications(opportunity_id, applicant_id, message)"
                    + " values (?1, ?2, ?3) on conflict do nothing")
            .setParameter(1, id)
            .setParameter(2, actor.id())
            .setParameter(3, text)
            .executeUpdate();
    if (added == 0) {
      throw conflict("applied_already", "You have already applied.");
    }
    recount(id);
    event(id, actor.id(), "applied", null);
    notices.tell(
        o.getAuthorId(),
        "opportunity_applied",
        json()
            .add("opportunityId", id)
            .add("title", o.getTitle())
            .add("applicantName", actor.displayName() == null ? "" : actor.displayName())
            .build()
            .toString());
    return myApplication(actor, id).orElseThrow();
  }

  private void recount(long id) {
    listingsChanged.fire(new ListingsChanged(id, "applicant_count"));
    em.createNativeQuery(
            "update ring.opportunities set applicant_count = (select count(*)"
                + " from ring.opportunity_applications a where a.opportunity_id = ?1"
                + " and a.status <> 'withdrawn') where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  private static final String APPLICATIONS =
      "select a.id, a.opportunity_id, a.applicant_id, u.display_name, a.message, a.status,"
          + " a.response, a.created_at, a.decided_at from ring.opportunity_applications a"
          + " join ring.users u on u.id = a.applicant_id";

  private List<Application> applicationRows(String where, Object... params) {
    Query q = em.createNativeQuery(APPLICATIONS + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(
            r ->
                new Application(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    time(r[7]),
                    time(r[8])))
        .toList();
  }

  @Override
  public List<Application> applications(AuthenticatedUser actor, long id) {
    owned(actor, id);
    return applicationRows(
        " where a.opportunity_id = ?1 order by a.created_at, a.id limit 1000", id);
  }

  @Override
  public Optional<Application> myApplication(AuthenticatedUser actor, long id) {
    if (actor == null) {
      return Optional.empty();
    }
    return applicationRows(" where a.opportunity_id = ?1 and a.applicant_id = ?2", id, actor.id())
        .stream()
        .findFirst();
  }

  @Override
  public Application decide(
      AuthenticatedUser actor, long id, long applicationId, boolean accept, String response) {
    Opportunity o = owned(actor, id);
    em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE);
    String answer = TextInput.optional(response, 2000, "response");
    int decided =
        em.createNativeQuery(
                "update ring.opportunity_applications set status = ?1, response = ?2,"
                    + " decided_at = now() where id = ?3 and opportunity_id = ?4"
                    + " and status = 'submitted'")
            .setParameter(1, accept ? "accepted" : "rejected")
            .setParameter(2, answer)
            .setParameter(3, applicationId)
            .setParameter(4, id)
            .executeUpdate();
    List<Application> found =
        applicationRows(" where a.id = ?1 and a.opportunity_id = ?2", applicationId, id);
    if (found.isEmpty()) {
      throw RingException.notFound("No such application.");
    }
    if (decided == 0) {
      throw conflict(
          "application_" + found.get(0).status(), "This application was already answered.");
    }
    Application a = found.get(0);
    event(id, actor.id(), accept ? "application_accepted" : "application_rejected", "" + a.id());
    JsonObjectBuilder payload =
        json()
            .add("opportunityId", id)
            .add("title", o.getTitle())
            .add("applicationId", a.id())
            .add("status", a.status());
    if (answer != null) {
      payload.add("response", answer);
    }
    notices.tell(a.applicantId(), "opportunity_application_decided", payload.build().toString());
    return a;
  }

  @Override
  public void withdraw(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw unauthenticated();
    }
    em.find(Opportunity.class, id, LockModeType.PESSIMISTIC_WRITE);
    int withdrawn =
        em.createNativeQuery(
                "update ring.opportunity_applications set status = 'withdrawn', decided_at = now()"
                    + " where opportunity_id = ?1 and applicant_id = ?2"
                    + " and status in ('submitted', 'accepted')")
            .setParameter(1, id)
            .setParameter(2, actor.id())
            .executeUpdate();
    if (withdrawn == 0) {
      throw RingException.notFound("You have no open application to this listing.");
    }
    recount(id);
    event(id, actor.id(), "application_withdrawn", null);
  }

  // ---- Trail and announcements ---------------------------------------------------------------

  private void event(long opportunityId, Long actorId, String action, String detail) {
    em.createNativeQuery(
            "insert into ring.opportunity_events(opportunity_id, actor_id, action, detail)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, opportunityId)
        .setParameter(2, actorId)
        .setParameter(3, action)
        .setParameter(
            4, detail == null || detail.length() <= 4000 ? detail : detail.substring(0, 4000))
        .executeUpdate();
  }

  private void publish(String event, Opportunity o) {
    publish(event, o, o.getStatus());
  }

  /**
   * Announces a change on the discovery channel. A listing that is not and was not on the board (a
   * draft, a pending one) is announced with its status only: the channel filters by visibility,
   * which says nothing of moderation, so a title awaiting review must not travel.
   */
  private void publish(String event, Opportunity o, OpportunityStatus before) {
    listingsChanged.fire(new ListingsChanged(o.getId(), event));
    Map<String, Object> snippet = new LinkedHashMap<>();
    boolean onBoard =
        o.getStatus() == OpportunityStatus.ACTIVE || before == OpportunityStatus.ACTIVE;
    if (onBoard) {
      snippet.put("title", o.getTitle());
      snippet.put("type", o.getType().id());
      snippet.put("category", o.getCategory().id());
    }
    snippet.put("status", o.getStatus().id());
    discovery.publish(
        Discovery.OPPORTUNITIES, event, o.getId(), o.getVisibility(), o.isConfidential(), snippet);
  }

  private static JsonObjectBuilder json() {
    return Json.createObjectBuilder();
  }

  private static OffsetDateTime time(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : null;
  }
}
