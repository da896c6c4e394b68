package org.ringplatform.demo.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
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
  private static final Logger LOG = Logger.getLogger(DefaultDemoData.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private PasswordHasher hasher;

  @Inject
  @ConfigProperty(name = "ring.demo.password")
  private String password;

  @Override
  public boolean loadOnce() {
    // Each part of the dataset has its own marker, so a database that got the accounts from an
    // older version still gets the parts added since, and nothing is ever loaded twice.
    boolean accounts = claim(MARKER) && loadAccounts();
    boolean entities = claim(ENTITIES_MARKER) && loadEntities();
    return accounts || entities;
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
}
