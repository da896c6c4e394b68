package org.ringplatform.opportunity.internal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.ringplatform.entity.Organisation;
import org.ringplatform.identity.AuthenticatedUser;
import org.ringplatform.opportunity.ConfidentialRooms;
import org.ringplatform.opportunity.OpportunityService;
import org.ringplatform.platform.RingException;

/** Confidential rooms from the entity and opportunity tables, with the role checked first. */
@Stateless
public class DefaultConfidentialRooms implements ConfidentialRooms {

  @PersistenceContext private EntityManager em;
  @Inject private OpportunityService opportunities;

  private static void requireAccess(AuthenticatedUser actor) {
    if (actor == null || !actor.role().hasConfidentialAccess()) {
      throw RingException.forbidden("The confidential rooms need confidential access.");
    }
  }

  @Override
  public List<Organisation> entities(AuthenticatedUser actor, int limit) {
    requireAccess(actor);
    @SuppressWarnings("unchecked")
    List<Organisation> rows =
        em.createNativeQuery(
                "select e.* from ring.entities e where (e.confidential or e.visibility ="
                    + " 'confidential') and (e.moderation_status <> 'blocked' or ?1 or e.owner_id"
                    + " = ?2) and not exists (select 1 from ring.entity_blocks b where b.entity_id"
                    + " = e.id and b.user_id = ?2) order by e.created_at desc, e.id desc",
                Organisation.class)
            .setParameter(1, actor.role().isPlatformAdmin())
            .setParameter(2, actor.id())
            .setMaxResults(Math.max(1, Math.min(limit, 100)))
            .getResultList();
    return rows;
  }

  @Override
  public OpportunityService.Page opportunities(AuthenticatedUser actor, int offset, int limit) {
    requireAccess(actor);
    OpportunityService.Filter board = OpportunityService.Filter.board();
    return opportunities.search(
        Optional.of(actor),
        new OpportunityService.Filter(
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            false,
            false,
            null,
            false,
            true,
            board.sort()),
        offset,
        limit);
  }
}
