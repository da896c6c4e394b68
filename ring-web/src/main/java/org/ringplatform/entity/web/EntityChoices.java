package org.ringplatform.entity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.ringplatform.entity.EntityType;
import org.ringplatform.entity.ReportCategory;

/**
 * The fixed lists the entity pages offer ({@code #{entityChoices.types}}): industry type ids and
 * report category ids, each labelled from the {@code ent} bundle ({@code type.<id>}, {@code
 * report.category.<id>}).
 */
@Named
@ApplicationScoped
public class EntityChoices {

  private static final List<String> TYPES =
      Arrays.stream(EntityType.values()).map(EntityType::id).toList();
  private static final List<String> CATEGORIES =
      Arrays.stream(ReportCategory.values()).map(ReportCategory::id).toList();

  public List<String> getTypes() {
    return TYPES;
  }

  public List<String> getCategories() {
    return CATEGORIES;
  }
}
