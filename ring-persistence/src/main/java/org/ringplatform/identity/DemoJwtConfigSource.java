package org.ringplatform.identity;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives MicroProfile JWT the demo public key ({@code mp.jwt.verify.publickey}) when the deployment
 * runs in demo mode without keys of its own. Its ordinal is below the properties file, so any
 * configured key wins.
 */
public class DemoJwtConfigSource implements ConfigSource {

  private static final String KEY = "mp.jwt.verify.publickey";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(KEY);
  }

  @Override
  public Map<String, String> getProperties() {
    String value = getValue(KEY);
    return value == null ? Map.of() : Map.of(KEY, value);
  }

  @Override
  public String getValue(String propertyName) {
    if (!KEY.equals(propertyName)
        || !DemoJwtKeys.applies()
        || DemoJwtKeys.setting("mp.jwt.verify.publickey.location") != null) {
      return null;
    }
    return DemoJwtKeys.publicKeyPem();
  }

  @Override
  public String getName() {
    return "ring-demo-jwt-keys";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}
