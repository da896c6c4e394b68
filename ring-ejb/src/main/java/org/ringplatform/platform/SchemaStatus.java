package org.ringplatform.platform;

/**
 * Answers whether the database is reachable and carries every migration this build ships; the
 * readiness probe asks it.
 */
public interface SchemaStatus {

  /** The state of the database as seen now. */
  Report check();

  /**
   * What a check found.
   *
   * @param reachable the database answered
   * @param expectedVersion the newest migration in this build
   * @param appliedVersion the newest migration recorded in the database, or null
   */
  record Report(boolean reachable, String expectedVersion, String appliedVersion) {
    public boolean upToDate() {
      return reachable && expectedVersion != null && expectedVersion.equals(appliedVersion);
    }
  }
}
