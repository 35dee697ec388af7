package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placard.it.Answers.assertJsonError;
import static org.placard.it.Http.file;
import static org.placard.it.Http.json;
import static org.placard.it.Http.text;
import static org.placard.it.Http.utf8;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The JSON API under {@code /api/v1}: the token, publishing, history, removal and rollback. */
class ApiIT extends DeployedWarTest {

  @Test
  void shouldAnswer401WithoutAuthorizationOnEveryApiPath() {
    String host = Unique.domain("api-no-token");
    publish(host, "security.txt", "Contact: mailto:private@" + host);
    for (String path : apiPaths(host)) {
      HttpResponse<byte[]> response = http.send(http.request(path).GET());

      assertUnauthorized(response, path, host);
    }
  }

  @Test
  void shouldAnswer401ToAWrongToken() {
    String host = Unique.domain("api-wrong-token");
    publish(host, "security.txt", "Contact: mailto:private@" + host);
    for (String path : apiPaths(host)) {
      HttpResponse<byte[]> response =
          http.send(http.request(path).header("Authorization", "Bearer " + Http.TOKEN + "x").GET());

      assertUnauthorized(response, path, host);
    }
  }

  @Test
  void shouldAnswer401ToBasicAuthentication() {
    String host = Unique.domain("api-basic");
    publish(host, "security.txt", "Contact: mailto:private@" + host);
    String basic =
        Base64.getEncoder().encodeToString(("api:" + Http.TOKEN).getBytes(StandardCharsets.UTF_8));
    for (String path : apiPaths(host)) {
      HttpResponse<byte[]> response =
          http.send(http.request(path).header("Authorization", "Basic " + basic).GET());

      assertUnauthorized(response, path, host);
    }
  }

  @Test
  void shouldStoreNothingWithoutAToken() {
    String host = Unique.domain("api-no-token-put");

    HttpResponse<byte[]> response =
        http.send(
            http.request(file(host, "security.txt"))
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("Contact: mailto:evil@example.org")));

