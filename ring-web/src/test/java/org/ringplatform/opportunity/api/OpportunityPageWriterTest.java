package org.ringplatform.opportunity.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringplatform.opportunity.api.OpportunitiesResource.OpportunityPage;

/** The hand-written page writer keeps JSON-B's shape: every property, lexicographical, no nulls. */
class OpportunityPageWriterTest {

  private static List<String> sortedComponents(Class<?> record) {
    return Arrays.stream(record.getRecordComponents())
        .map(RecordComponent::getName)
        .sorted()
        .toList();
  }

  @Test
  void thePropertiesAreTheRecordsInLexicographicalOrder() {
    assertEquals(sortedComponents(OpportunityPage.class), OpportunityPageWriter.PAGE_PROPERTIES);
    assertEquals(sortedComponents(OpportunityView.class), OpportunityPageWriter.VIEW_PROPERTIES);
  }

  @Test
  void aFullListingHasEveryPropertyInOrderAndNullsAreLeftOut() {
    OffsetDateTime t = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6000, ZoneOffset.UTC);
    OpportunityView full =
        new OpportunityView(
            1,
            "offer",
            "T",
            "S",
            "D",
            "technology",
            List.of("a"),
            List.of("b"),
            "Kyiv",
            50.45,
            30.5,
            true,
            new BigDecimal("100.00"),
            new BigDecimal("250.50"),
            "EUR",
            t,
            "public",
            false,
            "c",
            9L,
            2,
            "active",
            "mid",
            3,
            "n",
            4,
            t,
            t,
            t,
            t,
            t);
    OpportunityView sparse =
        new OpportunityView(
            2,
            "request",
            "T",
            "S",
            null,
            "technology",
            List.of(),
            List.of(),
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            null,
            "public",
            false,
            null,
            null,
            2,
            "active",
            null,
            0,
            null,
            1,
            t,
            t,
            null,
            null,
            null);
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Json.createGenerator(out)) {
      OpportunityPageWriter.write(g, new OpportunityPage(List.of(full, sparse), 2, false, 0, 20));
    }
    JsonObject page = Json.createReader(new StringReader(out.toString())).readObject();
    assertEquals(OpportunityPageWriter.PAGE_PROPERTIES, List.copyOf(page.keySet()));
    JsonObject first = page.getJsonArray("items").getJsonObject(0);
    assertEquals(OpportunityPageWriter.VIEW_PROPERTIES, List.copyOf(first.keySet()));
    assertEquals("2026-01-02T03:04:05.000006Z", first.getString("createdAt"));
    assertEquals(new BigDecimal("250.50"), first.getJsonNumber("budgetMax").bigDecimalValue());
    JsonObject second = page.getJsonArray("items").getJsonObject(1);
    assertEquals(false, second.containsKey("description"));
    assertEquals(false, second.containsKey("entityId"));
    assertEquals("[]", second.getJsonArray("tags").toString());
  }
}
