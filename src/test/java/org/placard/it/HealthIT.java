package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /healthz}: what a load balancer's monitor sees. */
class HealthIT extends DeployedWarTest {

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
