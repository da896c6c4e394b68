package org.ringplatform.demo.internal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ringplatform.demo.DemoData;

/**
 * Loads the demo dataset when the application starts, after the migrations, if {@code
 * ring.demo.enabled=true}; with {@code false} it never touches the data.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

  @Inject private DemoData demoData;

  @Inject
  @ConfigProperty(name = "ring.demo.enabled", defaultValue = "false")
  private boolean enabled;

  @PostConstruct
  void load() {
    if (!enabled) {
      LOG.fine("Demo data is disabled (ring.demo.enabled=false)");
    } else if (!demoData.loadOnce()) {
      LOG.fine("Demo data was loaded before; nothing to do");
    }
  }
}
