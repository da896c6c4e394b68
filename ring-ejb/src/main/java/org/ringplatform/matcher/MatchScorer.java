package org.ringplatform.matcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ringplatform.identity.Role;
import org.ringplatform.identity.VisibilityPolicy;

/**
 * The deterministic, explainable score of a member for a listing, 0-100: the weighted mean of the
 * factors that apply to the listing (skills overlap, tags and category interest, distance,
 * experience), renormalised over those factors so a listing without skills is not capped. The same
 * inputs always give the same matches in the same order (best score first, then lower user id).
 */
public final class MatchScorer {

  private static final double EARTH_KM = 6371.0088;
  private static final double EPSILON = 1e-9;

  private final MatcherSettings settings;

  public MatchScorer(MatcherSettings settings) {
    this.settings = settings;
  }

  /** A member that passed the threshold, before it becomes a stored {@link Match}. */
  public static final class Candidate {
    final int index;
    final long userId;
    final int score;
    final double skills;
    final double tags;
    final double distance;
    final double distanceKm;
    final double experience;

    Candidate(
        int index,
        long userId,
        int score,
        double skills,
        double tags,
        double distance,
        double distanceKm,
        double experience) {
      this.index = index;
      this.userId = userId;
      this.score = score;
      this.skills = skills;
      this.tags = tags;
      this.distance = distance;
      this.distanceKm = distanceKm;
      this.experience = experience;
    }

    public long userId() {
      return userId;
    }

    public int score() {
      return score;
    }
  }

  /** The listing's side of the comparison, prepared once per listing. */
  private record Prepared(
      int[] skills,
      int skillCount,
      int[] terms,
      int termCount,
      boolean distanceApplies,
      boolean remote,
      double lat,
      double lon,
      byte level,
      double totalWeight) {}

  /** The best members for {@code listing}, at most {@code limit}, each at or above threshold. */
  public List<Candidate> rank(Listing listing, MemberSnapshot members, int limit) {
    Prepared p = prepare(listing, members);
    if (p.totalWeight <= 0 || limit <= 0) {
      return List.of();
    }
    boolean[] roleAllowed = new boolean[Role.values().length];
    for (Role r : Role.values()) {
      roleAllowed[r.level()] =
          r.isPersistable()
              && VisibilityPolicy.canSee(r, listing.visibility(), listing.confidential());
    }
    long[] excluded = listing.excluded() == null ? new long[0] : listing.excluded();
    double wSkills = p.skillCount > 0 ? settings.skillsWeight() : 0;
    double wTags = p.termCount > 0 ? settings.tagsWeight() : 0;
    double wDistance = p.distanceApplies ? settings.distanceWeight() : 0;
    double wExperience = p.level >= 0 ? settings.experienceWeight() : 0;
    // score >= threshold  <=>  weighted sum >= need (rounding half up, as Math.round does)
    double need = (settings.threshold() - 0.5) * p.totalWeight / 100.0 - EPSILON;
    Candidate[] top = new Candidate[limit];
    int kept = 0;
    int n = members.size();
    for (int i = 0; i < n; i++) {
      if (!roleAllowed[members.roleLevels[i]]) {
        continue;
      }
      long userId = members.userIds[i];
      if (userId == listing.authorId()
          || (excluded.length > 0 && Arrays.binarySearch(excluded, userId) >= 0)) {
        continue;
      }
      double skills = 0;
      double sum = 0;
      if (wSkills > 0) {
        skills = overlap(p.skills, members.skills[i]) / (double) p.skillCount;
        sum += wSkills * skills;
      }
      if (sum + wTags + wDistance + wExperience < need) {
        continue;
      }
      double tags = 0;
      if (wTags > 0) {
        tags = overlap(p.terms, members.interests[i]) / (double) p.termCount;
        sum += wTags * tags;
      }
      double experience = 0;
      if (wExperience > 0) {
        byte level = members.levels[i];
        experience = level < 0 ? 0.5 : Math.max(1 - 0.25 * Math.abs(level - p.level), 0.25);
        sum += wExperience * experience;
      }
      if (sum + wDistance < need) {
        continue;
      }
      double distance = 0;
      double km = Double.NaN;
      if (wDistance > 0) {
        if (p.remote) {
          distance = 1;
        } else if (Double.isNaN(members.latitudes[i])) {
          distance = 0.5;
        } else {
          km = haversineKm(p.lat, p.lon, members.latitudes[i], members.longitudes[i]);
          distance = distanceScore(km);
        }
        sum += wDistance * distance;
      }
      if (sum < need) {
        continue;
      }
      int score = (int) Math.round(100.0 * sum / p.totalWeight);
      if (score < settings.threshold()) {
        continue;
      }
      // Members arrive by ascending id, so an equal score never displaces an earlier member.
      if (kept == limit && score <= top[kept - 1].score) {
        continue;
      }
      Candidate c = new Candidate(i, userId, score, skills, tags, distance, km, experience);
      int pos = kept == limit ? limit - 1 : kept++;
      while (pos > 0 && top[pos - 1].score < score) {
        top[pos] = top[pos - 1];
        pos--;
      }
      top[pos] = c;
    }
    return List.of(Arrays.copyOf(top, kept));
  }

