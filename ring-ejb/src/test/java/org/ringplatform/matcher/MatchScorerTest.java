package org.ringplatform.matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.Visibility;

/** The deterministic score: weights, renormalisation, distance, experience, threshold and cap. */
class MatchScorerTest {

  private static final MatcherSettings DEFAULTS = MatcherSettings.defaults();
  private static final double KYIV_LAT = 50.45;
  private static final double KYIV_LON = 30.52;

  private static Listing listing(
      List<String> skills,
      List<String> tags,
      Double lat,
      Double lon,
      boolean remote,
      String level) {
    return new Listing(
        1,
        "A listing",
        "active",
        999,
        null,
        Visibility.PUBLIC,
        false,
        "technology",
        tags,
        skills,
        lat,
        lon,
        remote,
        level,
        1,
        new long[0]);
  }

  private static MemberSnapshot one(
      List<String> skills, List<String> interests, Double lat, Double lon, String level) {
    return new MemberSnapshot.Builder()
        .add(10, Role.MEMBER.level(), lat, lon, level, skills, interests, "Ann")
        .build();
  }

  private static int score(MatcherSettings s, Listing l, MemberSnapshot m) {
    MatcherSettings open =
        new MatcherSettings(
            s.skillsWeight(),
            s.tagsWeight(),
            s.distanceWeight(),
            s.experienceWeight(),
            0,
            10,
            s.nearKm(),
            s.farKm(),
            false,
            70,
            false,
            s.llm());
    List<MatchScorer.Candidate> ranked = new MatchScorer(open).rank(l, m, 10);
    return ranked.isEmpty() ? -1 : ranked.get(0).score();
  }

  @Test
  void aPerfectFitScoresOneHundred() {
    Listing l =
        listing(List.of("Java", "SQL"), List.of("backend"), KYIV_LAT, KYIV_LON, false, "senior");
    MemberSnapshot m =
        one(
            List.of("java", "sql "),
            List.of("backend", "technology"),
            KYIV_LAT,
            KYIV_LON,
            "senior");
    assertEquals(100, score(DEFAULTS, l, m));
  }

  @Test
  void factorsAreWeightedFortyThirtyTwentyTen() {
    // Half the skills (20 of 40), no tags (0 of 30), same place (20), same level (10): 50.
    Listing l =
        listing(List.of("java", "go"), List.of("backend"), KYIV_LAT, KYIV_LON, false, "mid");
    MemberSnapshot m = one(List.of("java"), List.of(), KYIV_LAT, KYIV_LON, "mid");
    assertEquals(50, score(DEFAULTS, l, m));
  }

  @Test
  void aListingWithoutSkillsIsRenormalisedNotCappedAtSixty() {
    Listing l = listing(List.of(), List.of("design"), null, null, true, null);
    MemberSnapshot m = one(List.of(), List.of("design", "technology"), null, null, null);
    // Tags (30) and distance (20, remote) apply; both full: 100, where the original capped at 60.
    assertEquals(100, score(DEFAULTS, l, m));
  }

  @Test
  void theCategoryCountsAsOneMoreTagOfTheListing() {
    Listing l = listing(List.of(), List.of("design"), null, null, false, null);
    MemberSnapshot m = one(List.of(), List.of("technology"), null, null, null);
    // Only the tags factor applies: one of {design, technology} shared.
    assertEquals(50, score(DEFAULTS, l, m));
  }

  @Test
  void distanceIsFullNearbyFallsWithKilometresAndIsNeutralWhenUnknown() {
    Listing l = listing(List.of("java"), List.of(), KYIV_LAT, KYIV_LON, false, null);
    List<String> java = List.of("java");
    // skills 40 + tags(category) 0 + distance 20 -> out of 90
    assertEquals(67, score(DEFAULTS, l, one(java, List.of(), KYIV_LAT, KYIV_LON, null)));
    assertEquals(56, score(DEFAULTS, l, one(java, List.of(), null, null, null)));
    // Lviv is about 470 km from Kyiv: nearly zero.
    int lviv = score(DEFAULTS, l, one(java, List.of(), 49.84, 24.03, null));
    assertTrue(lviv >= 44 && lviv <= 46, "Lviv scores " + lviv);
    assertEquals(44, score(DEFAULTS, l, one(java, List.of(), 40.71, -74.0, null)));
    Listing remote = listing(List.of("java"), List.of(), KYIV_LAT, KYIV_LON, true, null);
    assertEquals(67, score(DEFAULTS, remote, one(java, List.of(), 40.71, -74.0, null)));
  }

  @Test
  void haversineKnowsKyivToLviv() {
    double km =
        MatchScorer.haversineKm(
            Math.toRadians(KYIV_LAT), Math.toRadians(KYIV_LON),
            Math.toRadians(49.84), Math.toRadians(24.03));
    assertEquals(470, km, 10);
  }

  @Test
  void experienceFallsAQuarterPerRungAndIsNeutralWhenUnknown() {
    Listing l = listing(List.of(), List.of(), null, null, false, "senior");
    // tags (category) 30 + experience 10 = 40; the member shares the category.
    List<String> cat = List.of("technology");
    assertEquals(100, score(DEFAULTS, l, one(List.of(), cat, null, null, "senior")));
    assertEquals(94, score(DEFAULTS, l, one(List.of(), cat, null, null, "lead")));
    assertEquals(88, score(DEFAULTS, l, one(List.of(), cat, null, null, null)));
    assertEquals(88, score(DEFAULTS, l, one(List.of(), cat, null, null, "junior")));
    Listing junior = listing(List.of(), List.of(), null, null, false, "junior");
    // Three rungs apart: the floor of a quarter.
    assertEquals(81, score(DEFAULTS, junior, one(List.of(), cat, null, null, "lead")));
  }

