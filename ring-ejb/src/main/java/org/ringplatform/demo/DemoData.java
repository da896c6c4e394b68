package org.ringplatform.demo;

import java.util.List;
import org.ringplatform.identity.Role;

/**
 * The "Demo Ring" dataset: sample accounts and entities (and, as features arrive, opportunities and
 * products) that make a fresh deployment explorable. Each part is loaded at most once per database.
 */
public interface DemoData {

  /** The demo accounts, one per role. */
  List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("superadmin@ring.local", "Sofia Superadmin", Role.SUPERADMIN),
          new DemoAccount("admin@ring.local", "Andriy Admin", Role.ADMIN),
          new DemoAccount("confidential@ring.local", "Clara Confidential", Role.CONFIDENTIAL),
          new DemoAccount("member@ring.local", "Mykola Member", Role.MEMBER),
          new DemoAccount("subscriber@ring.local", "Sasha Subscriber", Role.SUBSCRIBER));

  /**
   * Loads the dataset unless this database already has it.
   *
   * @return true when this call loaded it, false when it was there before
   */
  boolean loadOnce();

  /**
   * One demo account.
   *
   * @param email sign-in email
   * @param displayName name shown in the portal
   * @param role place on the ladder
   */
  record DemoAccount(String email, String displayName, Role role) {}
}
