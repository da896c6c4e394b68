package org.ringplatform.store.vendor.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;
import org.ringplatform.platform.TextInput;
import org.ringplatform.store.vendor.Vendor;
import org.ringplatform.store.vendor.VendorDecision;
import org.ringplatform.store.vendor.VendorEvent;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorStatus;
import org.ringplatform.store.vendor.VendorTier;

/**
 * Vendors on {@code vendors}, {@code vendor_tiers} and {@code vendor_events}. A store's row is
 * locked while it changes, so two admins deciding at once see each other's outcome; every change
 * writes its event in the same transaction and tells the owner after the commit (through the
 * notices outbox).
 */
@Stateless
public class DefaultVendorService implements VendorService {

  private static final Logger LOG = Logger.getLogger(DefaultVendorService.class.getName());

  /** The columns {@link #vendor(Object[])} reads, in order. */
  static final String COLUMNS =
      "v.id, v.entity_id, e.name, v.owner_id, v.name, v.slug, v.description, v.status, v.tier,"
          + " t.commission_bps, t.settlement_hold_days, v.status_note, v.decided_by,"
          + " v.decided_at, v.created_at, v.updated_at";

  private static final String FROM =
      " from ring.vendors v join ring.vendor_tiers t on t.code = v.tier"
          + " join ring.entities e on e.id = v.entity_id";

  @PersistenceContext private EntityManager em;
  @Inject private Notices notices;

  @Inject
  @ConfigProperty(name = "ring.store.vendor.require-verified-entity", defaultValue = "false")
  boolean requireVerifiedEntity;

  private static RingException unauthenticated() {
    return new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
  }

  private static RingException conflict(String code, String message) {
    return new RingException(Kind.CONFLICT, code, null, message);
  }

  // ---- Opening and editing -------------------------------------------------------------------

  @Override
  public Vendor open(AuthenticatedUser owner, Application a) {
    if (owner == null) {
      throw unauthenticated();
    }
    if (!owner.role().hasMemberPrivileges()) {
      throw RingException.forbidden("Members open stores.");
    }
    if (a == null) {
      throw RingException.invalid("body_missing", null, "Send the store's details.");
    }
    if (a.entityId() == null) {
      throw RingException.invalid(
          "entity_required", "entityId", "Choose the entity the store sells for.");
    }
    String name = VendorRules.name(a.name());
    String slug = VendorRules.slug(a.slug());
    String description = VendorRules.description(a.description());
    // The entity row is locked, so two requests for the same entity cannot both open a store.
    @SuppressWarnings("unchecked")
    List<Object[]> entity =
        em.createNativeQuery(
                "select owner_id, moderation_status from ring.entities where id = ?1 for update")
            .setParameter(1, a.entityId())
            .getResultList();
    if (entity.isEmpty()
        || ((Number) entity.get(0)[0]).longValue() != owner.id()
        || "blocked".equals(entity.get(0)[1])) {
      throw RingException.invalid(
          "entity_not_yours", "entityId", "Choose an entity you own that is not blocked.");
    }
    Optional<Vendor> existing =
        rows(" where v.entity_id = ?1 for update of v", a.entityId()).stream().findFirst();
    if (existing.isPresent() && existing.get().status() != VendorStatus.REJECTED) {
      throw conflict("entity_has_store", "This entity already has a store.");
    }
    if (slugTaken(slug, existing.map(Vendor::id).orElse(null))) {
      throw new RingException(
          Kind.CONFLICT, "slug_taken", "slug", "This address is taken; choose another.");
    }
    long id;
    if (existing.isPresent()) {
      id = existing.get().id();
      em.createNativeQuery(
              "update ring.vendors set name = ?1, slug = ?2, description = ?3, status = 'pending',"
                  + " status_note = null, updated_at = now() where id = ?4")
          .setParameter(1, name)
          .setParameter(2, slug)
          .setParameter(3, description)
          .setParameter(4, id)
          .executeUpdate();
      record(id, owner.id(), "reapplied", name);
    } else {
      // A concurrent store with the same slug makes this insert do nothing instead of failing
      // the transaction; it is then reported like any taken address.
      List<?> inserted =
          em.createNativeQuery(
                  "insert into ring.vendors(entity_id, owner_id, name, slug, description)"
                      + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing returning id")
              .setParameter(1, a.entityId())
              .setParameter(2, owner.id())
              .setParameter(3, name)
              .setParameter(4, slug)
              .setParameter(5, description)
              .getResultList();
      if (inserted.isEmpty()) {
        throw new RingException(
            Kind.CONFLICT, "slug_taken", "slug", "This address is taken; choose another.");
      }
      id = ((Number) inserted.get(0)).longValue();
      record(id, owner.id(), "opened", name);
    }
    LOG.log(Level.INFO, "Account {0} opened store {1}", new Object[] {owner.id(), id});
    return load(id);
  }

  private boolean slugTaken(String slug, Long except) {
    return !em.createNativeQuery("select 1 from ring.vendors where slug = ?1 and id <> ?2")
        .setParameter(1, slug)
        .setParameter(2, except == null ? -1L : except)
        .getResultList()
        .isEmpty();
  }

  @Override
  public Vendor update(AuthenticatedUser owner, long id, String name, String description) {
    Vendor v = locked(owner, id);
    if (v.ownerId() != owner.id()) {
      throw RingException.forbidden("Only the store's owner edits it.");
    }
    if (v.status() == VendorStatus.SUSPENDED) {
      throw conflict("status_suspended", "A suspended store cannot be edited.");
    }
    String newName = VendorRules.name(name);
    String newDescription = VendorRules.description(description);
    em.createNativeQuery(
            "update ring.vendors set name = ?1, description = ?2, updated_at = now() where id = ?3")
        .setParameter(1, newName)
        .setParameter(2, newDescription)
        .setParameter(3, id)
        .executeUpdate();
    record(id, owner.id(), "updated", null);
    return load(id);
  }

  /**
   * The store, locked, if the actor may see it (a store they may not see is "not found"); callers
   * check ownership or the admin role.
   */
  private Vendor locked(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw unauthenticated();
    }
    Vendor v =
        rows(" where v.id = ?1 for update of v", id).stream()
            .findFirst()
            .filter(found -> visible(Optional.of(actor), found))
            .orElseThrow(() -> RingException.notFound("No such store."));
    return v;
  }

