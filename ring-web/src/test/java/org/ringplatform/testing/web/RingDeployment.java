package org.ringplatform.testing.web;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployable under test: the real {@code ring.war} the build produced, not a hand-assembled
 * archive, so the integration tests check what operators deploy.
 */
public final class RingDeployment {

  private RingDeployment() {}

  /**
   * The self-contained WAR from {@code ring-web/target}, with every test fixture endpoint added
   * (probes and fixture resources under {@code /api/test...}, {@code /test-...}): one archive for
   * all classes lets them share one running server (see {@code SharedPayaraMicro}).
   */
  public static WebArchive war() {
    File war = new File(System.getProperty("ring.war", "target/ring.war"));
    return ShrinkWrap.createFromZipFile(WebArchive.class, war)
        .addClass(org.ringplatform.platform.api.ProblemProbeResource.class)
        .addClass(org.ringplatform.platform.api.ProblemProbeResource.Signup.class)
        .addClass(org.ringplatform.portal.web.ErrorProbeServlet.class)
        .addClass(MoneyFixtureResource.class)
        .addClass(MoneyFixtureResource.OrderSpec.class)
        .addClass(MoneyFixtureResource.BulkSpec.class)
        .addClass(org.ringplatform.testing.commerce.CardPaymentStandIn.class)
        .addClass(org.ringplatform.testing.commerce.PaymentProbeResource.class)
        .addClass(org.ringplatform.testing.commerce.PaymentProbeResource.Payment.class);
  }

  /** An HTTP client that does not follow redirects, so tests can check each hop. */
  public static HttpClient http() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** {@code path} resolved against the deployment's base URL. */
  public static URI at(URL base, String path) {
    String root = base.toString().replaceAll("/+$", "");
    return URI.create(root + path);
  }

  /** Sends a GET with optional headers given as name, value pairs. */
  public static HttpResponse<String> get(URL base, String path, String... headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(at(base, path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
