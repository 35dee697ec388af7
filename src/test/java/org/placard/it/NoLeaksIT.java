package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placard.it.Answers.assertNoLeak;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Odd paths, refused Host headers and methods: whoever answers (Placard or the container before
 * it), the answer is a 4xx that reveals no server version, no stack trace and no stored file. Every
 * request goes over a raw socket so that no client normalises it first.
 */
class NoLeaksIT extends DeployedWarTest {

  private static final String HOST = Unique.domain("no-leaks");
  private static final String SECRET_LINE = "Contact: mailto:no-leaks@example.org";

  @BeforeEach
  void publishAFileThatNoOddPathMayReach() {
    assertThat(http.publish(HOST, "security.txt", SECRET_LINE + "\n").statusCode()).isIn(200, 201);
  }

  @Test
  void shouldRefuseAnEncodedDotDotSegment() {
    assertRefused("/.well-known/%2e%2e/security.txt");
    assertRefused("/.well-known/%2E%2E");
  }

  @Test
  void shouldRefuseADotDotSegment() {
    assertRefused("/.well-known/../.well-known/security.txt");
    assertRefused("/.well-known/x/../security.txt");
  }

  @Test
  void shouldRefuseAnEncodedSlash() {
    assertRefused("/.well-known/%2fsecurity.txt");
    assertRefused("/.well-known/x%2F..%2Fsecurity.txt");
  }

  @Test
  void shouldRefuseADoubleSlash() {
    assertRefused("/.well-known//security.txt");
  }

  @Test
  void shouldRefuseASessionIdPathParameter() {
    assertRefused("/.well-known/security.txt;jsessionid=0123456789ABCDEF0123456789ABCDEF");
  }

  @Test
  void shouldRefuseABackslash() {
    assertRefused("/.well-known/..\\.well-known\\security.txt");
    assertRefused("/.well-known/%5csecurity.txt");
  }

  @Test
  void shouldRefuseAnOverlongName() {
    assertRefused("/.well-known/" + "a".repeat(300));
  }

  @Test
  void shouldRefuseAPercentEncodedLetter() {
    assertRefused("/.well-known/%41.txt");
    assertRefused("/.well-known/%73ecurity.txt");
    assertRefused("/.well-known/security%2etxt");
  }

  @Test
  void shouldRefuseAnInvalidPercentEncoding() {
    assertRefused("/.well-known/%zz");
  }

  @Test
  void shouldAnswer400WithoutLeakingToAHostTheContainerRefuses() {
    for (String host :
        List.of(
            "bad_host!",
            "a..b.example",
            HOST + "..",
            "-leading-hyphen.example",
            "[zz::1]",
            "[::1",
            HOST + ":port",
            "*." + HOST,
            "two words.example")) {
      RawResponse response =
          http.rawResponse("GET /.well-known/security.txt HTTP/1.1\r\nHost: " + host);

      assertThat(response.status()).as("Host: %s", host).isEqualTo(400);
      assertNoLeak(response, "Host: " + host);
    }
  }

  @Test
  void shouldAnswer405WithoutLeakingToTrace() {
    RawResponse response =
        http.rawResponse("TRACE /.well-known/security.txt HTTP/1.1\r\nHost: " + HOST);

    assertThat(response.status()).isEqualTo(405);
    assertNoLeak(response);
  }

  @Test
  void shouldAnswer404WithoutLeakingForPathsOutsideTheApplication() {
    for (String path :
        List.of(
            "/nope",
            "/index.html",
            "/WEB-INF/web.xml",
            "/META-INF/context.xml",
            "/META-INF/MANIFEST.MF",
            "/org/placard/launcher/Launcher.class")) {
      RawResponse response = http.rawResponse("GET " + path + " HTTP/1.1\r\nHost: " + HOST);

      assertThat(response.status()).as(path).isEqualTo(404);
      assertNoLeak(response, path);
    }
  }

  @Test
  void shouldAnswerAnUnknownApiPathWithJsonThatLeaksNothing() {
    RawResponse response =
        http.rawResponse(
            "GET /api/v1/nope HTTP/1.1\r\nHost: "
                + HOST
                + "\r\nAuthorization: Bearer "
                + Http.TOKEN);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.mediaType()).isEqualTo("application/json");
    assertNoLeak(response);
  }

  private void assertRefused(String path) {
    RawResponse response = http.rawResponse("GET " + path + " HTTP/1.1\r\nHost: " + HOST);

    assertThat(response.status()).as(path).isIn(400, 404);
    assertThat(response.body()).as(path).doesNotContain(SECRET_LINE);
    assertNoLeak(response, path);
  }
}
