package org.ringplatform.testing.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Puts {@link SharedPayaraMicro} in place of Payara's own Payara Micro container. */
public class SharedPayaraMicroExtension implements LoadableExtension {

  @Override
  public void register(ExtensionBuilder builder) {
    builder.override(
        DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
  }
}
