package org.ringplatform.opportunity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.ringplatform.identity.Visibility;
import org.ringplatform.opportunity.OpportunityCategory;
import org.ringplatform.opportunity.OpportunityStatus;

/**
 * The fixed lists the opportunity pages offer ({@code #{opportunityChoices.categories}}), each
 * labelled from the {@code opp} bundle.
 */
@Named
@ApplicationScoped
public class OpportunityChoices {

  public List<String> getCategories() {
    return Arrays.stream(OpportunityCategory.values()).map(OpportunityCategory::id).toList();
  }

  public List<String> getStatuses() {
    return Arrays.stream(OpportunityStatus.values()).map(OpportunityStatus::id).toList();
  }

  public List<String> getVisibilities() {
    return Arrays.stream(Visibility.values()).map(Visibility::id).toList();
  }

  public List<String> getLevels() {
    return List.of("junior", "mid", "senior", "lead");
  }

  public List<String> getSorts() {
    return List.of("newest", "relevance", "expiring", "budget");
  }
}
