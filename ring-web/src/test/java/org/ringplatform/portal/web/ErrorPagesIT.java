package org.ringplatform.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringplatform.testing.web.RingDeployment;

/** Forbidden, missing and failing pages answer with the branded error pages, never a trace. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ErrorPagesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return RingDeployment.war();
  }

  @ArquillianResource URL base;

  private static void assertNoTrace(HttpResponse<String> r) {
    assertFalse(r.body().contains("Caused by"), "no stack trace");
    assertFalse(r.body().contains("internal detail"), "no exception message");
    assertFalse(
        r.body().matches("(?s).*\\bat (org|java|jakarta)\\.[\\w.$]+\\(.*"), "no stack frames");
  }

  @Test
  void forbiddenIsTheBranded403() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/test-forbidden");
    assertEquals(403, r.statusCode());
    assertTrue(r.body().contains("Access denied"));
    assertTrue(r.body().contains("Arq-Ring"));
    assertNoTrace(r);
  }

  @Test
  void missingIsTheBranded404() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/definitely-not-here");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("Page not found"));
    assertTrue(r.body().contains("Arq-Ring"));
    assertNoTrace(r);
  }

  @Test
  void aFailureIsTheBranded500WithoutInternals() throws Exception {
    HttpResponse<String> r = RingDeployment.get(base, "/test-failure");
    assertEquals(500, r.statusCode());
    assertTrue(r.body().contains("Something went wrong"));
    assertTrue(r.body().contains("Arq-Ring"));
    assertNoTrace(r);
  }
}
