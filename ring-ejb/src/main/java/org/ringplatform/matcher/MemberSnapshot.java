package org.ringplatform.matcher;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A compact in-memory copy of every eligible member's matching profile, loaded once per job
 * execution: skills and tags interned to int ids in sorted arrays, role level, coordinates and
 * experience level in parallel primitive arrays, ordered by user id. Scoring a listing against
 * 100,000 members is then a tight loop over arrays instead of 100,000 queries.
 */
public final class MemberSnapshot {

  /** Experience levels on their ordinal scale. */
  static final List<String> LEVELS = List.of("junior", "mid", "senior", "lead");

  private final Map<String, Integer> vocabulary;
  final long[] userIds;
  final byte[] roleLevels;
  final double[] latitudes;
  final double[] longitudes;
  final byte[] levels;
  final int[][] skills;
  final int[][] interests;
  final String[] names;

  private MemberSnapshot(Builder b) {
    int n = b.size;
    vocabulary = b.vocabulary;
    userIds = Arrays.copyOf(b.userIds, n);
    roleLevels = Arrays.copyOf(b.roleLevels, n);
    latitudes = Arrays.copyOf(b.latitudes, n);
    longitudes = Arrays.copyOf(b.longitudes, n);
    levels = Arrays.copyOf(b.levels, n);
    skills = Arrays.copyOf(b.skills, n);
    interests = Arrays.copyOf(b.interests, n);
    names = Arrays.copyOf(b.names, n);
  }

  /** How many members the snapshot holds. */
  public int size() {
    return userIds.length;
  }

  /** The interned id of a term, or -1 when no member has it. */
  int termId(String term) {
    Integer id = vocabulary.get(normalise(term));
    return id == null ? -1 : id;
  }

  /** The index of a member, or a negative number when absent. */
  int indexOf(long userId) {
    return Arrays.binarySearch(userIds, userId);
  }

  /** Lower-case and trimmed: "Java " and "java" are the same skill. */
  static String normalise(String term) {
    return term == null ? "" : term.strip().toLowerCase(Locale.ROOT);
  }

  /** The experience level's place on the ladder, or -1 when unknown. */
  static byte level(String level) {
    return (byte) (level == null ? -1 : LEVELS.indexOf(normalise(level)));
  }

  /** Collects members; they must be added in ascending user id order. */
  public static final class Builder {
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private int size;
    private long[] userIds = new long[1024];
    private byte[] roleLevels = new byte[1024];
    private double[] latitudes = new double[1024];
    private double[] longitudes = new double[1024];
    private byte[] levels = new byte[1024];
    private int[][] skills = new int[1024][];
    private int[][] interests = new int[1024][];
    private String[] names = new String[1024];

    /**
     * Adds a member.
     *
     * @param userId id, greater than the previous one added
     * @param roleLevel {@code Role.level()}
     * @param latitude or null
     * @param longitude or null
     * @param experienceLevel or null
     * @param memberSkills their skills
     * @param memberInterests their tags and interests together
     * @param displayName their name, for explanations
     */
    public Builder add(
        long userId,
        int roleLevel,
        Double latitude,
        Double longitude,
        String experienceLevel,
        Collection<String> memberSkills,
        Collection<String> memberInterests,
        String displayName) {
      if (size > 0 && userIds[size - 1] >= userId) {
        throw new IllegalArgumentException("members must be added by ascending id");
      }
      if (size == userIds.length) {
        int n = size * 2;
        userIds = Arrays.copyOf(userIds, n);
        roleLevels = Arrays.copyOf(roleLevels, n);
        latitudes = Arrays.copyOf(latitudes, n);
        longitudes = Arrays.copyOf(longitudes, n);
        levels = Arrays.copyOf(levels, n);
        skills = Arrays.copyOf(skills, n);
        interests = Arrays.copyOf(interests, n);
        names = Arrays.copyOf(names, n);
      }
      boolean located = latitude != null && longitude != null;
      userIds[size] = userId;
      roleLevels[size] = (byte) roleLevel;
      latitudes[size] = located ? Math.toRadians(latitude) : Double.NaN;
      longitudes[size] = located ? Math.toRadians(longitude) : Double.NaN;
      levels[size] = level(experienceLevel);
      skills[size] = intern(memberSkills);
      interests[size] = intern(memberInterests);
      names[size] = displayName;
      size++;
      return this;
    }

    private int[] intern(Collection<String> terms) {
      if (terms == null || terms.isEmpty()) {
        return EMPTY;
      }
      int[] ids = new int[terms.size()];
      int n = 0;
      for (String t : terms) {
        String key = normalise(t);
        if (!key.isEmpty()) {
          ids[n++] = vocabulary.computeIfAbsent(key, k -> vocabulary.size());
        }
      }
      return sortedDistinct(ids, n);
    }

    public MemberSnapshot build() {
      return new MemberSnapshot(this);
    }
  }

  static final int[] EMPTY = new int[0];

  static int[] sortedDistinct(int[] ids, int n) {
    if (n == 0) {
      return EMPTY;
    }
    int[] a = Arrays.copyOf(ids, n);
    Arrays.sort(a);
    int k = 1;
    for (int i = 1; i < a.length; i++) {
      if (a[i] != a[k - 1]) {
        a[k++] = a[i];
      }
    }
    return k == a.length ? a : Arrays.copyOf(a, k);
  }
}