  @Test
  void weightsComeFromConfiguration() {
    MatcherSettings skillsOnly =
        MatcherSettings.from(
            key ->
                Optional.ofNullable(
                    Map.of(
                            "ring.matcher.weight.tags", "0",
                            "ring.matcher.weight.distance", "0",
                            "ring.matcher.weight.experience", "0")
                        .get(key)));
    Listing l = listing(List.of("java", "go"), List.of("x"), KYIV_LAT, KYIV_LON, false, "mid");
    assertEquals(50, score(skillsOnly, l, one(List.of("go"), List.of(), null, null, null)));
  }

  @Test
  void theThresholdAndTheCapKeepTheBestFirstThenLowerIds() {
    MemberSnapshot.Builder b = new MemberSnapshot.Builder();
    for (int id = 1; id <= 30; id++) {
      List<String> skills =
          id % 3 == 0 ? List.of("java", "sql") : id % 3 == 1 ? List.of("java") : List.of();
      b.add(id, Role.MEMBER.level(), null, null, null, skills, List.of("technology"), "m" + id);
    }
    MemberSnapshot members = b.build();
    Listing l = listing(List.of("java", "sql"), List.of(), null, null, false, null);
    MatcherSettings s =
        MatcherSettings.from(
            key -> Optional.ofNullable(Map.of("ring.matcher.max-matches", "4").get(key)));
    List<MatchScorer.Candidate> ranked = new MatchScorer(s).rank(l, members, s.maxMatches());
    // Full skills and category: 100 for ids 3, 6, 9, 12...; half skills: 71 (>= 70) for 1, 4, ...
    assertEquals(
        List.of(3L, 6L, 9L, 12L), ranked.stream().map(MatchScorer.Candidate::userId).toList());
    List<MatchScorer.Candidate> all = new MatchScorer(DEFAULTS).rank(l, members, 100);
    assertEquals(20, all.size(), "members without any skill (43) stay below 70");
    assertEquals(71, all.get(all.size() - 1).score());
  }

  @Test
  void theAuthorTheExcludedAndRolesBelowTheVisibilityAreNeverMatched() {
    MemberSnapshot members =
        new MemberSnapshot.Builder()
            .add(
                5,
                Role.SUBSCRIBER.level(),
                null,
                null,
                null,
                List.of("java"),
                List.of("technology"),
                "sub")
            .add(
                6,
                Role.MEMBER.level(),
                null,
                null,
                null,
                List.of("java"),
                List.of("technology"),
                "mem")
            .add(
                7,
                Role.CONFIDENTIAL.level(),
                null,
                null,
                null,
                List.of("java"),
                List.of("technology"),
                "conf")
            .add(
                8,
                Role.MEMBER.level(),
                null,
                null,
                null,
                List.of("java"),
                List.of("technology"),
                "blocker")
            .add(
                999,
                Role.MEMBER.level(),
                null,
                null,
                null,
                List.of("java"),
                List.of("technology"),
                "author")
            .build();
    Listing confidential =
        new Listing(
            1,
            "t",
            "active",
            999,
            null,
            Visibility.MEMBER,
            true,
            "technology",
            List.of(),
            List.of("java"),
            null,
            null,
            true,
            null,
            1,
            new long[] {8});
    assertEquals(
        List.of(7L),
        new MatchScorer(DEFAULTS)
            .rank(confidential, members, 10).stream().map(MatchScorer.Candidate::userId).toList());
    Listing memberOnly =
        new Listing(
            1,
            "t",
            "active",
            999,
            null,
            Visibility.MEMBER,
            false,
            "technology",
            List.of(),
            List.of("java"),
            null,
            null,
            true,
            null,
            1,
            new long[] {8});
    assertEquals(
        List.of(6L, 7L),
        new MatchScorer(DEFAULTS)
            .rank(memberOnly, members, 10).stream().map(MatchScorer.Candidate::userId).toList());
  }

  @Test
  void theSameInputGivesTheSameMatchesAndBreakdowns() {
    Listing l =
        listing(List.of("java", "sql"), List.of("backend"), KYIV_LAT, KYIV_LON, false, "mid");
    MemberSnapshot m = one(List.of("java"), List.of("backend"), 50.5, 30.6, "senior");
    ListingMatcher matcher =
        new ListingMatcher(
            MatcherSettings.from(
                key -> Optional.ofNullable(Map.of("ring.matcher.threshold", "10").get(key))));
    ListingMatcher.Result a = matcher.match(l, m);
    ListingMatcher.Result b = matcher.match(l, m);
    assertEquals(a.matches(), b.matches());
    Match only = a.matches().get(0);
    assertTrue(only.breakdown().contains("\"method\":\"deterministic\""), only.breakdown());
    assertTrue(
        only.breakdown().contains("\"skills\":{\"weight\":40,\"score\":50,\"matched\":[\"java\"]}"),
        only.breakdown());
    assertTrue(only.explanation().contains("skills java"), only.explanation());
    assertEquals(
        only.score(),
        ((Number) ((Map<?, ?>) Json.parse(only.breakdown())).get("total")).intValue());
  }
}
