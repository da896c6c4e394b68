package org.ringplatform.store.catalogue.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.notification.Notices;
import org.ringplatform.notification.NotificationTypes;
import org.ringplatform.platform.RingException;
import org.ringplatform.platform.RingException.Kind;
import org.ringplatform.platform.TextInput;
import org.ringplatform.store.catalogue.CatalogueService;
import org.ringplatform.store.catalogue.Product;
import org.ringplatform.store.catalogue.ProductCategory;
import org.ringplatform.store.catalogue.ProductImage;
import org.ringplatform.store.catalogue.ProductKind;
import org.ringplatform.store.catalogue.ProductStatus;
import org.ringplatform.store.catalogue.StockLevel;
import org.ringplatform.store.catalogue.StockMovement;
import org.ringplatform.store.catalogue.Variant;
import org.ringplatform.store.vendor.VendorService;
import org.ringplatform.store.vendor.VendorStatus;

/**
 * The catalogue on {@code store_products}, {@code product_variants}, {@code product_images}, {@code
 * inventory_levels} and {@code stock_movements}. Visibility is part of every query's WHERE clause
 * and of every single read; a product's row is locked while it changes and a stock level's row
 * while its stock does, so concurrent edits and reservations serialise. Photos are files under
 * {@code <ring.data.dir>/uploads/store/products/<product id>/}, named by a random id; a file
 * follows its row's transaction (removed when an upload rolls back, deleted when a removal
 * commits).
 */
@Stateless
public class DefaultCatalogueService implements CatalogueService {

  private static final Logger LOG = Logger.getLogger(DefaultCatalogueService.class.getName());

  private static final String SELECT =
      "select p.id, p.vendor_id, v.name, v.slug, v.status, v.owner_id, p.title, p.slug,"
          + " p.description, p.category, p.kind, p.price_minor, p.currency, p.sku, p.status,"
          + " p.status_note, p.referral_bps, coalesce(fp.from_minor, p.price_minor) as from_minor,"
          + " s.available, s.reserved, p.created_at, p.updated_at";

  /**
   * Products with their store, the cheapest active variant (none: the product is sold as itself)
   * and the stock of what is sold: the active variants' levels, or the product's own level.
   */
  private static final String FROM =
      " from ring.store_products p join ring.vendors v on v.id = p.vendor_id"
          + " cross join lateral (select min(pv.price_minor) as from_minor"
          + " from ring.product_variants pv where pv.product_id = p.id and pv.active) fp"
          + " cross join lateral (select coalesce(sum(l.available), 0) as available,"
          + " coalesce(sum(l.reserved), 0) as reserved from ring.inventory_levels l"
          + " left join ring.product_variants lv on lv.id = l.variant_id"
          + " where l.product_id = p.id"
          + " and case when fp.from_minor is null then l.variant_id is null else lv.active end) s";

  /** Products with their store only: enough to filter and order by anything but price or stock. */
  private static final String BASE =
      " from ring.store_products p join ring.vendors v on v.id = p.vendor_id";

  private static final String PUBLIC = "p.status = 'active' and v.status = 'active'";

  @PersistenceContext private EntityManager em;
  @Inject private Notices notices;
  @Inject private VendorService vendors;
  @Resource private TransactionSynchronizationRegistry transactions;

  @Inject
  @ConfigProperty(name = "ring.store.currency", defaultValue = "UAH")
  String currencySetting;

  @Inject
  @ConfigProperty(name = "ring.data.dir", defaultValue = "./data")
  String dataDir;

  private static RingException unauthenticated() {
    return new RingException(Kind.UNAUTHENTICATED, "unauthenticated", null, "Sign in first.");
  }

  private static RingException conflict(String code, String message) {
    return new RingException(Kind.CONFLICT, code, null, message);
  }

  @Override
  public String currency() {
    return currencySetting == null || currencySetting.isBlank()
        ? "UAH"
        : currencySetting.strip().toUpperCase(Locale.ROOT);
  }

  // ---- Who may change what -------------------------------------------------------------------

  /**
   * The parts of a product's row its guards need.
   *
   * @param id product id
   * @param vendorId the store
   * @param ownerId the store's owner
   * @param vendorStatus the store's status
   * @param status the product's status
   * @param kind physical or digital
   * @param title the title
   * @param description the description, or null
   */
  private record Row(
      long id,
      long vendorId,
      long ownerId,
      VendorStatus vendorStatus,
      ProductStatus status,
      ProductKind kind,
      String title,
      String description) {

    boolean publiclyVisible() {
      return status == ProductStatus.ACTIVE && vendorStatus == VendorStatus.ACTIVE;
    }
  }

