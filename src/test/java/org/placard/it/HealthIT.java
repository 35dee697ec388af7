package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /healthz}: what a load balancer's monitor sees. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

  @ArquillianResource private URL base;
  private Http http;

  @Deployment(testable = false)
  static WebArchive war() {
    return DeployedWar.asRoot();
  }

  @BeforeEach
  void client() {
    http = new Http(base);
  }

  @Test
  void shouldAnswerUpOnAnyHost() {
    for (String host :
        List.of(Unique.domain("health"), "localhost", "127.0.0.1", "Health.Example.ORG.:8080")) {
      HttpResponse<byte[]> response = http.get(host, "/healthz");

      assertThat(response.statusCode()).as(host).isEqualTo(200);
      assertThat(Http.text(response)).as(host).isEqualTo("UP\n");
    }
  }

  @Test
  void shouldNeverBeCached() {
    HttpResponse<byte[]> response = http.get("localhost", "/healthz");

    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    Answers.assertNoServerOrCookie(response);
  }
}