  // ---- Reading -------------------------------------------------------------------------------

  /** The one visibility rule of a store: active ones are public, others are their owner's. */
  static boolean visible(Optional<AuthenticatedUser> viewer, Vendor v) {
    return v.status() == VendorStatus.ACTIVE
        || viewer.map(u -> u.id() == v.ownerId() || u.role().isPlatformAdmin()).orElse(false);
  }

  @Override
  public Vendor get(Optional<AuthenticatedUser> viewer, long id) {
    return rows(" where v.id = ?1", id).stream()
        .findFirst()
        .filter(v -> visible(viewer, v))
        .orElseThrow(() -> RingException.notFound("No such store."));
  }

  @Override
  public Vendor bySlug(Optional<AuthenticatedUser> viewer, String slug) {
    String wanted = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
    return rows(" where v.slug = ?1", wanted).stream()
        .findFirst()
        .filter(v -> visible(viewer, v))
        .orElseThrow(() -> RingException.notFound("No such store."));
  }

  @Override
  public List<Vendor> mine(AuthenticatedUser owner) {
    if (owner == null) {
      throw unauthenticated();
    }
    return rows(" where v.owner_id = ?1 order by v.created_at desc, v.id desc", owner.id());
  }

  @Override
  public List<Vendor> active() {
    return rows(" where v.status = 'active' order by lower(v.name), v.id limit 500");
  }

