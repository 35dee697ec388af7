package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placard.it.Answers.assertJsonError;
import static org.placard.it.Http.file;
import static org.placard.it.Http.json;
import static org.placard.it.Http.text;
import static org.placard.it.Http.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input to {@code PUT /api/v1/hosts/{scope}/files/{name}}: 400 (413 for a body over the limit)
 * with JSON naming the field at fault, and nothing stored: the database holds no new revision and
 * the public path serves what it served before.
 */
class ApiValidationIT extends DeployedWarTest {

  private static final int LIMIT = 1024 * 1024;
  private static final String V1 = "Contact: mailto:v1@example.org\n";

  @Test
  void shouldRefuseAWildcardInsideALabel() {
    assertScopeRefused("a*.example.org");
  }

  @Test
  void shouldRefuseTwoWildcardLabels() {
    assertScopeRefused("*.*.x.org");
  }

  @Test
  void shouldRefuseAScopeThatIsNotAHostName() {
    assertScopeRefused("bad_host!");
  }

  @Test
  void shouldRefuseADotDotName() {
    String host = Unique.domain("invalid-dots");
    for (String name : List.of("..", "%2e%2e", "a/../security.txt")) {
      long revisions = http.databaseRevisions();

      RawResponse response = rawPut(host, name, "text/plain", utf8(V1));

      assertRawJsonError(response, 400, "name");
      assertThat(http.databaseRevisions()).as(name).isEqualTo(revisions);
    }
  }

