package org.ringplatform.process.internal;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ringplatform.process.BatchRuns;

/** The run ledger on {@code batch_runs}. */
@Stateless
public class DefaultBatchRuns implements BatchRuns {

  private static final String COLUMNS =
      "id, job_name, execution_id, parameters, trigger, status, started_at, ended_at,"
          + " heartbeat_at, items_total, items_done, matches, notifications, error";

  @Resource(lookup = "jdbc/ring")
  private DataSource dataSource;

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Long> open(
      String jobName, String parameters, String trigger, Duration staleAfter) {
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement("select pg_advisory_xact_lock(hashtext('ring.batch.' || ?))")) {
        ps.setString(1, jobName);
        ps.execute();
      }
      interruptStale(c, jobName, staleAfter);
      try (PreparedStatement ps =
          c.prepareStatement(
              "select 1 from ring.batch_runs where job_name = ?"
                  + " and status in ('starting', 'running')")) {
        ps.setString(1, jobName);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return Optional.empty();
          }
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "insert into ring.batch_runs(job_name, parameters, trigger) values (?, ?, ?)"
                  + " returning id")) {
        ps.setString(1, jobName);
        ps.setString(2, parameters == null ? "" : parameters);
        ps.setString(3, trigger);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return Optional.of(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open a run of " + jobName, e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void attach(long runId, long executionId) {
    update(
        "update ring.batch_runs set execution_id = ?, heartbeat_at = now() where id = ?",
        executionId,
        runId);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean reopen(long runId, Duration staleAfter) {
    try (Connection c = dataSource.getConnection()) {
      String job;
      try (PreparedStatement ps =
          c.prepareStatement("select job_name from ring.batch_runs where id = ?")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
          job = rs.getString(1);
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("select pg_advisory_xact_lock(hashtext('ring.batch.' || ?))")) {
        ps.setString(1, job);
        ps.execute();
      }
      interruptStale(c, job, staleAfter);
      try (PreparedStatement ps =
          c.prepareStatement(
              "update ring.batch_runs set status = 'starting', ended_at = null, error = null,"
                  + " heartbeat_at = now() where id = ? and status in ('stopped', 'failed')"
                  + " and not exists (select 1 from ring.batch_runs r where r.job_name = ?"
                  + " and r.status in ('starting', 'running'))")) {
        ps.setLong(1, runId);
        ps.setString(2, job);
        return ps.executeUpdate() == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void begin(long runId, int itemsTotal) {
    update(
        "update ring.batch_runs set status = 'running', items_total = greatest(items_total, ?),"
            + " heartbeat_at = now() where id = ?",
        itemsTotal,
        runId);
  }

  @Override
  public void progress(long runId, int items, int matches, int notifications) {
    update(
        "update ring.batch_runs set items_done = items_done + ?, matches = matches + ?,"
            + " notifications = notifications + ?, heartbeat_at = now() where id = ?",
        items,
        matches,
        notifications,
        runId);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void heartbeat(long runId) {
    update("update ring.batch_runs set heartbeat_at = now() where id = ?", runId);
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean finish(long runId, String status, String error) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.batch_runs set status = ?, error = ?, ended_at = now(),"
                    + " heartbeat_at = now(), rerun_requested = false where id = ?"
                    + " returning (select rerun_requested from ring.batch_runs where id = ?)")) {
      ps.setString(1, status);
      ps.setString(2, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
      ps.setLong(3, runId);
      ps.setLong(4, runId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean requestRerun(String jobName) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "update ring.batch_runs set rerun_requested = true where job_name = ?"
                    + " and status in ('starting', 'running')")) {
      ps.setString(1, jobName);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<Run> interruptStale(String jobName, Duration staleAfter) {
    try (Connection c = dataSource.getConnection()) {
      return interruptStale(c, jobName, staleAfter);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Run> interruptStale(Connection c, String jobName, Duration staleAfter)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "update ring.batch_runs set status = 'interrupted', ended_at = now(),"
                + " error = 'no heartbeat since ' || heartbeat_at where job_name = ?"
                + " and status in ('starting', 'running')"
                + " and heartbeat_at < now() - make_interval(secs => ?) returning "
                + COLUMNS)) {
      ps.setString(1, jobName);
      ps.setDouble(2, staleAfter.toMillis() / 1000.0);
      return runs(ps);
    }
  }

  @Override
  public Optional<Run> find(long runId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("select " + COLUMNS + " from ring.batch_runs where id = ?")) {
      ps.setLong(1, runId);
      return runs(ps).stream().findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<Run> recent(String jobName, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "select "
                    + COLUMNS
                    + " from ring.batch_runs where (cast(? as varchar) is null or job_name = ?)"
                    + " order by id desc limit ?")) {
      ps.setString(1, jobName);
      ps.setString(2, jobName);
      ps.setInt(3, Math.max(1, Math.min(limit, 500)));
      return runs(ps);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Run> runs(PreparedStatement ps) throws SQLException {
    List<Run> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(
            new Run(
                rs.getLong(1),
                rs.getString(2),
                (Long) rs.getObject(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, OffsetDateTime.class),
                rs.getObject(8, OffsetDateTime.class),
                rs.getObject(9, OffsetDateTime.class),
                rs.getInt(10),
                rs.getInt(11),
                rs.getInt(12),
                rs.getInt(13),
                rs.getString(14)));
      }
    }
    return out;
  }
}
