package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validators on the public path: {@code If-None-Match} and {@code If-Modified-Since}. */
class ConditionalGetIT extends DeployedWarTest {

  private static final String HOST = Unique.domain("conditional");
  private static final String NAME = "security.txt";
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private String etag;
  private String lastModified;

  @BeforeEach
  void publishAndReadValidators() {
    HttpResponse<byte[]> put = http.publish(HOST, NAME, "Contact: mailto:sec@example.org\n");
    assertThat(put.statusCode()).isIn(200, 201);
    HttpResponse<byte[]> get = http.fetch(HOST, NAME);
    etag = get.headers().firstValue("ETag").orElseThrow();
    lastModified = get.headers().firstValue("Last-Modified").orElseThrow();
  }

  @Test
  void shouldAnswer304WhenTheEtagMatches() {
    HttpResponse<byte[]> response = fetch("If-None-Match", etag);

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("ETag")).hasValue(etag);
    Answers.assertNoServerOrCookie(response);
  }

  @Test
  void shouldAnswer304WhenOneEtagOfAListMatches() {
    HttpResponse<byte[]> response = fetch("If-None-Match", "\"other\", " + etag + ", \"more\"");

    assertThat(response.statusCode()).isEqualTo(304);
  }

  @Test
  void shouldAnswer304ForAStar() {
    HttpResponse<byte[]> response = fetch("If-None-Match", "*");

    assertThat(response.statusCode()).isEqualTo(304);
  }

  @Test
  void shouldAnswer304WhenTheWeakFormOfTheEtagMatches() {
    HttpResponse<byte[]> response = fetch("If-None-Match", "W/" + etag);

    assertThat(response.statusCode()).isEqualTo(304);
  }

  @Test
  void shouldAnswer200WhenNoEtagMatches() {
    HttpResponse<byte[]> response = fetch("If-None-Match", "\"other\", W/\"more\"");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).startsWith("Contact:");
  }

  @Test
  void shouldAnswer304WhenIfModifiedSinceIsLastModified() {
    HttpResponse<byte[]> response = fetch("If-Modified-Since", lastModified);

    assertThat(response.statusCode()).isEqualTo(304);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void shouldAnswer304WhenIfModifiedSinceIsAfterLastModified() {
    HttpResponse<byte[]> response =
        fetch("If-Modified-Since", lastModifiedPlus(Duration.ofHours(1)));

    assertThat(response.statusCode()).isEqualTo(304);
  }

  @Test
  void shouldAnswer200WhenIfModifiedSinceIsBeforeLastModified() {
    HttpResponse<byte[]> response =
        fetch("If-Modified-Since", lastModifiedPlus(Duration.ofDays(-1)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.text(response)).startsWith("Contact:");
  }

  @Test
  void shouldLetANonMatchingEtagWinOverIfModifiedSince() {
    HttpResponse<byte[]> response =
        fetch(
            "If-None-Match",
            "\"other\"",
            "If-Modified-Since",
            lastModifiedPlus(Duration.ofHours(1)));

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetAMatchingEtagWinOverIfModifiedSince() {
    HttpResponse<byte[]> response =
        fetch("If-None-Match", etag, "If-Modified-Since", lastModifiedPlus(Duration.ofDays(-1)));

    assertThat(response.statusCode()).isEqualTo(304);
  }

  private HttpResponse<byte[]> fetch(String... headers) {
    return http.get(HOST, Http.WELL_KNOWN + NAME, headers);
  }

  private String lastModifiedPlus(Duration offset) {
    ZonedDateTime served = ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
    return IMF_FIXDATE.format(served.plus(offset));
  }
}
