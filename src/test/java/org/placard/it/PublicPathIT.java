package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicPathIT {

  private static final String HOST = "mta-sts.public-path.example";
  private static final byte[] POLICY =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.public-path.example\r\nmax_age: 604800\r\n"
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  @ArquillianResource private URL base;
  private Http http;

  @Deployment(testable = false)
  static WebArchive war() {
    return DeployedWar.asRoot();
  }

  @BeforeEach
  void publishPolicy() {
    http = new Http(base);
    HttpResponse<byte[]> put =
        http.send(
            http.api("/api/v1/hosts/" + HOST + "/files/mta-sts.txt")
                .header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(POLICY)));
    assertThat(put.statusCode()).isIn(200, 201);
  }

  @Test
  void shouldServeThePolicyByteForByteWithItsHeaders() {
    HttpResponse<byte[]> response = http.get(HOST, "/.well-known/mta-sts.txt");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(POLICY);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("" + POLICY.length);
    assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).startsWith("\""));
    assertThat(response.headers().firstValue("Last-Modified")).isPresent();
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=300");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }
}