    assertUnauthorized(response, "PUT", host);
    assertThat(http.fetch(host, "security.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswer401ToAPathParameterInTheApiPrefix() {
    RawResponse response = http.rawResponse("GET /api;x=y/v1/status HTTP/1.1\r\nHost: localhost");

    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("loaded").doesNotContain("databaseRevisions");
  }

  @Test
  void shouldStoreNothingSentThroughAPathParameterWithoutAToken() {
    String host = Unique.domain("api-matrix-put");
    byte[] body = utf8("Contact: mailto:evil@example.org\n");

    RawResponse response =
        http.rawResponse(
            "PUT /api;x/v1/hosts/"
                + host
                + "/files/security.txt HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: "
                + body.length,
            body);

    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(http.fetch(host, "security.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldNotServeTheApiWithoutATokenUnderOtherSpellingsOfItsPath() {
    for (String path :
        List.of(
            "//api/v1/files",
            "/./api/v1/files",
            "/x/../api/v1/files",
            "/%61pi/v1/files",
            "/API/v1/files",
            "/api/v1;x/files",
            "/api/v1/files;x",
            "/api/./v1/files",
            "/api//v1/files")) {
      RawResponse response = http.rawResponse("GET " + path + " HTTP/1.1\r\nHost: localhost");

      assertThat(response.status()).as(path).isIn(400, 401, 404);
      assertThat(response.body()).as(path).doesNotContain("\"items\"");
    }
  }

  @Test
  void shouldAnswer201ForANewFileAnd200After() {
    String host = Unique.domain("api-created");

    assertThat(http.publish(host, "security.txt", "v1").statusCode()).isEqualTo(201);
    assertThat(http.publish(host, "security.txt", "v2").statusCode()).isEqualTo(200);
  }

  @Test
  void shouldReportTheStoredRevisionWithThePublicEtag() {
    String host = Unique.domain("api-report");
    HttpResponse<byte[]> put =
        http.publish(host, "security.txt", "text/plain; charset=UTF-8", utf8("Contact: x\n"));

    JsonNode view = json(put);
    assertThat(put.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(view.path("scope").asText()).isEqualTo(host);
    assertThat(view.path("name").asText()).isEqualTo("security.txt");
    assertThat(view.path("revision").asInt()).isEqualTo(1);
    assertThat(view.path("contentType").asText()).isEqualTo("text/plain;charset=UTF-8");
    HttpResponse<byte[]> served = http.fetch(host, "security.txt");
    assertThat(served.headers().firstValue("ETag")).hasValue(view.path("etag").asText());
    assertThat(served.headers().firstValue("Content-Type"))
        .hasValue(view.path("contentType").asText());
  }

  @Test
  void shouldPublishForEveryHost() {
    String name = Unique.name("api-every-host");
    HttpResponse<byte[]> put = publish("*", name, "every host");

    assertThat(json(put).path("scope").asText()).isEqualTo("*");
    assertThat(text(http.fetch(Unique.domain("api-any"), name))).isEqualTo("every host");
  }

  @Test
  void shouldPublishForAWildcardScopeInCanonicalForm() {
    String domain = Unique.domain("api-wildcard");
    HttpResponse<byte[]> put =
        publish("*." + domain.toUpperCase(Locale.ROOT), "security.txt", "wildcard");

    assertThat(json(put).path("scope").asText()).isEqualTo("*." + domain);
    assertThat(text(http.fetch("www." + domain, "security.txt"))).isEqualTo("wildcard");
  }

  @Test
  void shouldPublishForAnExactHostInCanonicalForm() {
    String host = Unique.domain("api-exact");
    HttpResponse<byte[]> put =
        publish(host.toUpperCase(Locale.ROOT) + ".", "security.txt", "exact");

    assertThat(json(put).path("scope").asText()).isEqualTo(host);
    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo("exact");
  }

  @Test
  void shouldPublishANameWithASlash() {
    String host = Unique.domain("api-slash");
    byte[] body = utf8("{\"m.server\": \"matrix." + host + ":443\"}");
    HttpResponse<byte[]> put = http.publish(host, "matrix/server", "application/json", body);

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(json(put).path("name").asText()).isEqualTo("matrix/server");
    assertThat(http.fetch(host, "matrix/server").body()).isEqualTo(body);
  }

  @Test
  void shouldDescribeAFileWithItsRevisionsNewestFirst() {
    String host = Unique.domain("api-describe");
    Instant before = Instant.now().minusSeconds(5);
    publish(host, "security.txt", "v1");
    String etag = json(publish(host, "security.txt", "v2")).path("etag").asText();

    HttpResponse<byte[]> response = http.apiGet(file(host, "security.txt"));

    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    JsonNode view = json(response);
    assertThat(view.path("scope").asText()).isEqualTo(host);
    assertThat(view.path("name").asText()).isEqualTo("security.txt");
    assertThat(view.path("inService").asBoolean()).isTrue();
    assertThat(view.path("revision").asInt()).isEqualTo(2);
    assertThat(view.path("etag").asText()).isEqualTo(etag);
    assertThat(numbers(view)).containsExactly(2, 1);
    for (JsonNode revision : view.path("revisions")) {
      assertThat(revision.path("author").asText()).isEqualTo("api");
      assertThat(Instant.parse(revision.path("created").asText())).isAfter(before);
    }
  }

  @Test
  void shouldRecordTheAuthorNamedInTheAuthorHeader() {
    JsonNode revision = firstRevisionPublishedWith("api-author", "X-Placard-Author", "alice");

    assertThat(revision.path("author").asText()).isEqualTo("alice (api)");
  }

  @Test
  void shouldKeepTheComment() {
    JsonNode revision =
        firstRevisionPublishedWith(
            "api-comment", "X-Placard-Comment", "rotate the contact, ticket SEC-42");

    assertThat(revision.path("comment").asText()).isEqualTo("rotate the contact, ticket SEC-42");
  }

  /** Publishes a new file with one extra header and returns its newest revision from the API. */
  private JsonNode firstRevisionPublishedWith(String label, String header, String value) {
    String host = Unique.domain(label);
    HttpResponse<byte[]> put =
        http.send(
            http.api(file(host, "security.txt"))
                .header("Content-Type", "text/plain")
                .header(header, value)
                .PUT(HttpRequest.BodyPublishers.ofString("Contact: " + label)));
    assertThat(put.statusCode()).isEqualTo(201);

    HttpResponse<byte[]> response = http.apiGet(file(host, "security.txt"));

    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    return json(response).path("revisions").path(0);
  }

  @Test
  void shouldAnswer404JsonForAFileThatWasNeverPublished() {
    HttpResponse<byte[]> response = http.apiGet(file(Unique.domain("api-never"), "security.txt"));

    assertJsonError(response, 404, null);
  }

  @Test
  void shouldTakeTheFileOutOfServiceOnDelete() {
    String host = Unique.domain("api-delete");
    publish(host, "security.txt", "v1");

    HttpResponse<byte[]> response = http.apiDelete(file(host, "security.txt"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("inService").asBoolean(true)).isFalse();
    assertThat(json(response).path("revision").asInt()).isEqualTo(2);
    assertThat(http.fetch(host, "security.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldKeepTheHistoryAfterDelete() {
    String host = Unique.domain("api-delete-history");
    publish(host, "security.txt", "v1");
    assertThat(http.apiDelete(file(host, "security.txt")).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> response = http.apiGet(file(host, "security.txt"));

    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    JsonNode view = json(response);
    assertThat(view.path("inService").asBoolean(true)).isFalse();
    assertThat(numbers(view)).containsExactly(2, 1);
    assertThat(view.path("revisions").path(0).path("action").asText()).isEqualTo("DELETE");
  }

  @Test
  void shouldAnswer404JsonToASecondDelete() {
    String host = Unique.domain("api-delete-twice");
    publish(host, "security.txt", "v1");
    assertThat(http.apiDelete(file(host, "security.txt")).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> response = http.apiDelete(file(host, "security.txt"));

    assertJsonError(response, 404, null);
  }

  @Test
  void shouldRollBackToAnEarlierRevisionAsANewRevision() {
    String host = Unique.domain("api-rollback");
    publish(host, "security.txt", "v1");
    publish(host, "security.txt", "v2");

    HttpResponse<byte[]> response = http.apiPost(file(host, "security.txt") + "?rollbackTo=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("revision").asInt()).isEqualTo(3);
    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo("v1");
  }

  @Test
  void shouldAnswer409ToARollbackToADeleteRevision() {
    String host = Unique.domain("api-rollback-deleted");
    publish(host, "security.txt", "v1");
    assertThat(http.apiDelete(file(host, "security.txt")).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> response = http.apiPost(file(host, "security.txt") + "?rollbackTo=2");

    assertJsonError(response, 409, null);
    assertThat(http.fetch(host, "security.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswer404ToARollbackToAMissingRevision() {
    String host = Unique.domain("api-rollback-missing");
    publish(host, "security.txt", "v1");

    HttpResponse<byte[]> response = http.apiPost(file(host, "security.txt") + "?rollbackTo=7");

    assertJsonError(response, 404, null);
    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo("v1");
  }

  @Test
  void shouldAnswer400NamingRollbackToWhenItIsMissing() {
    String host = Unique.domain("api-rollback-none");
    publish(host, "security.txt", "v1");

    HttpResponse<byte[]> response = http.apiPost(file(host, "security.txt"));

    assertJsonError(response, 400, "rollbackTo");
  }

  @Test
  void shouldAnswer400NamingRollbackToWhenItIsNotANumber() {
    String host = Unique.domain("api-rollback-abc");
    publish(host, "security.txt", "v1");

    HttpResponse<byte[]> response = http.apiPost(file(host, "security.txt") + "?rollbackTo=abc");

    assertJsonError(response, 400, "rollbackTo");
  }

  @Test
  void shouldReturnTheExactBytesOfEachRevision() {
    String host = Unique.domain("api-revisions");
    byte[] first = {0x00, (byte) 0xff, '\r', '\n', 0x7f, (byte) 0x80};
    byte[] second = {(byte) 0xff, 0x00, '\n'};
    assertThat(http.publish(host, "logo.png", "image/png", first).statusCode()).isEqualTo(201);
    assertThat(http.publish(host, "logo.png", "image/png", second).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> one = http.apiGet("/api/v1/hosts/" + host + "/revisions/1/logo.png");
    HttpResponse<byte[]> two = http.apiGet("/api/v1/hosts/" + host + "/revisions/2/logo.png");

    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).isEqualTo(first);
    assertThat(one.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(two.body()).isEqualTo(second);
  }

  @Test
  void shouldAnswer404ForARevisionThatDoesNotExist() {
    String host = Unique.domain("api-revision-missing");
    publish(host, "security.txt", "v1");

    HttpResponse<byte[]> response =
        http.apiGet("/api/v1/hosts/" + host + "/revisions/2/security.txt");

    assertJsonError(response, 404, null);
  }

  @Test
  void shouldPageThroughTheFiles() {
    String host = Unique.domain("api-paging");
    publish(host, "security.txt", "v1");
    long total = json(http.apiGet("/api/v1/files?offset=0&limit=1")).path("total").asLong();

    List<String> scopes = new ArrayList<>();
    for (long offset = 0; offset < total; offset += 500) {
      JsonNode page = json(http.apiGet("/api/v1/files?offset=" + offset + "&limit=500"));
      page.path("items").forEach(item -> scopes.add(item.path("scope").asText()));
    }

    assertThat(total).isPositive();
    assertThat(scopes).hasSize((int) total).contains(host);
    JsonNode first = json(http.apiGet("/api/v1/files?offset=0&limit=1"));
    assertThat(first.path("items")).hasSize(1);
    JsonNode past = json(http.apiGet("/api/v1/files?offset=" + total + "&limit=10"));
    assertThat(past.path("items")).isEmpty();
  }

  @Test
  void shouldAnswer400NamingTheLimitWhenItIsOutOfRange() {
    for (String limit : List.of("0", "501", "-1")) {
      HttpResponse<byte[]> response = http.apiGet("/api/v1/files?limit=" + limit);

      assertJsonError(response, 400, "limit");
    }
  }

  @Test
  void shouldAnswer400NamingTheLimitWhenItIsNotANumber() {
    HttpResponse<byte[]> response = http.apiGet("/api/v1/files?limit=abc");

    assertJsonError(response, 400, "limit");
  }

  @Test
  void shouldReportTheSnapshotAsLoadedWithAFileCount() {
    publish(Unique.domain("api-status"), "security.txt", "v1");

    HttpResponse<byte[]> response = http.apiGet("/api/v1/status");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode status = json(response);
    assertThat(status.path("loaded").asBoolean()).isTrue();
    assertThat(status.path("files").isIntegralNumber()).isTrue();
    assertThat(status.path("files").asLong()).isPositive();
  }

  private HttpResponse<byte[]> publish(String scope, String name, String text) {
    HttpResponse<byte[]> put = http.publish(scope, name, text);
    assertThat(put.statusCode()).as("PUT %s %s: %s", scope, name, text(put)).isIn(200, 201);
    return put;
  }

  private static List<String> apiPaths(String host) {
    return List.of(
        "/api/v1/status",
        "/api/v1/files",
        file(host, "security.txt"),
        "/api/v1/hosts/" + host + "/revisions/1/security.txt",
        "/api/v1/nope",
        "/api/v2/anything");
  }

  private static List<Integer> numbers(JsonNode view) {
    List<Integer> numbers = new ArrayList<>();
    view.path("revisions").forEach(revision -> numbers.add(revision.path("number").asInt()));
    return numbers;
  }

  private static void assertUnauthorized(HttpResponse<byte[]> response, String what, String host) {
    assertThat(response.statusCode()).as(what).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .as(what)
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    assertThat(text(response))
        .as(what)
        .doesNotContain(host)
        .doesNotContain("private@")
        .doesNotContain("\"items\"")
        .doesNotContain("loaded");
    Answers.assertNoServerOrCookie(response);
  }
}
