package org.ringplatform.demo.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.identity.PasswordHasher;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.UserAccount;

/**
 * Loads the "Demo Ring" dataset on the first start of a deployment with {@code
 * ring.demo.enabled=true}: one account per role, all with {@code ring.demo.password}. A marker row
 * inserted in the same transaction makes it happen once, even when several servers start together
 * (the second insert waits on the first and then finds the marker).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class DemoDataLoader {

  static final String MARKER = "demo.loaded";

  /** The demo accounts: email, display name and role. */
  public static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("superadmin@ring.local", "Sofia Superadmin", Role.SUPERADMIN),
          new DemoAccount("admin@ring.local", "Andriy Admin", Role.ADMIN),
          new DemoAccount("confidential@ring.local", "Clara Confidential", Role.CONFIDENTIAL),
          new DemoAccount("member@ring.local", "Mykola Member", Role.MEMBER),
          new DemoAccount("subscriber@ring.local", "Sasha Subscriber", Role.SUBSCRIBER));

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private PasswordHasher hasher;

  @Inject
  @ConfigProperty(name = "ring.demo.enabled", defaultValue = "false")
  private boolean enabled;

  @Inject
  @ConfigProperty(name = "ring.demo.password")
  private String password;

  @PostConstruct
  void load() {
    if (!enabled) {
      LOG.fine("Demo data is disabled (ring.demo.enabled=false)");
      return;
    }
    int claimed =
        em.createNativeQuery(
                "insert into ring.platform_state(key, value) values (?1, ?2)"
                    + " on conflict (key) do nothing")
            .setParameter(1, MARKER)
            .setParameter(2, Instant.now().toString())
            .executeUpdate();
    if (claimed == 0) {
      LOG.fine("Demo data was loaded before; nothing to do");
      return;
    }
    int created = 0;
    for (DemoAccount account : ACCOUNTS) {
      boolean exists =
          !em.createNamedQuery(UserAccount.FIND_BY_EMAIL, UserAccount.class)
              .setParameter("email", account.email())
              .getResultList()
              .isEmpty();
      if (!exists) {
        UserAccount user = new UserAccount(account.email(), account.displayName(), account.role());
        user.setPasswordHash(hasher.hash(password.toCharArray()));
        user.markEmailVerified();
        em.persist(user);
        created++;
      }
    }
    LOG.log(Level.INFO, "Loaded the Demo Ring dataset: {0} accounts", created);
  }

  /**
   * One demo account.
   *
   * @param email sign-in email
   * @param displayName name shown in the portal
   * @param role place on the ladder
   */
  public record DemoAccount(String email, String displayName, Role role) {}
}
