package org.ringplatform.settlement.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Splits the settle step into partitions that settle disjoint sets of vendors (by vendor id) side
 * by side, one database session each, so a large queue uses every core. The count is the job
 * parameter {@code partitions} (1 to 16, default 2); a restart keeps the first execution's plan.
 */
@Dependent
@Named("settlementPartitions")
public class SettlementPartitions implements PartitionMapper {

  @Inject
  @BatchProperty(name = "partitions")
  private String partitions;

  @Override
  public PartitionPlan mapPartitions() {
    int n = count(partitions);
    PartitionPlanImpl plan = new PartitionPlanImpl();
    plan.setPartitions(n);
    plan.setThreads(n);
    plan.setPartitionsOverride(false);
    Properties[] props = new Properties[n];
    for (int i = 0; i < n; i++) {
      props[i] = new Properties();
      props[i].setProperty("partition", String.valueOf(i));
      props[i].setProperty("partitions", String.valueOf(n));
    }
    plan.setPartitionProperties(props);
    return plan;
  }

  static int count(String value) {
    String v =
        value == null || value.isBlank()
            ? ConfigProvider.getConfig(SettlementPartitions.class.getClassLoader())
                .getOptionalValue("ring.settlement.partitions", String.class)
                .orElse("2")
            : value;
    try {
      return Math.max(1, Math.min(16, Integer.parseInt(v.strip())));
    } catch (NumberFormatException e) {
      return 2;
    }
  }
}
