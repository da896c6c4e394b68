package org.ringplatform.testing.arquillian;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Payara Micro deploys one WAR per process, so Payara's adapter starts a new server for every test
 * class; that cost most of the integration run. This container keeps each server running and reuses
 * it for every later class that deploys the very same archive (same paths and bytes), so the
 * classes that deploy {@code RingDeployment.war()} share one server and the few in-container tests
 * (whose archives carry their own class) get one each. All stop when the test JVM's suite ends.
 *
 * <p>What this asks of a test: the server and the database outlive the class, so a test counts only
 * the rows it made and never relies on fresh in-memory state.
 */
public class SharedPayaraMicro implements DeployableContainer<PayaraMicroContainerConfiguration> {

  private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());

  /** A running server and what it was started with. */
  private record Running(
      PayaraMicroDeployableContainer container, Archive<?> archive, ProtocolMetaData metaData) {}

  // Static: Arquillian may build a container object per test class; the servers are per JVM.
  private static final Map<String, Running> SERVERS = new LinkedHashMap<>();

  private PayaraMicroContainerConfiguration configuration;

  @Override
  public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
    return PayaraMicroContainerConfiguration.class;
  }

  @Override
  public void setup(PayaraMicroContainerConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return new PayaraMicroDeployableContainer().getDefaultProtocol();
  }

  @Override
  public void start() throws LifecycleException {
    // The server starts with its first deployment (Payara Micro takes the WAR on its command line).
  }

  @Override
  public void stop() throws LifecycleException {
    synchronized (SERVERS) {
      for (Running r : SERVERS.values()) {
        try {
          r.container().undeploy(r.archive());
        } catch (DeploymentException e) {
          throw new LifecycleException("Could not stop Payara Micro", e);
        }
      }
      SERVERS.clear();
    }
  }

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    synchronized (SERVERS) {
      String fingerprint = fingerprint(archive);
      Running running = SERVERS.get(fingerprint);
      if (running != null) {
        LOG.info("Reusing the running Payara Micro for " + archive.getName());
        return running.metaData();
      }
      PayaraMicroDeployableContainer next = new PayaraMicroDeployableContainer();
      next.setup(configuration);
      try {
        next.start();
      } catch (LifecycleException e) {
        throw new DeploymentException("Could not start Payara Micro", e);
      }
      ProtocolMetaData metaData = next.deploy(archive);
      SERVERS.put(fingerprint, new Running(next, archive, metaData));
      return metaData;
    }
  }

  @Override
  public void undeploy(Archive<?> archive) {
    // Kept running for later classes with the same archive; stopped when the suite ends.
  }

  @Override
  public void deploy(Descriptor descriptor) throws DeploymentException {
    throw new DeploymentException("Descriptors are not deployed to Payara Micro");
  }

  @Override
  public void undeploy(Descriptor descriptor) {}

  /** A digest of every path and its bytes, in path order. */
  static String fingerprint(Archive<?> archive) throws DeploymentException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(archive.getName().getBytes(StandardCharsets.UTF_8));
      Map<String, Node> nodes = new TreeMap<>();
      for (Map.Entry<ArchivePath, Node> e : archive.getContent().entrySet()) {
        nodes.put(e.getKey().get(), e.getValue());
      }
      byte[] buffer = new byte[64 * 1024];
      for (Map.Entry<String, Node> e : nodes.entrySet()) {
        digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        Asset asset = e.getValue().getAsset();
        if (asset == null) {
          continue;
        }
        try (InputStream in = asset.openStream()) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new DeploymentException("Could not read the archive " + archive.getName(), e);
    }
  }
}
