package org.ringplatform.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The post-boot commands carry the configured database, escaped the way asadmin reads them. */
class PostBootCommandsTest {

  @Test
  void theTemplateCreatesOneDatasourceForJpaFlywayAndBatch() {
    String commands =
        PostBootCommands.render(
            PostBootCommands.template(), "jdbc:postgresql://db:5432/ring", "ring", "s3cret");
    assertTrue(commands.contains("create-jdbc-connection-pool"));
    assertTrue(commands.contains("create-jdbc-resource --connectionpoolid=ring-pool jdbc/ring"));
    assertTrue(
        commands.contains("set-batch-runtime-configuration --datasourcelookupname=jdbc/ring"));
    assertTrue(
        commands.contains("URL=jdbc\\:postgresql\\://db\\:5432/ring:user=ring:password=s3cret"));
    assertFalse(commands.contains("@@RING_"), "every token is filled");
  }

  @Test
  void separatorsInValuesAreEscaped() {
    assertEquals("a\\:b\\=c\\\\d", PostBootCommands.escape("a:b=c\\d"));
    assertEquals("\"\"", PostBootCommands.escape(""));
  }

  @Test
  void valuesThatWouldSplitTheCommandAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PostBootCommands.escape("pass word"));
    assertThrows(IllegalArgumentException.class, () -> PostBootCommands.escape("pass\"word"));
  }

  @Test
  void passwordsAreRedactedFromLoggedUrls() {
    assertEquals(
        "jdbc:postgresql://h/db?user=a&password=***",
        RingLauncher.redact("jdbc:postgresql://h/db?user=a&password=xyz"));
  }
}