  /** The stored form of a candidate: its breakdown JSON and a one-line explanation. */
  public Match toMatch(
      Listing listing, MemberSnapshot members, Candidate c, String method, String extraJson) {
    Prepared p = prepare(listing, members);
    StringBuilder json = new StringBuilder("{\"method\":").append(Json.quote(method));
    json.append(",\"total\":").append(c.score);
    List<String> why = new ArrayList<>();
    if (p.skillCount > 0) {
      List<String> matched = matchedTerms(listing.skills(), members, members.skills[c.index]);
      factor(json, "skills", settings.skillsWeight(), c.skills, matched);
      if (!matched.isEmpty()) {
        why.add("skills " + String.join(", ", matched));
      }
    }
    if (p.termCount > 0) {
      List<String> matched = matchedTerms(terms(listing), members, members.interests[c.index]);
      factor(json, "tags", settings.tagsWeight(), c.tags, matched);
      if (!matched.isEmpty()) {
        why.add("interests " + String.join(", ", matched));
      }
    }
    if (p.distanceApplies) {
      json.append(",\"distance\":{\"weight\":")
          .append(settings.distanceWeight())
          .append(",\"score\":")
          .append(pct(c.distance));
      if (p.remote) {
        json.append(",\"remote\":true");
        why.add("remote");
      } else if (Double.isNaN(c.distanceKm)) {
        json.append(",\"unknown\":true");
      } else {
        long km = Math.round(c.distanceKm);
        json.append(",\"km\":").append(km);
        why.add(km + " km away");
      }
      json.append('}');
    }
    if (p.level >= 0) {
      byte level = members.levels[c.index];
      json.append(",\"experience\":{\"weight\":")
          .append(settings.experienceWeight())
          .append(",\"score\":")
          .append(pct(c.experience))
          .append(",\"wanted\":")
          .append(Json.quote(MemberSnapshot.LEVELS.get(p.level)))
          .append(",\"member\":")
          .append(level < 0 ? "null" : Json.quote(MemberSnapshot.LEVELS.get(level)))
          .append('}');
      if (level == p.level) {
        why.add(MemberSnapshot.LEVELS.get(level) + " level");
      }
    }
    if (extraJson != null && !extraJson.isEmpty()) {
      json.append(',').append(extraJson);
    }
    json.append('}');
    String explanation = why.isEmpty() ? "overall fit" : String.join("; ", why);
    return new Match(c.userId, c.score, json.toString(), truncate(explanation, 500));
  }

  /** The display name the snapshot holds for a candidate. */
  public static String nameOf(MemberSnapshot members, Candidate c) {
    return members.names[c.index];
  }

  /** The distance factor: full up to the near radius, falling linearly to zero at the far one. */
  double distanceScore(double km) {
    if (km <= settings.nearKm()) {
      return 1;
    }
    if (km >= settings.farKm()) {
      return 0;
    }
    return 1 - (km - settings.nearKm()) / (settings.farKm() - settings.nearKm());
  }

  /** Great-circle distance between two points given in radians. */
  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = lat2 - lat1;
    double dLon = lon2 - lon1;
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private Prepared prepare(Listing listing, MemberSnapshot members) {
    int[] skills = ids(listing.skills(), members);
    int skillCount = distinct(listing.skills());
    List<String> terms = terms(listing);
    int[] termIds = ids(terms, members);
    int termCount = distinct(terms);
    boolean located = listing.latitude() != null && listing.longitude() != null;
    boolean distanceApplies = listing.remote() || located;
    byte level = MemberSnapshot.level(listing.experienceLevel());
    double total =
        (skillCount > 0 ? settings.skillsWeight() : 0)
            + (termCount > 0 ? settings.tagsWeight() : 0)
            + (distanceApplies ? settings.distanceWeight() : 0)
            + (level >= 0 ? settings.experienceWeight() : 0);
    return new Prepared(
        skills,
        skillCount,
        termIds,
        termCount,
        distanceApplies,
        listing.remote(),
        located ? Math.toRadians(listing.latitude()) : Double.NaN,
        located ? Math.toRadians(listing.longitude()) : Double.NaN,
        level,
        total);
  }

  /** The listing's tags plus its category: "category interest" is one more term to share. */
  static List<String> terms(Listing listing) {
    List<String> terms = new ArrayList<>();
    if (listing.tags() != null) {
      terms.addAll(listing.tags());
    }
    if (listing.category() != null && !listing.category().isBlank()) {
      terms.add(listing.category());
    }
    return terms;
  }

  private static int[] ids(List<String> terms, MemberSnapshot members) {
    if (terms == null || terms.isEmpty()) {
      return MemberSnapshot.EMPTY;
    }
    int[] ids = new int[terms.size()];
    int n = 0;
    for (String t : terms) {
      int id = members.termId(t);
      if (id >= 0) {
        ids[n++] = id;
      }
    }
    return MemberSnapshot.sortedDistinct(ids, n);
  }

  private static int distinct(List<String> terms) {
    if (terms == null) {
      return 0;
    }
    Set<String> set = new LinkedHashSet<>();
    for (String t : terms) {
      String key = MemberSnapshot.normalise(t);
      if (!key.isEmpty()) {
        set.add(key);
      }
    }
    return set.size();
  }

  /** Size of the intersection of two sorted int arrays. */
  static int overlap(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        n++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return n;
  }

  private static List<String> matchedTerms(
      List<String> terms, MemberSnapshot members, int[] memberIds) {
    Set<String> matched = new LinkedHashSet<>();
    if (terms != null) {
      for (String t : terms) {
        int id = members.termId(t);
        if (id >= 0 && Arrays.binarySearch(memberIds, id) >= 0) {
          matched.add(MemberSnapshot.normalise(t));
        }
      }
    }
    return List.copyOf(matched);
  }

  private static void factor(
      StringBuilder json, String name, int weight, double score, List<String> matched) {
    json.append(",\"")
        .append(name)
        .append("\":{\"weight\":")
        .append(weight)
        .append(",\"score\":")
        .append(pct(score))
        .append(",\"matched\":[");
    for (int i = 0; i < matched.size(); i++) {
      json.append(i == 0 ? "" : ",").append(Json.quote(matched.get(i)));
    }
    json.append("]}");
  }

  private static long pct(double v) {
    return Math.round(100 * v);
  }

  static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
