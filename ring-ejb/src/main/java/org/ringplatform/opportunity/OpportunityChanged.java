package org.ringplatform.opportunity;

/**
 * A CDI event fired when a listing the matcher should (re)score was submitted, approved or had a
 * matching-relevant field changed; observers act after the transaction commits.
 *
 * @param opportunityId the listing
 */
public record OpportunityChanged(long opportunityId) {}
