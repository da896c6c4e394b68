package org.ringplatform.demo.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.demo.DemoData;
import org.ringplatform.entity.EntityType;
import org.ringplatform.entity.Organisation;
import org.ringplatform.identity.PasswordHasher;
import org.ringplatform.identity.UserAccount;
import org.ringplatform.identity.Visibility;

/**
 * Loads the demo dataset in one transaction together with a marker row: the marker insert is the
 * lock, so when several servers start together one loads and the others find the marker and stop.
 */
@Stateless
public class DefaultDemoData implements DemoData {

  static final String MARKER = "demo.loaded";
  static final String ENTITIES_MARKER = "demo.entities.loaded";
  static final String OPPORTUNITIES_MARKER = "demo.opportunities.loaded";
  static final String STORE_MARKER = "demo.store.loaded";
  private static final Logger LOG = Logger.getLogger(DefaultDemoData.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private PasswordHasher hasher;

  @Inject
  @ConfigProperty(name = "ring.demo.password")
  private String password;

  @Inject
  @ConfigProperty(name = "ring.store.currency", defaultValue = "UAH")
  private String storeCurrency;

  @Inject
  @ConfigProperty(name = "ring.data.dir", defaultValue = "./data")
  private String dataDir;

  @Override
  public boolean loadOnce() {
    // Each part of the dataset has its own marker, so a database that got the accounts from an
    // older version still gets the parts added since, and nothing is ever loaded twice.
    boolean accounts = claim(MARKER) && loadAccounts();
    boolean entities = claim(ENTITIES_MARKER) && loadEntities();
    boolean opportunities = claim(OPPORTUNITIES_MARKER) && loadOpportunities();
    boolean store = claim(STORE_MARKER) && loadStore();
    return accounts || entities || opportunities || store;
  }

  /** Inserts the marker; false when it was there already (this part was loaded before). */
  private boolean claim(String marker) {
    return em.createNativeQuery(
                "insert into ring.platform_state(key, value) values (?1, ?2)"
                    + " on conflict (key) do nothing")
            .setParameter(1, marker)
            .setParameter(2, Instant.now().toString())
            .executeUpdate()
        == 1;
  }

  private boolean loadAccounts() {
    int created = 0;
    for (DemoAccount account : ACCOUNTS) {
      if (find(account.email()).isEmpty()) {
        UserAccount user = new UserAccount(account.email(), account.displayName(), account.role());
        user.setPasswordHash(hasher.hash(password.toCharArray()));
        user.markEmailVerified();
        em.persist(user);
        created++;
      }
    }
    em.flush();
    LOG.log(Level.INFO, "Loaded the Demo Ring dataset: {0} accounts", created);
    return true;
  }

  private java.util.Optional<UserAccount> find(String email) {
    return em.createNamedQuery(UserAccount.FIND_BY_EMAIL, UserAccount.class)
        .setParameter("email", email)
        .getResultStream()
        .findFirst();
  }

  /** Sample organisations across the visibility ladder, owned by the demo accounts. */
  private boolean loadEntities() {
    java.util.Optional<UserAccount> member = find("member@ring.local");
    java.util.Optional<UserAccount> confidential = find("confidential@ring.local");
    if (member.isEmpty() || confidential.isEmpty()) {
      return false;
    }
    entity(
        member.get(),
        "Kyiv Makers Hub",
        EntityType.TECHNOLOGY_SOFTWARE,
        "A workshop and community for hardware and software makers in Kyiv.",
        "Kyiv",
        50.4501,
        30.5234,
        List.of("iot", "java", "3d-printing"),
        Visibility.PUBLIC,
        false);
    entity(
        member.get(),
        "Green Harvest Cooperative",
        EntityType.AGRICULTURE_FOOD,
        "Farmers from the Poltava region selling seasonal produce together.",
        "Poltava",
        49.5883,
        34.5514,
        List.of("organic", "farming", "logistics"),
        Visibility.PUBLIC,
        false);
    entity(
        member.get(),
        "Lviv Code School",
        EntityType.EDUCATION_TRAINING,
        "Evening courses in programming and data for adults changing careers.",
        "Lviv",
        49.8397,
        24.0297,
        List.of("education", "java", "data"),
        Visibility.SUBSCRIBER,
        false);
    entity(
        member.get(),
        "Members' Guild of Consultants",
        EntityType.CONSULTING_ADVISORY,
        "Independent consultants who share leads and review each other's work.",
        "Odesa",
        46.4825,
        30.7233,
        List.of("consulting", "strategy"),
        Visibility.MEMBER,
        false);
    entity(
        confidential.get(),
        "Northern Ventures Fund",
        EntityType.FINANCIAL_SERVICES,
        "An early-stage fund; its pipeline is shared in the confidential room only.",
        "Kyiv",
        50.4501,
        30.5234,
        List.of("investment", "venture"),
        Visibility.PUBLIC,
        true);
    LOG.info("Loaded the Demo Ring dataset: 5 entities");
    return true;
  }

  private void entity(
      UserAccount owner,
      String name,
      EntityType type,
      String description,
      String location,
      double latitude,
      double longitude,
      List<String> tags,
      Visibility visibility,
      boolean confidential) {
    Organisation e = new Organisation(owner.getId());
    e.describe(
        name,
        type,
        description,
        null,
        null,
        List.of(),
        location,
        latitude,
        longitude,
        null,
        null,
        null,
        tags);
    e.restrict(visibility, confidential);
    em.persist(e);
  }

  /**
   * A demo member with a profile the matcher can score.
   *
   * @param email sign-in email
   * @param name display name
   * @param skills skills
   * @param tags interests as free tags
   * @param interests followed categories
   * @param level experience level
   * @param location place
   * @param latitude degrees
   * @param longitude degrees
   */
  record DemoProfile(
      String email,
      String name,
      List<String> skills,
      List<String> tags,
      List<String> interests,
      String level,
      String location,
      double latitude,
      double longitude) {}

  /** Members whose profiles make the demo listings find real matches. */
  static final List<DemoProfile> PROFILES =
      List.of(
          new DemoProfile(
              "member@ring.local",
              null,
              List.of("java", "jakarta ee", "postgresql", "iot"),
              List.of("open source", "makers"),
              List.of("technology", "module_development"),
              "senior",
              "Kyiv",
              50.4501,
              30.5234),
          new DemoProfile(
              "confidential@ring.local",
              null,
              List.of("finance", "due diligence", "strategy"),
              List.of("investment", "venture"),
              List.of("finance", "business"),
              "lead",
              "Kyiv",
              50.4501,
              30.5234),
          new DemoProfile(
              "olena@ring.local",
              "Olena Developer",
              List.of("java", "postgresql", "docker", "rest"),
              List.of("iot", "education"),
              List.of("technology", "database_migration"),
              "mid",
              "Kyiv",
              50.45,
              30.52),
          new DemoProfile(
              "taras@ring.local",
              "Taras Designer",
              List.of("ui design", "figma", "branding", "css"),
              List.of("branding", "startups"),
              List.of("branding_customization", "business"),
              "senior",
              "Lviv",
              49.8397,
              24.0297),
          new DemoProfile(
              "iryna@ring.local",
              "Iryna Teacher",
              List.of("teaching", "curriculum", "java", "mentoring"),
              List.of("education", "java"),
              List.of("education", "documentation_training"),
              "senior",
              "Lviv",
              49.84,
              24.03),
          new DemoProfile(
              "petro@ring.local",
              "Petro Farmer",
              List.of("agronomy", "logistics", "organic farming"),
              List.of("organic", "farming", "logistics"),
              List.of("business", "other"),
              "mid",
              "Poltava",
              49.5883,
              34.5514),
          new DemoProfile(
              "natalia@ring.local",
              "Natalia Translator",
              List.of("translation", "ukrainian", "russian", "english", "localization"),
              List.of("localization", "documentation"),
              List.of("localization", "documentation_training"),
              "senior",
              "Odesa",
              46.4825,
              30.7233),
          new DemoProfile(
              "dmytro@ring.local",
              "Dmytro Payments",
              List.of("java", "stripe", "payments", "security"),
              List.of("fintech", "payments"),
              List.of("payment_integration", "finance", "technology"),
              "lead",
              "Kharkiv",
              49.9935,
              36.2304),
          new DemoProfile(
              "yulia@ring.local",
              "Yulia Junior",
              List.of("javascript", "html", "css"),
              List.of("education", "web"),
              List.of("technology", "education"),
              "junior",
              "Dnipro",
              48.4647,
              35.0462));

  /**
   * Demo member profiles and listings. Listings are inserted as already moderated (active) but not
   * yet matched, so the first matcher run finds real matches; one waits in the admin queue.
   */
  private boolean loadOpportunities() {
    java.util.Optional<UserAccount> member = find("member@ring.local");
    java.util.Optional<UserAccount> confidential = find("confidential@ring.local");
    if (member.isEmpty() || confidential.isEmpty()) {
      return false;
    }
    String hash = null;
    for (DemoProfile p : PROFILES) {
      UserAccount account = find(p.email()).orElse(null);
      if (account == null) {
        if (hash == null) {
          hash = hasher.hash(password.toCharArray());
        }
        account = new UserAccount(p.email(), p.name(), org.ringplatform.identity.Role.MEMBER);
        account.setPasswordHash(hash);
        account.markEmailVerified();
        em.persist(account);
      }
      account.updateProfile(
          account.getDisplayName(),
          account.getUsername(),
          account.getAvatarUrl(),
          account.getBio(),
          p.skills(),
          p.tags(),
          p.location(),
          p.latitude(),
          p.longitude());
      account.describeExperience(p.level(), p.interests());
    }
    em.flush();
    Long makers = entityId("Kyiv Makers Hub");
    Long school = entityId("Lviv Code School");
    Long harvest = entityId("Green Harvest Cooperative");
    Long fund = entityId("Northern Ventures Fund");
    long m = member.get().getId();
    long c = confidential.get().getId();
    listing(
        m,
        makers,
        "job",
        "technology",
        "active",
        "Java developer for an IoT dashboard",
        "Build the Jakarta EE back end of our sensor dashboard with PostgreSQL.",
        List.of("iot", "dashboard"),
        List.of("java", "postgresql", "rest"),
        "Kyiv",
        50.4501,
        30.5234,
        false,
        1500,
        3000,
        "EUR",
        "mid",
        Visibility.PUBLIC,
        false);
    listing(
        m,
        school,
        "mentorship",
        "education",
        "active",
        "Mentors for evening Java courses",
        "Experienced developers mentoring adults who are changing careers into programming.",
        List.of("education", "java"),
        List.of("java", "mentoring", "teaching"),
        "Lviv",
        49.8397,
        24.0297,
        true,
        null,
        null,
        null,
        "senior",
        Visibility.PUBLIC,
        false);
    listing(
        m,
        makers,
        "offer",
        "branding_customization",
        "active",
        "Brand refresh for a maker space",
        "We offer a paid project: logo, colours and a small style guide for our community.",
        List.of("branding", "makers"),
        List.of("branding", "figma", "ui design"),
        "Lviv",
        49.84,
        24.03,
        true,
        800,
        1200,
        "EUR",
        null,
        Visibility.PUBLIC,
        false);
    listing(
        m,
        null,
        "request",
        "localization",
        "active",
        "Translate the platform into Ukrainian",
        "Looking for a translator to localise about 2,000 interface strings into Ukrainian.",
        List.of("localization", "documentation"),
        List.of("translation", "ukrainian", "english"),
        null,
        null,
        null,
        true,
        300,
        600,
        "USD",
        null,
        Visibility.SUBSCRIBER,
        false);
    listing(
        m,
        harvest,
        "partnership",
        "business",
        "active",
        "Logistics partner for seasonal produce",
        "A cooperative looks for a partner to plan deliveries from Poltava to Kyiv markets.",
        List.of("logistics", "farming"),
        List.of("logistics", "agronomy"),
        "Poltava",
        49.5883,
        34.5514,
        false,
        null,
        null,
        null,
        null,
        Visibility.MEMBER,
        false);
    listing(
        m,
        makers,
        "job",
        "payment_integration",
        "pending",
        "Stripe integration for our shop",
        "Connect our member shop to Stripe with signed webhooks and refunds.",
        List.of("payments", "fintech"),
        List.of("java", "stripe", "payments"),
        "Kharkiv",
        49.9935,
        36.2304,
        true,
        2000,
        4000,
        "EUR",
        "senior",
        Visibility.PUBLIC,
        false);
    listing(
        c,
        fund,
        "program",
        "finance",
        "active",
        "Due diligence analyst for a seed round",
        "Confidential: review three early-stage companies before the fund's investment committee.",
        List.of("investment", "venture"),
        List.of("due diligence", "finance"),
        "Kyiv",
        50.4501,
        30.5234,
        false,
        5000,
        8000,
        "EUR",
        "lead",
        Visibility.CONFIDENTIAL,
        true);
    LOG.info("Loaded the Demo Ring dataset: " + PROFILES.size() + " profiles, 7 listings");
    return true;
  }

  private Long entityId(String name) {
    List<?> ids =
        em.createNativeQuery("select id from ring.entities where name = ?1 order by id limit 1")
            .setParameter(1, name)
            .getResultList();
    return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
  }

  @SuppressWarnings("java:S107")
  private void listing(
      long author,
      Long entity,
      String type,
      String category,
      String status,
      String title,
      String summary,
      List<String> tags,
      List<String> skills,
      String location,
      Double latitude,
      Double longitude,
      boolean remote,
      Integer budgetMin,
      Integer budgetMax,
      String currency,
      String level,
      Visibility visibility,
      boolean confidential) {
    em.createNativeQuery(
            "insert into ring.opportunities(type, title, summary, category, tags, skills, location,"
                + " latitude, longitude, remote, budget_min, budget_max, currency, expires_at,"
                + " visibility, confidential, entity_id, author_id, status, experience_level,"
                + " submitted_at, activated_at)"
                + " values (?1, ?2, ?3, ?4, string_to_array(?5, '|'), string_to_array(?6, '|'),"
                + " ?7, ?8, ?9, ?10, ?11, ?12, ?13, now() + interval '60 days', ?14, ?15, ?16,"
                + " ?17, ?18, ?19, now(), case when ?18 = 'active' then now() end)")
        .setParameter(1, type)
        .setParameter(2, title)
        .setParameter(3, summary)
        .setParameter(4, category)
        .setParameter(5, String.join("|", tags))
        .setParameter(6, String.join("|", skills))
        .setParameter(7, location)
        .setParameter(8, latitude)
        .setParameter(9, longitude)
        .setParameter(10, remote)
        .setParameter(11, budgetMin)
        .setParameter(12, budgetMax)
        .setParameter(13, currency)
        .setParameter(14, visibility.id())
        .setParameter(15, confidential)
        .setParameter(16, entity)
        .setParameter(17, author)
        .setParameter(18, status)
        .setParameter(19, level)
        .executeUpdate();
  }

  // ---- The store -----------------------------------------------------------------------------

  /**
   * Two active stores on entities of two demo members (not member@ring.local, who can then buy from
   * both), with eight approved products in stock, two of them sold by variant.
   */
  private boolean loadStore() {
    java.util.Optional<UserAccount> olena = find("olena@ring.local");
    java.util.Optional<UserAccount> petro = find("petro@ring.local");
    java.util.Optional<UserAccount> admin = find("admin@ring.local");
    if (olena.isEmpty() || petro.isEmpty() || admin.isEmpty()) {
      return false;
    }
    entity(
        olena.get(),
        "Kyiv Electronics Workshop",
        EntityType.TECHNOLOGY_SOFTWARE,
        "Sensor kits, tools and courses for makers, assembled and tested in Kyiv.",
        "Kyiv",
        50.4501,
        30.5234,
        List.of("electronics", "makers"),
        Visibility.PUBLIC,
        false);
    entity(
        petro.get(),
        "Poltava Farm Shop",
        EntityType.AGRICULTURE_FOOD,
        "Honey, grain and oil from family farms around Poltava.",
        "Poltava",
        49.5883,
        34.5514,
        List.of("organic", "farming"),
        Visibility.PUBLIC,
        false);
    em.flush();
    String currency = storeCurrency == null ? "UAH" : storeCurrency.strip().toUpperCase();
    long adminId = admin.get().getId();
    long workshop =
        vendor(
            entityId("Kyiv Electronics Workshop"),
            olena.get().getId(),
            "Kyiv Electronics Workshop",
            "kyiv-electronics",
            "Sensor kits, tools and video courses for makers. Shipped from Kyiv in two days.",
            "growth",
            adminId);
    long farm =
        vendor(
            entityId("Poltava Farm Shop"),
            petro.get().getId(),
            "Poltava Farm Shop",
            "poltava-farm",
            "Seasonal honey, grain and cold-pressed oil straight from Poltava farms.",
            "starter",
            adminId);
    long actor = olena.get().getId();
    product(
        workshop,
        "kyiv-electronics",
        actor,
        "ESP32 sensor kit",
        "An ESP32 board with temperature, humidity and light sensors, cables and a quick-start"
            + " guide. Ready for Wi-Fi dashboards.",
        "electronics",
        "physical",
        65000,
        currency,
        "KEW-ESP32-KIT",
        25,
        List.of());
    product(
        workshop,
        "kyiv-electronics",
        actor,
        "Soldering station 60 W",
        "Temperature-controlled soldering station, 200-480 °C, with a stand and three tips.",
        "electronics",
        "physical",
        189900,
        currency,
        "KEW-SOLDER-60",
        8,
        List.of());
    product(
        workshop,
        "kyiv-electronics",
        actor,
        "Raspberry Pi case",
        "A snap-fit case for the Raspberry Pi 4 and 5 with room for a fan.",
        "computers",
        "physical",
        34900,
        currency,
        "KEW-PI-CASE",
        0,
        List.of(
            new DemoVariant("Black", "KEW-PI-CASE-BLK", 34900, 12),
            new DemoVariant("Transparent", "KEW-PI-CASE-CLR", 32900, 5)));
    product(
        workshop,
        "kyiv-electronics",
        actor,
        "Arduino starter course (video)",
        "Twelve video lessons from blinking an LED to a weather station, with the sketches."
            + " Delivered as a download link.",
        "digital_goods",
        "digital",
        49900,
        currency,
        "KEW-COURSE-ARD",
        0,
        List.of());
    actor = petro.get().getId();
    product(
        farm,
        "poltava-farm",
        actor,
        "Wildflower honey",
        "Raw wildflower honey from our own hives near Poltava, harvested in July.",
        "food_drinks",
        "physical",
        18000,
        currency,
        "PFS-HONEY",
        0,
        List.of(
            new DemoVariant("250 g", "PFS-HONEY-250", 18000, 30),
            new DemoVariant("500 g", "PFS-HONEY-500", 32000, 20),
            new DemoVariant("1 kg", "PFS-HONEY-1000", 59000, 6)));
    product(
        farm,
        "poltava-farm",
        actor,
        "Organic buckwheat 1 kg",
        "Certified organic buckwheat, hulled and roasted.",
        "food_drinks",
        "physical",
        9500,
        currency,
        "PFS-BUCKWHEAT",
        100,
        List.of());
    product(
        farm,
        "poltava-farm",
        actor,
        "Cold-pressed sunflower oil 1 l",
        "Unrefined sunflower oil pressed cold in small batches; keep it in the dark.",
        "food_drinks",
        "physical",
        14000,
        currency,
        "PFS-OIL",
        40,
        List.of());
    product(
        farm,
        "poltava-farm",
        actor,
        "Seasonal vegetable box",
        "Five kilograms of whatever the farm harvested this week, packed on the day it ships.",
        "agriculture",
        "physical",
        45000,
        currency,
        "PFS-VEG-BOX",
        3,
        List.of());
    LOG.info("Loaded the Demo Ring dataset: 2 stores, 8 products");
    return true;
  }

  /**
   * A variant of a demo product.
   *
   * @param name its name
   * @param sku its SKU
   * @param priceMinor its price
   * @param stock units in stock
   */
  record DemoVariant(String name, String sku, long priceMinor, int stock) {}

  private long vendor(
      Long entityId,
      long ownerId,
      String name,
      String slug,
      String description,
      String tier,
      long adminId) {
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into ring.vendors(entity_id, owner_id, name, slug, description, status,"
                        + " tier, decided_by, decided_at) values (?1, ?2, ?3, ?4, ?5, 'active', ?6,"
                        + " ?7, now()) returning id")
                .setParameter(1, entityId)
                .setParameter(2, ownerId)
                .setParameter(3, name)
                .setParameter(4, slug)
                .setParameter(5, description)
                .setParameter(6, tier)
                .setParameter(7, adminId)
                .getSingleResult();
    vendorEvent(id.longValue(), "opened", ownerId, name);
    vendorEvent(id.longValue(), "approved", adminId, "Demo store");
    return id.longValue();
  }

  private void vendorEvent(long vendorId, String action, long actorId, String note) {
    em.createNativeQuery(
            "insert into ring.vendor_events(vendor_id, action, actor_id, note)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, vendorId)
        .setParameter(2, action)
        .setParameter(3, actorId)
        .setParameter(4, note)
        .executeUpdate();
  }

  @SuppressWarnings("java:S107")
  private void product(
      long vendorId,
      String vendorSlug,
      long ownerId,
      String title,
      String description,
      String category,
      String kind,
      long priceMinor,
      String currency,
      String sku,
      int stock,
      List<DemoVariant> variants) {
    Number id =
        (Number)
            em.createNativeQuery(
                    "insert into ring.store_products(vendor_id, title, slug, description, category,"
                        + " kind, price_minor, currency, sku, status) values (?1, ?2, ?3, ?4, ?5,"
                        + " ?6, ?7, ?8, ?9, 'active') returning id")
                .setParameter(1, vendorId)
                .setParameter(2, title)
                .setParameter(3, vendorSlug + "-" + sku.toLowerCase(java.util.Locale.ROOT))
                .setParameter(4, description)
                .setParameter(5, category)
                .setParameter(6, kind)
                .setParameter(7, priceMinor)
                .setParameter(8, currency)
                .setParameter(9, sku)
                .getSingleResult();
    long productId = id.longValue();
    photo(productId, title);
    if (variants.isEmpty()) {
      if ("physical".equals(kind)) {
        stock(productId, null, stock, ownerId);
      }
      return;
    }
    int position = 0;
    for (DemoVariant v : variants) {
      Number variantId =
          (Number)
              em.createNativeQuery(
                      "insert into ring.product_variants(product_id, name, sku, price_minor,"
                          + " position) values (?1, ?2, ?3, ?4, ?5) returning id")
                  .setParameter(1, productId)
                  .setParameter(2, v.name())
                  .setParameter(3, v.sku())
                  .setParameter(4, v.priceMinor())
                  .setParameter(5, position++)
                  .getSingleResult();
      stock(productId, variantId.longValue(), v.stock(), ownerId);
    }
  }

  /**
   * A generated photo for a demo product (a soft gradient with a disc, its colour from the title),
   * stored where the catalogue keeps photos. A photo that cannot be written is left out: the
   * product page then says it has none.
   */
  private void photo(long productId, String title) {
    float hue = (title.hashCode() & 0xffff) / 65536f;
    BufferedImage image = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 480; x++) {
      for (int y = 0; y < 480; y++) {
        float t = (x + y) / 958f;
        int dx = x - 240;
        int dy = y - 250;
        boolean disc = dx * dx + dy * dy < 150 * 150;
        image.setRGB(
            x,
            y,
            disc
                ? Color.HSBtoRGB(hue + 0.05f, 0.35f, 1f)
                : Color.HSBtoRGB(hue + 0.08f * t, 0.5f, 0.92f - 0.25f * t));
      }
    }
    Path root = Path.of(dataDir).toAbsolutePath().normalize().resolve("uploads/store/products");
    Path file = root.resolve(String.valueOf(productId)).resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectories(file.getParent());
      if (!ImageIO.write(image, "png", file.toFile())) {
        return;
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "No demo photo for product " + productId, e);
      return;
    }
    em.createNativeQuery(
            "insert into ring.product_images(product_id, path, content_type, position)"
                + " values (?1, ?2, 'image/png', 0)")
        .setParameter(1, productId)
        .setParameter(2, root.relativize(file).toString())
        .executeUpdate();
  }

  /** A stock level with its initial movement, as the vendor's first stock entry makes it. */
  private void stock(long productId, Long variantId, int units, long actorId) {
    Number levelId =
        (Number)
            em.createNativeQuery(
                    "insert into ring.inventory_levels(product_id, variant_id, available)"
                        + " values (?1, ?2, ?3) returning id")
                .setParameter(1, productId)
                .setParameter(2, variantId)
                .setParameter(3, units)
                .getSingleResult();
    em.createNativeQuery(
            "insert into ring.stock_movements(level_id, kind, change, stock_before, stock_after,"
                + " actor_id, reason) values (?1, 'initial', ?2, 0, ?2, ?3, 'Demo stock')")
        .setParameter(1, levelId.longValue())
        .setParameter(2, units)
        .setParameter(3, actorId)
        .executeUpdate();
  }
}
