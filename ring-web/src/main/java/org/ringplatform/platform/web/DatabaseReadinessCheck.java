package org.ringplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.ringplatform.platform.SchemaStatus;

/**
 * Readiness: the database answers and carries every migration of this build. A load balancer sends
 * no traffic to a server that is not ready.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

  @Inject private SchemaStatus schema;

  @Override
  public HealthCheckResponse call() {
    SchemaStatus.Report report;
    try {
      report = schema.check();
    } catch (RuntimeException e) {
      // While the application is still deploying, the migrator cannot be called yet: not ready.
      return HealthCheckResponse.named("database").down().withData("starting", true).build();
    }
    return HealthCheckResponse.named("database")
        .status(report.upToDate())
        .withData("reachable", report.reachable())
        .withData("schemaVersion", String.valueOf(report.appliedVersion()))
        .withData("expectedVersion", String.valueOf(report.expectedVersion()))
        .build();
  }
}