  /** The product's row, locked; empty when there is none. */
  private Optional<Row> lock(long id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.id, p.vendor_id, v.owner_id, v.status, p.status, p.kind, p.title,"
                    + " p.description from ring.store_products p"
                    + " join ring.vendors v on v.id = p.vendor_id where p.id = ?1 for update of p")
            .setParameter(1, id)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(
            r ->
                new Row(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    VendorStatus.fromId((String) r[3]).orElseThrow(),
                    ProductStatus.fromId((String) r[4]).orElseThrow(),
                    ProductKind.fromId((String) r[5]).orElseThrow(),
                    (String) r[6],
                    (String) r[7]));
  }

  /**
   * The product, locked, if the caller owns its store, the store is active and the product is not
   * archived. Someone else's product is "forbidden" when they can see it and "not found" when they
   * cannot; admins moderate but do not write vendors' products.
   */
  private Row owned(AuthenticatedUser owner, long id) {
    if (owner == null) {
      throw unauthenticated();
    }
    Row r = lock(id).orElseThrow(() -> RingException.notFound("No such product."));
    if (r.ownerId() != owner.id()) {
      if (r.publiclyVisible() || owner.role().isPlatformAdmin()) {
        throw RingException.forbidden("Only the store's owner changes its products.");
      }
      throw RingException.notFound("No such product.");
    }
    if (r.vendorStatus() != VendorStatus.ACTIVE) {
      throw conflict("vendor_not_active", "The store is not active.");
    }
    if (!r.status().editable()) {
      throw conflict("status_" + r.status().id(), "An archived product cannot be changed.");
    }
    return r;
  }

  private static void requireAdmin(AuthenticatedUser admin) {
    if (admin == null) {
      throw unauthenticated();
    }
    if (!admin.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only admins approve products.");
    }
  }

  /**
   * The vendor's edit of what buyers read (title, description, photos) of an active product sends
   * it back for approval, so what the public sees has always been seen by an admin.
   */
  private void contentChanged(AuthenticatedUser owner, Row r) {
    if (r.status() == ProductStatus.ACTIVE) {
      moveTo(r.id(), ProductStatus.PENDING, null);
      vendors.record(
          r.vendorId(), owner.id(), "product_resubmitted", "#" + r.id() + " " + r.title());
    }
  }

  private void moveTo(long id, ProductStatus status, String note) {
    em.createNativeQuery(
            "update ring.store_products set status = ?1, status_note = ?2, updated_at = now()"
                + " where id = ?3")
        .setParameter(1, status.id())
        .setParameter(2, note)
        .setParameter(3, id)
        .executeUpdate();
  }

  // ---- Products ------------------------------------------------------------------------------

  @Override
  public Product create(AuthenticatedUser owner, long vendorId, Draft draft) {
    if (owner == null) {
      throw unauthenticated();
    }
    @SuppressWarnings("unchecked")
    List<Object[]> store =
        em.createNativeQuery(
                "select v.owner_id, v.status, v.slug, t.max_products from ring.vendors v"
                    + " join ring.vendor_tiers t on t.code = v.tier where v.id = ?1 for update of v")
            .setParameter(1, vendorId)
            .getResultList();
    if (store.isEmpty()) {
      throw RingException.notFound("No such store.");
    }
    Object[] v = store.get(0);
    boolean active = VendorStatus.ACTIVE.id().equals(v[1]);
    if (((Number) v[0]).longValue() != owner.id()) {
      if (active || owner.role().isPlatformAdmin()) {
        throw RingException.forbidden("Only the store's owner adds products.");
      }
      throw RingException.notFound("No such store.");
    }
    if (!active) {
      throw conflict("vendor_not_active", "The store is not active.");
    }
    Fields f = fields(draft);
    if (v[3] != null) {
      long listed =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from ring.store_products where vendor_id = ?1"
                              + " and status <> 'archived'")
                      .setParameter(1, vendorId)
                      .getSingleResult())
              .longValue();
      if (listed >= ((Number) v[3]).longValue()) {
        throw conflict(
            "product_limit", "The store's tier allows " + v[3] + " products; archive one first.");
      }
    }
    requireFreeSku(vendorId, f.sku(), null);
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into ring.store_products(vendor_id, title, slug, description, category,"
                        + " kind, price_minor, currency, sku, referral_bps)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) returning id")
                .setParameter(1, vendorId)
                .setParameter(2, f.title())
                .setParameter(3, "new-" + UUID.randomUUID())
                .setParameter(4, f.description() == null ? "" : f.description())
                .setParameter(5, f.category().id())
                .setParameter(6, f.kind().id())
                .setParameter(7, f.priceMinor())
                .setParameter(8, currency())
                .setParameter(9, f.sku())
                .setParameter(10, f.referralBps())
                .getSingleResult();
    String part = CatalogueRules.slugPart(f.title());
    em.createNativeQuery("update ring.store_products set slug = ?1 where id = ?2")
        .setParameter(1, v[2] + (part.isEmpty() ? "" : "-" + part) + "-" + id.longValue())
        .setParameter(2, id.longValue())
        .executeUpdate();
    LOG.log(
        Level.INFO,
        "Account {0} created product {1} in store {2}",
        new Object[] {owner.id(), id, vendorId});
    return load(id.longValue(), true);
  }

  /** A draft's fields, checked. */
  private record Fields(
      String title,
      String description,
      ProductCategory category,
      ProductKind kind,
      long priceMinor,
      String sku,
      Integer referralBps) {}

  private Fields fields(Draft d) {
    if (d == null) {
      throw RingException.invalid("body_missing", null, "Send the product's fields.");
    }
    return new Fields(
        CatalogueRules.title(d.title()),
        CatalogueRules.description(d.description()),
        CatalogueRules.category(d.category()),
        CatalogueRules.kind(d.kind()),
        CatalogueRules.price(d.price(), currency(), "price"),
        CatalogueRules.sku(d.sku()),
        CatalogueRules.referralBps(d.referralBps()));
  }

  private void requireFreeSku(long vendorId, String sku, Long except) {
    if (sku != null
        && !em.createNativeQuery(
                "select 1 from ring.store_products where vendor_id = ?1 and sku = ?2 and id <> ?3")
            .setParameter(1, vendorId)
            .setParameter(2, sku)
            .setParameter(3, except == null ? -1L : except)
            .getResultList()
            .isEmpty()) {
      throw new RingException(
          Kind.CONFLICT, "sku_taken", "sku", "Another product of the store has this SKU.");
    }
  }

  @Override
  public Product update(AuthenticatedUser owner, long id, Draft draft) {
    Row r = owned(owner, id);
    Fields f = fields(draft);
    requireFreeSku(r.vendorId(), f.sku(), id);
    em.createNativeQuery(
            "update ring.store_products set title = ?1, description = ?2, category = ?3, kind = ?4,"
                + " price_minor = ?5, sku = ?6, referral_bps = ?7, updated_at = now()"
                + " where id = ?8")
        .setParameter(1, f.title())
        .setParameter(2, f.description() == null ? "" : f.description())
        .setParameter(3, f.category().id())
        .setParameter(4, f.kind().id())
        .setParameter(5, f.priceMinor())
        .setParameter(6, f.sku())
        .setParameter(7, f.referralBps())
        .setParameter(8, id)
        .executeUpdate();
    String before = r.description() == null ? "" : r.description();
    String after = f.description() == null ? "" : f.description();
    if (!r.title().equals(f.title()) || !before.equals(after)) {
      contentChanged(owner, r);
    }
    return load(id, true);
  }

  @Override
  public Product submit(AuthenticatedUser owner, long id) {
    Row r = owned(owner, id);
    if (!r.status().submittable()) {
      throw conflict(
          "status_" + r.status().id(), "Only a draft or rejected product can be submitted.");
    }
    requireImage(id);
    moveTo(id, ProductStatus.PENDING, null);
    vendors.record(r.vendorId(), owner.id(), "product_submitted", "#" + id + " " + r.title());
    return load(id, true);
  }

  private void requireImage(long id) {
    if (em.createNativeQuery("select 1 from ring.product_images where product_id = ?1 limit 1")
        .setParameter(1, id)
        .getResultList()
        .isEmpty()) {
      throw conflict("images_required", "Add at least one photo of the product first.");
    }
  }

  @Override
  public Product approve(AuthenticatedUser admin, long id, String note) {
    Row r = pendingRow(admin, id);
    String why = TextInput.optional(note, 500, "note");
    requireImage(id);
    moveTo(id, ProductStatus.ACTIVE, null);
    vendors.record(r.vendorId(), admin.id(), "product_approved", "#" + id + " " + r.title());
    notices.tell(
        r.ownerId(), NotificationTypes.PRODUCT_APPROVED, payload(id, r.title(), why).toString());
    return load(id, true);
  }

  @Override
  public Product reject(AuthenticatedUser admin, long id, String note) {
    Row r = pendingRow(admin, id);
    String why =
        TextInput.required(note, 1, 500, "note", "Tell the vendor why in 1 to 500 characters.");
    moveTo(id, ProductStatus.REJECTED, why);
    vendors.record(
        r.vendorId(), admin.id(), "product_rejected", "#" + id + " " + r.title() + ": " + why);
    notices.tell(
        r.ownerId(), NotificationTypes.PRODUCT_REJECTED, payload(id, r.title(), why).toString());
    return load(id, true);
  }

  private Row pendingRow(AuthenticatedUser admin, long id) {
    requireAdmin(admin);
    Row r = lock(id).orElseThrow(() -> RingException.notFound("No such product."));
    if (r.status() != ProductStatus.PENDING) {
      throw conflict(
          "status_" + r.status().id(), "The product is " + r.status().id() + ", not pending.");
    }
    return r;
  }

  private static jakarta.json.JsonObject payload(long id, String title, String note) {
    JsonObjectBuilder b = Json.createObjectBuilder().add("productId", id).add("title", title);
    if (note != null) {
      b.add("note", note);
    }
    return b.build();
  }

  @Override
  public Product archive(AuthenticatedUser actor, long id) {
    if (actor == null) {
      throw unauthenticated();
    }
    Row r = lock(id).orElseThrow(() -> RingException.notFound("No such product."));
    boolean owner = r.ownerId() == actor.id();
    if (!owner && !actor.role().isPlatformAdmin()) {
      if (r.publiclyVisible()) {
        throw RingException.forbidden("Only the store's owner or an admin archives a product.");
      }
      throw RingException.notFound("No such product.");
    }
    if (r.status() == ProductStatus.ARCHIVED) {
      throw conflict("status_archived", "The product is archived already.");
    }
    moveTo(id, ProductStatus.ARCHIVED, null);
    vendors.record(r.vendorId(), actor.id(), "product_archived", "#" + id + " " + r.title());
    return load(id, true);
  }

  // ---- Reading -------------------------------------------------------------------------------

  /** Whether the viewer manages this product: its store's owner, or an admin. */
  private static boolean manages(Optional<AuthenticatedUser> viewer, long ownerId) {
    return viewer.map(u -> u.id() == ownerId || u.role().isPlatformAdmin()).orElse(false);
  }

  @Override
  public Product get(Optional<AuthenticatedUser> viewer, long id) {
    List<Product> found = query(" where p.id = ?1", List.of(id), "p.id", 0, 1, true, false);
    Product p =
        found.stream()
            .findFirst()
            .filter(x -> x.publiclyVisible() || manages(viewer, x.vendorOwnerId()))
            .orElseThrow(() -> RingException.notFound("No such product."));
    if (!manages(viewer, p.vendorOwnerId())) {
      return withVariants(List.of(p), false).get(0);
    }
    return p;
  }

  private Product load(long id, boolean allVariants) {
    return query(" where p.id = ?1", List.of(id), "p.id", 0, 1, allVariants, false).get(0);
  }

  /** A WHERE clause being built from fixed fragments, with every value bound. */
  private static final class Where {
    final StringBuilder sql = new StringBuilder(" where true");
    final List<Object> params = new ArrayList<>();

    String bind(Object value) {
      params.add(value);
      return "?" + params.size();
    }

    Where and(String fragment) {
      sql.append(" and ").append(fragment);
      return this;
    }
  }

  @Override
  public Page search(Optional<AuthenticatedUser> viewer, Filter filter, int offset, int limit) {
    Filter f = filter == null ? Filter.catalogue() : filter;
    Scope scope = f.scope() == null ? Scope.PUBLIC : f.scope();
    Where w = new Where();
    if (scope == Scope.PUBLIC) {
      if (f.status() != null && !f.status().isBlank()) {
        throw RingException.invalid(
            "status_invalid", "status", "A status filter is for your own products only.");
      }
      w.and(PUBLIC);
    } else {
      AuthenticatedUser me = viewer.orElse(null);
      if (me == null) {
        return new Page(List.of(), 0);
      }
      if (!me.role().isPlatformAdmin()) {
        w.and("v.owner_id = " + w.bind(me.id()));
      }
      if (f.status() != null && !f.status().isBlank()) {
        ProductStatus status =
            ProductStatus.fromId(f.status())
                .orElseThrow(
                    () -> RingException.invalid("status_invalid", "status", "Unknown status."));
        w.and("p.status = " + w.bind(status.id()));
      }
    }
    if (f.category() != null && !f.category().isBlank()) {
      w.and("p.category = " + w.bind(CatalogueRules.category(f.category()).id()));
    }
    if (f.vendorId() != null) {
      w.and("p.vendor_id = " + w.bind(f.vendorId()));
    }
    if (f.kind() != null && !f.kind().isBlank()) {
      w.and("p.kind = " + w.bind(CatalogueRules.kind(f.kind()).id()));
    }
    if (f.inStock()) {
      w.and("(p.kind = 'digital' or s.available > 0)");
    }
    Long min =
        blank(f.minPrice()) ? null : CatalogueRules.price(f.minPrice(), currency(), "minPrice");
    Long max =
        blank(f.maxPrice()) ? null : CatalogueRules.price(f.maxPrice(), currency(), "maxPrice");
    if (min != null && max != null && min > max) {
      throw RingException.invalid(
          "price_range", "minPrice", "The lowest price is above the highest.");
    }
    if (min != null || max != null) {
      w.and("p.currency = " + w.bind(currency()));
    }
    if (min != null) {
      w.and("coalesce(fp.from_minor, p.price_minor) >= " + w.bind(min));
    }
    if (max != null) {
      w.and("coalesce(fp.from_minor, p.price_minor) <= " + w.bind(max));
    }
    String tsquery = null;
    if (!blank(f.query())) {
      String q = f.query().strip();
      if (q.length() > 200) {
        throw RingException.invalid("query_invalid", "q", "The search text is too long.");
      }
      tsquery = "websearch_to_tsquery('simple', " + w.bind(q) + ")";
      w.and("p.search @@ " + tsquery);
    }
    Sort sort = f.sort() != null ? f.sort() : tsquery != null ? Sort.RELEVANCE : Sort.NEWEST;
    String order =
        switch (sort) {
          case RELEVANCE ->
              tsquery == null
                  ? "p.created_at desc, p.id desc"
                  : "ts_rank(p.search, " + tsquery + ") desc, p.created_at desc, p.id desc";
          case PRICE_ASC -> "from_minor asc, p.id desc";
          case PRICE_DESC -> "from_minor desc, p.id desc";
          case NEWEST -> "p.created_at desc, p.id desc";
        };
    // Price and stock come from the variants and stock levels of each product; a search that
    // neither filters nor orders by them finds its page on the product rows alone.
    boolean late = f.inStock() || min != null || max != null || order.startsWith("from_minor");
    // Counting every match of a broad query costs more than fetching the page; past the cap the
    // total is reported as COUNT_CAP + 1.
    Query count =
        em.createNativeQuery(
            "select count(*) from (select 1"
                + (late ? FROM : BASE)
                + w.sql
                + " limit "
                + (COUNT_CAP + 1)
                + ") c");
    for (int i = 0; i < w.params.size(); i++) {
      count.setParameter(i + 1, w.params.get(i));
    }
    List<Product> items =
        query(
            w.sql.toString(),
            w.params,
            order,
            Math.max(0, offset),
            Math.max(1, Math.min(limit, 100)),
            scope == Scope.MANAGE,
            late);
    return new Page(items, ((Number) count.getSingleResult()).longValue());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public Page pending(AuthenticatedUser admin, int offset, int limit) {
    requireAdmin(admin);
    String where = " where p.status = 'pending'";
    List<Product> items =
        query(
            where,
            List.of(),
            "p.updated_at, p.id",
            Math.max(0, offset),
            Math.max(1, Math.min(limit, 100)),
            true,
            false);
    long total =
        ((Number)
                em.createNativeQuery("select count(*) from ring.store_products p" + where)
                    .getSingleResult())
            .longValue();
    return new Page(items, total);
  }

  @Override
  public Map<ProductStatus, Long> counts(AuthenticatedUser actor, long vendorId) {
    if (actor == null) {
      throw unauthenticated();
    }
    var vendor = vendors.get(Optional.of(actor), vendorId);
    if (vendor.ownerId() != actor.id() && !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only the store's owner or an admin sees its counts.");
    }
    Map<ProductStatus, Long> counts = new EnumMap<>(ProductStatus.class);
    for (ProductStatus s : ProductStatus.values()) {
      counts.put(s, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, count(*) from ring.store_products where vendor_id = ?1"
                    + " group by status")
            .setParameter(1, vendorId)
            .getResultList();
    for (Object[] r : rows) {
      ProductStatus.fromId((String) r[0])
          .ifPresent(s -> counts.put(s, ((Number) r[1]).longValue()));
    }
    return counts;
  }

  /**
   * Products matching a WHERE clause, with their variants and photos. {@code late}: the clause or
   * the order uses price or stock ({@code fp}, {@code s}), so they are computed for every match.
   */
  private List<Product> query(
      String where,
      List<Object> params,
      String order,
      int offset,
      int limit,
      boolean allVariants,
      boolean late) {
    Query q;
    if (late) {
      q = em.createNativeQuery(SELECT + FROM + where + " order by " + order);
      q.setFirstResult(offset).setMaxResults(limit);
    } else {
      // The page is chosen on the product rows; price and stock are looked up for it alone.
      q =
          em.createNativeQuery(
              SELECT
                  + FROM
                  + " join (select p.id"
                  + BASE
                  + where
                  + " order by "
                  + order
                  + " limit "
                  + limit
                  + " offset "
                  + offset
                  + ") page on page.id = p.id order by "
                  + order);
    }
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    List<Product> products = rows.stream().map(DefaultCatalogueService::product).toList();
    return withVariants(products, allVariants);
  }

  private static Product product(Object[] r) {
    return new Product(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        (String) r[3],
        VendorStatus.fromId((String) r[4]).orElseThrow(),
        ((Number) r[5]).longValue(),
        (String) r[6],
        (String) r[7],
        (String) r[8],
        ProductCategory.fromId((String) r[9]).orElse(ProductCategory.OTHER),
        ProductKind.fromId((String) r[10]).orElseThrow(),
        ((Number) r[11]).longValue(),
        String.valueOf(r[12]).strip(),
        (String) r[13],
        ProductStatus.fromId((String) r[14]).orElseThrow(),
        (String) r[15],
        r[16] == null ? null : ((Number) r[16]).intValue(),
        ((Number) r[17]).longValue(),
        ((Number) r[18]).intValue(),
        ((Number) r[19]).intValue(),
        time(r[20]),
        time(r[21]),
        List.of(),
        List.of());
  }

  /** The products with their variants (only active ones unless {@code all}) and photos. */
  private List<Product> withVariants(List<Product> products, boolean all) {
    if (products.isEmpty()) {
      return products;
    }
    StringBuilder in = new StringBuilder();
    List<Object> ids = new ArrayList<>();
    for (Product p : products) {
      ids.add(p.id());
      in.append(in.length() == 0 ? "" : ", ").append('?').append(ids.size());
    }
    Query vq =
        em.createNativeQuery(
            "select pv.id, pv.product_id, pv.name, pv.sku, pv.price_minor, pv.active, pv.position,"
                + " coalesce(l.available, 0), coalesce(l.reserved, 0)"
                + " from ring.product_variants pv left join ring.inventory_levels l"
                + " on l.variant_id = pv.id where pv.product_id in ("
                + in
                + ")"
                + (all ? "" : " and pv.active")
                + " order by pv.product_id, pv.position, pv.id");
    Query iq =
        em.createNativeQuery(
            "select id, product_id, content_type, position from ring.product_images"
                + " where product_id in ("
                + in
                + ") order by product_id, position, id");
    for (int i = 0; i < ids.size(); i++) {
      vq.setParameter(i + 1, ids.get(i));
      iq.setParameter(i + 1, ids.get(i));
    }
    Map<Long, List<Variant>> variants = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> vrows = vq.getResultList();
    for (Object[] r : vrows) {
      Variant v =
          new Variant(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).longValue(),
              Boolean.TRUE.equals(r[5]),
              ((Number) r[6]).intValue(),
              ((Number) r[7]).intValue(),
              ((Number) r[8]).intValue());
      variants.computeIfAbsent(v.productId(), k -> new ArrayList<>()).add(v);
    }
    Map<Long, List<ProductImage>> images = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> irows = iq.getResultList();
    for (Object[] r : irows) {
      ProductImage image =
          new ProductImage(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              ((Number) r[3]).intValue());
      images.computeIfAbsent(image.productId(), k -> new ArrayList<>()).add(image);
    }
    return products.stream()
        .map(
            p ->
                new Product(
                    p.id(),
                    p.vendorId(),
                    p.vendorName(),
                    p.vendorSlug(),
                    p.vendorStatus(),
                    p.vendorOwnerId(),
                    p.title(),
                    p.slug(),
                    p.description(),
                    p.category(),
                    p.kind(),
                    p.priceMinor(),
                    p.currency(),
                    p.sku(),
                    p.status(),
                    p.statusNote(),
                    p.referralBps(),
                    p.fromPriceMinor(),
                    p.available(),
                    p.reserved(),
                    p.createdAt(),
                    p.updatedAt(),
                    variants.getOrDefault(p.id(), List.of()),
                    images.getOrDefault(p.id(), List.of())))
        .toList();
  }

  // ---- Variants ------------------------------------------------------------------------------

  @Override
  public Variant addVariant(AuthenticatedUser owner, long productId, VariantDraft draft) {
    owned(owner, productId);
    if (draft == null) {
      throw RingException.invalid("body_missing", null, "Send the variant's fields.");
    }
    String name = CatalogueRules.variantName(draft.name());
    String sku = CatalogueRules.sku(draft.sku());
    long price = CatalogueRules.price(draft.price(), currency(), "price");
    requireFreeVariantName(productId, name, null);
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into ring.product_variants(product_id, name, sku, price_minor, active,"
                        + " position) values (?1, ?2, ?3, ?4, ?5, (select coalesce(max(position),"
                        + " -1) + 1 from ring.product_variants where product_id = ?1)) returning id")
                .setParameter(1, productId)
                .setParameter(2, name)
                .setParameter(3, sku)
                .setParameter(4, price)
                .setParameter(5, draft.active() == null || draft.active())
                .getSingleResult();
    touch(productId);
    return variant(productId, id.longValue());
  }

  private void requireFreeVariantName(long productId, String name, Long except) {
    if (!em.createNativeQuery(
            "select 1 from ring.product_variants where product_id = ?1 and name = ?2 and id <> ?3")
        .setParameter(1, productId)
        .setParameter(2, name)
        .setParameter(3, except == null ? -1L : except)
        .getResultList()
        .isEmpty()) {
      throw new RingException(
          Kind.CONFLICT, "variant_name_taken", "name", "The product has a variant of this name.");
    }
  }

  private void touch(long productId) {
    em.createNativeQuery("update ring.store_products set updated_at = now() where id = ?1")
        .setParameter(1, productId)
        .executeUpdate();
  }

  @Override
  public Variant updateVariant(
      AuthenticatedUser owner, long productId, long variantId, VariantDraft draft) {
    owned(owner, productId);
    Variant current = variant(productId, variantId);
    if (draft == null) {
      throw RingException.invalid("body_missing", null, "Send the variant's fields.");
    }
    String name = CatalogueRules.variantName(draft.name());
    String sku = CatalogueRules.sku(draft.sku());
    long price = CatalogueRules.price(draft.price(), currency(), "price");
    requireFreeVariantName(productId, name, variantId);
    em.createNativeQuery(
            "update ring.product_variants set name = ?1, sku = ?2, price_minor = ?3, active = ?4"
                + " where id = ?5")
        .setParameter(1, name)
        .setParameter(2, sku)
        .setParameter(3, price)
        .setParameter(4, draft.active() == null ? current.active() : draft.active())
        .setParameter(5, variantId)
        .executeUpdate();
    touch(productId);
    return variant(productId, variantId);
  }

  @Override
  public Variant removeVariant(AuthenticatedUser owner, long productId, long variantId) {
    owned(owner, productId);
    variant(productId, variantId);
    em.createNativeQuery("update ring.product_variants set active = false where id = ?1")
        .setParameter(1, variantId)
        .executeUpdate();
    touch(productId);
    return variant(productId, variantId);
  }

  /** A variant of the product, with its stock; another product's variant is "not found". */
  private Variant variant(long productId, long variantId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select pv.id, pv.product_id, pv.name, pv.sku, pv.price_minor, pv.active,"
                    + " pv.position, coalesce(l.available, 0), coalesce(l.reserved, 0)"
                    + " from ring.product_variants pv left join ring.inventory_levels l"
                    + " on l.variant_id = pv.id where pv.id = ?1 and pv.product_id = ?2")
            .setParameter(1, variantId)
            .setParameter(2, productId)
            .getResultList();
    if (rows.isEmpty()) {
      throw RingException.notFound("No such variant of this product.");
    }
    Object[] r = rows.get(0);
    return new Variant(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        (String) r[3],
        ((Number) r[4]).longValue(),
        Boolean.TRUE.equals(r[5]),
        ((Number) r[6]).intValue(),
        ((Number) r[7]).intValue(),
        ((Number) r[8]).intValue());
  }

  // ---- Stock ---------------------------------------------------------------------------------

  @Override
  public StockLevel setStock(
      AuthenticatedUser owner, long productId, Long variantId, int stock, String reason) {
    return changeStock(owner, productId, variantId, true, stock, reason);
  }

  @Override
  public StockLevel adjustStock(
      AuthenticatedUser owner, long productId, Long variantId, int change, String reason) {
    if (change == 0) {
      throw RingException.invalid("change_invalid", "change", "Add or remove at least one unit.");
    }
    return changeStock(owner, productId, variantId, false, change, reason);
  }

  private StockLevel changeStock(
      AuthenticatedUser owner,
      long productId,
      Long variantId,
      boolean set,
      int value,
      String reason) {
    Row r = owned(owner, productId);
    if (r.kind() == ProductKind.DIGITAL) {
      throw conflict("stock_digital", "A digital product has no stock.");
    }
    String why = TextInput.optional(reason, 300, "reason");
    boolean hasVariants =
        !em.createNativeQuery(
                "select 1 from ring.product_variants where product_id = ?1 and active limit 1")
            .setParameter(1, productId)
            .getResultList()
            .isEmpty();
    if (variantId == null && hasVariants) {
      throw RingException.invalid(
          "variant_required", "variantId", "This product is sold by variant; choose one.");
    }
    if (variantId != null) {
      List<?> active =
          em.createNativeQuery(
                  "select active from ring.product_variants where id = ?1 and product_id = ?2")
              .setParameter(1, variantId)
              .setParameter(2, productId)
              .getResultList();
      if (active.isEmpty()) {
        throw RingException.invalid(
            "variant_invalid", "variantId", "Choose a variant of this product.");
      }
      if (!Boolean.TRUE.equals(active.get(0))) {
        throw conflict("variant_inactive", "The variant is not sold; activate it first.");
      }
    }
    if (set) {
      CatalogueRules.stock(value, "stock");
    }
    long variantKey = variantId == null ? 0L : variantId;
    boolean created =
        !em.createNativeQuery(
                "insert into ring.inventory_levels(product_id, variant_id)"
                    + " select ?1, nullif(?2, 0) on conflict do nothing returning id")
            .setParameter(1, productId)
            .setParameter(2, variantKey)
            .getResultList()
            .isEmpty();
    // The level's row is locked until the commit: a reservation waits for this change and sees
    // its result, and the check below sees every reservation made before it.
    Object[] level =
        (Object[])
            em.createNativeQuery(
                    "select id, available, reserved from ring.inventory_levels"
                        + " where product_id = ?1 and coalesce(variant_id, 0) = ?2 for update")
                .setParameter(1, productId)
                .setParameter(2, variantKey)
                .getSingleResult();
    long levelId = ((Number) level[0]).longValue();
    int available = ((Number) level[1]).intValue();
    int reserved = ((Number) level[2]).intValue();
    int before = available + reserved;
    long target = set ? value : (long) before + value;
    if (target < 0 || target > CatalogueRules.MAX_STOCK) {
      String field = set ? "stock" : "change";
      throw RingException.invalid(
          field + "_invalid",
          field,
          "Stock is 0 to " + CatalogueRules.MAX_STOCK + " units; it would be " + target + ".");
    }
    int after = (int) target;
    if (after < reserved) {
      throw new RingException(
          Kind.CONFLICT,
          "stock_below_reserved",
          set ? "stock" : "change",
          reserved + " units are held by carts and checkouts; stock cannot go below that.");
    }
    if (after != before || created) {
      em.createNativeQuery(
              "update ring.inventory_levels set available = ?1, version = version + 1,"
                  + " updated_at = now() where id = ?2")
          .setParameter(1, after - reserved)
          .setParameter(2, levelId)
          .executeUpdate();
      String kind = created ? "initial" : after > before ? "restock" : "adjustment";
      em.createNativeQuery(
              "insert into ring.stock_movements(level_id, kind, change, stock_before, stock_after,"
                  + " actor_id, reason) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, levelId)
          .setParameter(2, kind)
          .setParameter(3, after - before)
          .setParameter(4, before)
          .setParameter(5, after)
          .setParameter(6, owner.id())
          .setParameter(7, why)
          .executeUpdate();
      LOG.log(
          Level.FINE,
          "Stock of level {0}: {1} -> {2} ({3})",
          new Object[] {levelId, before, after, kind});
    }
    return levels(productId, " and l.id = ?2", levelId).get(0);
  }

  @Override
  public List<StockLevel> stock(AuthenticatedUser actor, long productId) {
    managed(actor, productId);
    return levels(productId, "", null);
  }

  private List<StockLevel> levels(long productId, String extra, Long levelId) {
    Query q =
        em.createNativeQuery(
                "select l.id, l.product_id, l.variant_id, pv.name, l.available, l.reserved"
                    + " from ring.inventory_levels l"
                    + " left join ring.product_variants pv on pv.id = l.variant_id"
                    + " where l.product_id = ?1"
                    + extra
                    + " order by pv.position nulls first, l.id")
            .setParameter(1, productId);
    if (levelId != null) {
      q.setParameter(2, levelId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(
            r ->
                new StockLevel(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue(),
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    ((Number) r[5]).intValue()))
        .toList();
  }

  @Override
  public List<StockMovement> movements(AuthenticatedUser actor, long productId, int limit) {
    managed(actor, productId);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select m.id, m.level_id, l.variant_id, m.kind, m.change, m.stock_before,"
                    + " m.stock_after, m.actor_id, m.reason, m.at from ring.stock_movements m"
                    + " join ring.inventory_levels l on l.id = m.level_id"
                    + " where l.product_id = ?1 order by m.id desc limit ?2")
            .setParameter(1, productId)
            .setParameter(2, Math.max(1, Math.min(limit, 500)))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new StockMovement(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    r[2] == null ? null : ((Number) r[2]).longValue(),
                    (String) r[3],
                    ((Number) r[4]).intValue(),
                    ((Number) r[5]).intValue(),
                    ((Number) r[6]).intValue(),
                    r[7] == null ? null : ((Number) r[7]).longValue(),
                    (String) r[8],
                    time(r[9])))
        .toList();
  }

  /** The product if the actor manages it (its store's owner or an admin), for private reads. */
  private Product managed(AuthenticatedUser actor, long productId) {
    if (actor == null) {
      throw unauthenticated();
    }
    Product p = get(Optional.of(actor), productId);
    if (p.vendorOwnerId() != actor.id() && !actor.role().isPlatformAdmin()) {
      throw RingException.forbidden("Only the store's owner or an admin sees this.");
    }
    return p;
  }

  // ---- Photos --------------------------------------------------------------------------------

  @Override
  public ProductImage addImage(
      AuthenticatedUser owner, long productId, String contentType, InputStream content) {
    Row r = owned(owner, productId);
    long count =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from ring.product_images where product_id = ?1")
                    .setParameter(1, productId)
                    .getSingleResult())
            .longValue();
    if (count >= MAX_IMAGES) {
      throw conflict("images_full", "A product has at most " + MAX_IMAGES + " photos.");
    }
    String declared =
        contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!declared.isEmpty()
        && !declared.equals("application/octet-stream")
        && !IMAGE_TYPES.contains(declared)) {
      throw new RingException(
          Kind.UNSUPPORTED_TYPE, "image_type", "file", "Upload a JPEG, PNG or WebP photo.");
    }
    Path dir = imageRoot().resolve(String.valueOf(productId));
    Path file = dir.resolve(UUID.randomUUID().toString());
    String type;
    try {
      Files.createDirectories(dir);
      byte[] head = new byte[12];
      int headLength;
      long size;
      try (OutputStream out = Files.newOutputStream(file)) {
        headLength = content == null ? 0 : content.readNBytes(head, 0, head.length);
        out.write(head, 0, headLength);
        size = headLength;
        byte[] buffer = new byte[64 * 1024];
        int read;
        while (content != null && (read = content.read(buffer)) > 0) {
          size += read;
          if (size > MAX_IMAGE_BYTES) {
            throw new RingException(
                Kind.TOO_LARGE, "image_too_large", "file", "A photo may have at most 5 MB.");
          }
          out.write(buffer, 0, read);
        }
      }
      type = CatalogueRules.sniff(Arrays.copyOf(head, headLength));
      if (type == null || (IMAGE_TYPES.contains(declared) && !declared.equals(type))) {
        throw new RingException(
            Kind.UNSUPPORTED_TYPE,
            "image_content",
            "file",
            "The file's content is not a JPEG, PNG or WebP photo of the declared type.");
      }
    } catch (RingException e) {
      deleteQuietly(file);
      throw e;
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException("Cannot store a product photo", e);
    }
    // The file exists before the row commits; should the transaction roll back, it goes too.
    afterCompletion(file, false);
    Object[] inserted =
        (Object[])
            em.createNativeQuery(
                    "insert into ring.product_images(product_id, path, content_type, position)"
                        + " values (?1, ?2, ?3, (select coalesce(max(position), -1) + 1"
                        + " from ring.product_images where product_id = ?1)) returning id, position")
                .setParameter(1, productId)
                .setParameter(2, imageRoot().relativize(file).toString())
                .setParameter(3, type)
                .getSingleResult();
    touch(productId);
    contentChanged(owner, r);
    long id = ((Number) inserted[0]).longValue();
    int position = ((Number) inserted[1]).intValue();
    return new ProductImage(id, productId, type, position);
  }

  @Override
  public void removeImage(AuthenticatedUser owner, long productId, long imageId) {
    Row r = owned(owner, productId);
    List<?> paths =
        em.createNativeQuery(
                "delete from ring.product_images where id = ?1 and product_id = ?2 returning path")
            .setParameter(1, imageId)
            .setParameter(2, productId)
            .getResultList();
    if (paths.isEmpty()) {
      throw RingException.notFound("No such photo of this product.");
    }
    afterCompletion(imageRoot().resolve((String) paths.get(0)).normalize(), true);
    touch(productId);
    contentChanged(owner, r);
  }

  @Override
  public ImageFile image(Optional<AuthenticatedUser> viewer, long imageId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select i.path, i.content_type, p.status, v.status, v.owner_id"
                    + " from ring.product_images i join ring.store_products p on p.id = i.product_id"
                    + " join ring.vendors v on v.id = p.vendor_id where i.id = ?1")
            .setParameter(1, imageId)
            .getResultList();
    if (rows.isEmpty()) {
      throw RingException.notFound("No such photo.");
    }
    Object[] r = rows.get(0);
    boolean visible =
        ("active".equals(r[2]) && "active".equals(r[3]))
            || manages(viewer, ((Number) r[4]).longValue());
    if (!visible) {
      throw RingException.notFound("No such photo.");
    }
    Path file = imageRoot().resolve((String) r[0]).normalize();
    if (!file.startsWith(imageRoot())) {
      throw RingException.notFound("No such photo.");
    }
    return new ImageFile((String) r[1], file);
  }

  private Path imageRoot() {
    return Path.of(dataDir).toAbsolutePath().normalize().resolve("uploads/store/products");
  }

  /**
   * Deletes {@code file} when the current transaction ends: after a commit if {@code onCommit},
   * after a rollback otherwise.
   */
  private void afterCompletion(Path file, boolean onCommit) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // Nothing to do before the outcome is known.
          }

          @Override
          public void afterCompletion(int status) {
            if ((status == Status.STATUS_COMMITTED) == onCommit) {
              deleteQuietly(file);
            }
          }
        });
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete {0}", file);
    }
  }

  static OffsetDateTime time(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC);
    }
    return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : null;
  }
}
