package org.ringplatform.entity;

import java.util.Arrays;
import java.util.Optional;

/** The industry of an entity, from the reference's preset catalogue (section 4.1). */
public enum EntityType {
  TECHNOLOGY_SOFTWARE("technologySoftware"),
  MANUFACTURING_INDUSTRY("manufacturingIndustry"),
  FINANCIAL_SERVICES("financialServices"),
  HEALTHCARE_MEDICAL("healthcareMedical"),
  EDUCATION_TRAINING("educationTraining"),
  REAL_ESTATE_CONSTRUCTION("realEstateConstruction"),
  RETAIL_ECOMMERCE("retailEcommerce"),
  PROFESSIONAL_SERVICES("professionalServices"),
  MEDIA_ENTERTAINMENT("mediaEntertainment"),
  TRANSPORTATION_LOGISTICS("transportationLogistics"),
  ENERGY_UTILITIES("energyUtilities"),
  AGRICULTURE_FOOD("agricultureFood"),
  GOVERNMENT_PUBLIC_SECTOR("governmentPublicSector"),
  NON_PROFIT_NGO("nonProfitNgo"),
  RESEARCH_DEVELOPMENT("researchDevelopment"),
  CONSULTING_ADVISORY("consultingAdvisory"),
  LEGAL_SERVICES("legalServices"),
  MARKETING_ADVERTISING("marketingAdvertising"),
  HOSPITALITY_TOURISM("hospitalityTourism"),
  SPORTS_RECREATION("sportsRecreation"),
  ARTS_CULTURE("artsCulture"),
  ENVIRONMENTAL_SERVICES("environmentalServices"),
  TELECOMMUNICATIONS("telecommunications"),
  AEROSPACE_DEFENSE("aerospaceDefense"),
  PHARMACEUTICALS("pharmaceuticals"),
  OTHER("other");

  private final String id;

  EntityType(String id) {
    this.id = id;
  }

  /** The id used in the database, the API and resource-bundle keys. */
  public String id() {
    return id;
  }

  public static Optional<EntityType> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }
}