  @Override
  public Page list(AuthenticatedUser admin, VendorStatus status, int offset, int limit) {
    requireAdmin(admin);
    String where = status == null ? "" : " where v.status = ?1";
    String order =
        status == VendorStatus.PENDING
            ? " order by v.created_at, v.id"
            : " order by v.created_at desc, v.id desc";
    Query page = em.createNativeQuery("select " + COLUMNS + FROM + where + order);
    Query count = em.createNativeQuery("select count(*) from ring.vendors v" + where);
    if (status != null) {
      page.setParameter(1, status.id());
      count.setParameter(1, status.id());
    }
    page.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, 200)));
    @SuppressWarnings("unchecked")
    List<Object[]> found = page.getResultList();
    return new Page(
        found.stream().map(DefaultVendorService::vendor).toList(),
        ((Number) count.getSingleResult()).longValue());
  }

  @Override
  public List<VendorEvent> events(AuthenticatedUser actor, long id) {
    Vendor v = get(Optional.ofNullable(actor), id);
    if (actor == null) {
      throw unauthenticated();
    }
    if (v.ownerId() != actor.id() && !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only the store's owner or an admin reads its history.");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, vendor_id, action, actor_id, note, at from ring.vendor_events"
                    + " where vendor_id = ?1 order by id desc limit 200")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new VendorEvent(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4],
                    time(r[5])))
        .toList();
  }

  // ---- Decisions -----------------------------------------------------------------------------

  private static void requireAdmin(AuthenticatedUser admin) {
    if (admin == null) {
      throw unauthenticated();
    }
    if (!admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins manage stores.");
    }
  }

  @Override
  public Vendor decide(AuthenticatedUser admin, long id, VendorDecision decision, String note) {
    requireAdmin(admin);
    if (decision == null) {
      throw RingException.invalid(
          "action_invalid", "action", "Approve, reject, suspend or reinstate.");
    }
    Vendor v = locked(admin, id);
    if (v.status() != decision.from()) {
      throw conflict(
          "status_" + v.status().id(),
          "The store is "
              + v.status().id()
              + "; only a "
              + decision.from().id()
              + " one can be "
              + decision.event()
              + ".");
    }
    String why =
        decision.noteRequired()
            ? TextInput.required(note, 1, 500, "note", "Tell the owner why in 1 to 500 characters.")
            : TextInput.optional(note, 500, "note");
    if (decision == VendorDecision.APPROVE) {
      Object verification =
          em.createNativeQuery("select verification_status from ring.entities where id = ?1")
              .setParameter(1, v.entityId())
              .getSingleResult();
      VendorRules.requireVerifiedEntity(requireVerifiedEntity, String.valueOf(verification));
    }
    em.createNativeQuery(
            "update ring.vendors set status = ?1, status_note = ?2, decided_by = ?3,"
                + " decided_at = now(), updated_at = now() where id = ?4")
        .setParameter(1, decision.to().id())
        .setParameter(2, why)
        .setParameter(3, admin.id())
        .setParameter(4, id)
        .executeUpdate();
    record(id, admin.id(), decision.event(), why);
    JsonObjectBuilder payload =
        Json.createObjectBuilder().add("vendorId", id).add("name", v.name());
    if (why != null) {
      payload.add("note", why);
    }
    notices.tell(v.ownerId(), "vendor_" + decision.event(), payload.build().toString());
    LOG.log(
        Level.INFO, "Admin {0}: store {1} {2}", new Object[] {admin.id(), id, decision.event()});
    return load(id);
  }

  @Override
  public Vendor assignTier(AuthenticatedUser admin, long id, String tier) {
    requireAdmin(admin);
    Vendor v = locked(admin, id);
    String code = tier == null ? "" : tier.strip().toLowerCase(Locale.ROOT);
    if (tiers().stream().noneMatch(t -> t.code().equals(code))) {
      throw RingException.invalid("tier_invalid", "tier", "Choose one of the tiers.");
    }
    if (code.equals(v.tier())) {
      return v;
    }
    em.createNativeQuery("update ring.vendors set tier = ?1, updated_at = now() where id = ?2")
        .setParameter(1, code)
        .setParameter(2, id)
        .executeUpdate();
    record(id, admin.id(), "tier_changed", v.tier() + " -> " + code);
    notices.tell(
        v.ownerId(),
        NotificationTypes.VENDOR_TIER_CHANGED,
        Json.createObjectBuilder()
            .add("vendorId", id)
            .add("name", v.name())
            .add("tier", code)
            .build()
            .toString());
    return load(id);
  }

  @Override
  public List<VendorTier> tiers() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select code, commission_bps, settlement_hold_days, max_products, position,"
                    + " updated_at from ring.vendor_tiers order by position, code")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new VendorTier(
                    (String) r[0],
                    ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(),
                    r[3] == null ? null : ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue(),
                    time(r[5])))
        .toList();
  }

  @Override
  public VendorTier updateTier(
      AuthenticatedUser admin,
      String code,
      int commissionBps,
      int settlementHoldDays,
      Integer maxProducts) {
    requireAdmin(admin);
    VendorRules.tier(commissionBps, settlementHoldDays, maxProducts);
    int changed =
        em.createNativeQuery(
                "update ring.vendor_tiers set commission_bps = ?1, settlement_hold_days = ?2,"
                    + " max_products = ?3, updated_at = now() where code = ?4")
            .setParameter(1, commissionBps)
            .setParameter(2, settlementHoldDays)
            .setParameter(3, maxProducts)
            .setParameter(4, code == null ? "" : code.strip())
            .executeUpdate();
    if (changed == 0) {
      throw RingException.notFound("No such tier.");
    }
    LOG.log(
        Level.INFO,
        "Admin {0} set tier {1} to {2} bps, {3} days, max {4}",
        new Object[] {admin.id(), code, commissionBps, settlementHoldDays, maxProducts});
    return tiers().stream().filter(t -> t.code().equals(code.strip())).findFirst().orElseThrow();
  }

  // ---- Trail ---------------------------------------------------------------------------------

  @Override
  public void record(long vendorId, Long actorId, String action, String note) {
    em.createNativeQuery(
            "insert into ring.vendor_events(vendor_id, action, actor_id, note)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, vendorId)
        .setParameter(2, action)
        .setParameter(3, actorId)
        .setParameter(4, note == null || note.length() <= 500 ? note : note.substring(0, 500))
        .executeUpdate();
  }

  // ---- Rows ----------------------------------------------------------------------------------

  private Vendor load(long id) {
    return rows(" where v.id = ?1", id).stream().findFirst().orElseThrow();
  }

  private List<Vendor> rows(String where, Object... params) {
    Query q = em.createNativeQuery("select " + COLUMNS + FROM + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> found = q.getResultList();
    return found.stream().map(DefaultVendorService::vendor).toList();
  }

  static Vendor vendor(Object[] r) {
    return new Vendor(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        ((Number) r[3]).longValue(),
        (String) r[4],
        (String) r[5],
        (String) r[6],
        VendorStatus.fromId((String) r[7]).orElseThrow(),
        (String) r[8],
        ((Number) r[9]).intValue(),
        ((Number) r[10]).intValue(),
        (String) r[11],
        r[12] == null ? null : ((Number) r[12]).longValue(),
        time(r[13]),
        time(r[14]),
        time(r[15]));
  }

  static OffsetDateTime time(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC);
    }
    return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : null;
  }
}