  @Test
  void shouldRefuseAnEmptySegmentInTheName() {
    String host = Unique.domain("invalid-segment");
    long revisions = http.databaseRevisions();

    RawResponse response = rawPut(host, "a//b", "text/plain", utf8(V1));

    assertRawJsonError(response, 400, "name");
    assertThat(http.databaseRevisions()).isEqualTo(revisions);
    assertThat(http.fetch(host, "a/b").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseAnEmptyBody() {
    String host = Unique.domain("invalid-empty");
    long revisions = http.databaseRevisions();

    HttpResponse<byte[]> response =
        http.publish(host, "security.txt", "text/plain; charset=utf-8", new byte[0]);

    assertJsonError(response, 400, "body");
    assertNeverStored(host, "security.txt", revisions);
  }

  @Test
  void shouldRefuseABodyThatIsNotValidUtf8() {
    String host = publishV1("invalid-utf8");
    long revisions = http.databaseRevisions();
    byte[] latin1 = {'C', 'a', 'f', (byte) 0xe9, '\n'};

    HttpResponse<byte[]> response =
        http.publish(host, "security.txt", "text/plain; charset=utf-8", latin1);

    assertJsonError(response, 400, "body");
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldRefuseABareCarriageReturnInTheContentType() {
    String host = publishV1("invalid-cr");
    long revisions = http.databaseRevisions();

    RawResponse response =
        rawPut(host, "security.txt", "text/plain\r; charset=utf-8", utf8("Contact: v2\n"));

    assertThat(response.status()).isEqualTo(400);
    Answers.assertNoLeak(response);
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldRefuseAContentTypeFoldedOntoTwoLinesThatIsNoMediaType() {
    String host = publishV1("invalid-fold");
    long revisions = http.databaseRevisions();

    RawResponse response =
        rawPut(host, "security.txt", "text/plain\r\n charset=utf-8", utf8("Contact: v2\n"));

    assertRawJsonError(response, 400, "contentType");
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldNeverStoreOrServeALineBreakFromAFoldedContentType() {
    String host = publishV1("folded");

    RawResponse response =
        rawPut(host, "security.txt", "text/plain;\r\n charset=utf-8", utf8("Contact: v2\n"));

    // RFC 9112 section 5.2: a recipient either refuses obs-fold or replaces it with spaces.
    assertThat(response.status()).isIn(200, 400);
    RawResponse served =
        http.rawResponse("GET /.well-known/security.txt HTTP/1.1\r\nHost: " + host);
    String head = served.text().substring(0, served.text().indexOf("\r\n\r\n"));
    assertThat(head).doesNotContain("\r\n ").doesNotContain("\r\n\t");
    assertThat(served.header("Content-Type")).hasValue("text/plain;charset=utf-8");
  }

  @Test
  void shouldRefuseAContentTypeThatIsNoMediaType() {
    String host = publishV1("invalid-type");
    long revisions = http.databaseRevisions();
    for (String type : List.of("garbage", "text/", "text/plain; charset", "text/plain;;")) {
      HttpResponse<byte[]> response =
          http.publish(host, "security.txt", type, utf8("Contact: v2\n"));

      assertJsonError(response, 400, "contentType");
    }
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldRefuseTheFormTypeCurlSendsByDefault() {
    String host = publishV1("invalid-form");
    long revisions = http.databaseRevisions();

    HttpResponse<byte[]> response =
        http.publish(
            host, "security.txt", "application/x-www-form-urlencoded", utf8("Contact: v2\n"));

    assertJsonError(response, 400, "contentType");
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldRefuseMtaStsDeclaredAsJson() {
    String host = Unique.domain("invalid-mta-sts");
    long revisions = http.databaseRevisions();

    HttpResponse<byte[]> response =
        http.publish(host, "mta-sts.txt", "application/json", utf8("{\"mode\": \"enforce\"}"));

    assertJsonError(response, 400, "contentType");
    assertNeverStored(host, "mta-sts.txt", revisions);
  }

  @Test
  void shouldRefuseAnUnknownNameWithoutAContentType() {
    String host = Unique.domain("invalid-no-type");
    long revisions = http.databaseRevisions();

    HttpResponse<byte[]> response = http.publish(host, "unknown-name", null, utf8("x"));

    assertJsonError(response, 400, "contentType");
    assertNeverStored(host, "unknown-name", revisions);
  }

  @Test
  void shouldAnswer413ForABodyOverTheLimit() {
    String host = publishV1("too-large");
    long revisions = http.databaseRevisions();

    HttpResponse<byte[]> response =
        http.publish(host, "security.txt", "text/plain", filled(LIMIT + 1));

    assertJsonError(response, 413, "body");
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldAnswer413ForAChunkedBodyOverTheLimit() {
    String host = publishV1("too-large-chunked");
    long revisions = http.databaseRevisions();
    byte[] body = filled(LIMIT + 1);

    HttpResponse<byte[]> response =
        http.send(
            http.api(file(host, "security.txt"))
                .header("Content-Type", "text/plain")
                .PUT(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body))));

    assertJsonError(response, 413, "body");
    assertStillServesV1(host, revisions);
  }

  @Test
  void shouldAcceptABodyOfExactlyTheLimit() {
    String host = Unique.domain("at-limit");

    HttpResponse<byte[]> response = http.publish(host, "security.txt", "text/plain", filled(LIMIT));

    assertThat(response.statusCode()).as(text(response)).isEqualTo(201);
    assertThat(http.fetch(host, "security.txt").body()).hasSize(LIMIT);
  }

  private void assertScopeRefused(String scope) {
    long revisions = http.databaseRevisions();

    HttpResponse<byte[]> response = http.publish(scope, "security.txt", V1);

    assertJsonError(response, 400, "scope");
    assertThat(http.databaseRevisions()).isEqualTo(revisions);
  }

  private String publishV1(String label) {
    String host = Unique.domain(label);
    HttpResponse<byte[]> put = http.publish(host, "security.txt", V1);
    assertThat(put.statusCode()).as(text(put)).isEqualTo(201);
    return host;
  }

  private void assertStillServesV1(String host, long revisions) {
    assertThat(http.databaseRevisions()).isEqualTo(revisions);
    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo(V1);
  }

  private void assertNeverStored(String host, String name, long revisions) {
    assertThat(http.databaseRevisions()).isEqualTo(revisions);
    assertJsonError(http.apiGet(file(host, name)), 404, null);
    assertThat(http.fetch(host, name).statusCode()).isEqualTo(404);
  }

  private RawResponse rawPut(String host, String name, String type, byte[] body) {
    return http.rawResponse(
        "PUT "
            + file(host, name)
            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + Http.TOKEN
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + body.length,
        body);
  }

  private static void assertRawJsonError(RawResponse response, int status, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.mediaType())
        .as("Content-Type of the %d answer with body '%s'", status, response.body())
        .isEqualTo("application/json");
    JsonNode error = json(utf8(response.body()));
    assertThat(error.path("field").asText()).isEqualTo(field);
  }

  private static byte[] filled(int size) {
    byte[] body = new byte[size];
    Arrays.fill(body, (byte) 'a');
    return body;
  }
}
