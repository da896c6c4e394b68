package org.ringplatform.demo.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.demo.DemoData;
import org.ringplatform.identity.PasswordHasher;
import org.ringplatform.identity.UserAccount;

/**
 * Loads the demo dataset in one transaction together with a marker row: the marker insert is the
 * lock, so when several servers start together one loads and the others find the marker and stop.
 */
@Stateless
public class DefaultDemoData implements DemoData {

  static final String MARKER = "demo.loaded";
  private static final Logger LOG = Logger.getLogger(DefaultDemoData.class.getName());

  @PersistenceContext private EntityManager em;

  @Inject private PasswordHasher hasher;

  @Inject
  @ConfigProperty(name = "ring.demo.password")
  private String password;

  @Override
  public boolean loadOnce() {
    int claimed =
        em.createNativeQuery(
                "insert into ring.platform_state(key, value) values (?1, ?2)"
                    + " on conflict (key) do nothing")
            .setParameter(1, MARKER)
            .setParameter(2, Instant.now().toString())
            .executeUpdate();
    if (claimed == 0) {
      return false;
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
    return true;
  }
}
