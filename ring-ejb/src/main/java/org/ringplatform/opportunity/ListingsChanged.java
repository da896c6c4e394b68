package org.ringplatform.opportunity;

/**
 * A CDI event fired by every change that can alter what a listing search answers: a listing
 * created, edited, moved in its lifecycle (moderation, close, archive, expiry, auto-approval) or
 * deleted, its applicant count, a person's "save" or "not interested", an entity blocked,
 * unblocked, hidden, shown again or deleted. The search's result cache is emptied when the
 * transaction that fired it commits (at once when there is none).
 *
 * @param opportunityId the listing, or null when the change concerns many (an entity)
 * @param what a short word for the logs: {@code created}, {@code status}, {@code entity_blocked}
 */
public record ListingsChanged(Long opportunityId, String what) {}
