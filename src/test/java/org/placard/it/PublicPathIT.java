package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.placard.it.Answers.assertNoServerOrCookie;
import static org.placard.it.Http.json;
import static org.placard.it.Http.text;
import static org.placard.it.Http.utf8;

import java.net.IDN;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /.well-known/{name}}: which file a host gets, with which headers and bytes. */
class PublicPathIT extends DeployedWarTest {

  private static final String HOST = "mta-sts.public-path.example";
  private static final String PATH = "/.well-known/mta-sts.txt";
  private static final byte[] POLICY =
      "version: STSv1\r\nmode: enforce\r\nmx: mail.public-path.example\r\nmax_age: 604800\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  /** RFC 9110 section 5.6.7: the only date format a sender may generate. */
  private static final String IMF_FIXDATE =
      "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
          + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

  @BeforeEach
  void publishPolicy() {
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
    assertThat(response.headers().firstValue("ETag"))
        .hasValueSatisfying(e -> assertThat(e).startsWith("\""));
    assertThat(response.headers().firstValue("Last-Modified")).isPresent();
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=300");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void shouldSendAStrongEtag() {
    HttpResponse<byte[]> response = http.get(HOST, PATH);

    assertThat(response.headers().firstValue("ETag"))
        .hasValueSatisfying(etag -> assertThat(etag).matches("\"[^\"]+\""));
  }

  @Test
  void shouldSendLastModifiedAsAnImfFixdate() {
    HttpResponse<byte[]> response = http.get(HOST, PATH);

    assertThat(response.headers().firstValue("Last-Modified"))
        .hasValueSatisfying(date -> assertThat(date).matches(IMF_FIXDATE));
  }

  @Test
  void shouldAnswerHeadWithTheHeadersOfGetAndNoBody() {
    HttpResponse<byte[]> get = http.get(HOST, PATH);
    HttpResponse<byte[]> head = http.head(HOST, PATH);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    for (String name :
        List.of(
            "Content-Type",
            "Content-Length",
            "ETag",
            "Last-Modified",
            "Cache-Control",
            "X-Content-Type-Options")) {
      assertThat(head.headers().firstValue(name))
          .as(name)
          .isPresent()
          .isEqualTo(get.headers().firstValue(name));
    }
    assertNoServerOrCookie(head);
  }

  @Test
  void shouldServeTheExactHostsFileBeforeTheWildcardAndEveryHostFiles() {
    String domain = Unique.domain("exact-first");
    String name = Unique.name("exact-first");
    publish("*", name, "every host");
    publish("*." + domain, name, "wildcard");
    publish("www." + domain, name, "exact");

    assertThat(text(http.fetch("www." + domain, name))).isEqualTo("exact");
  }

  @Test
  void shouldServeTheWildcardFileBeforeTheEveryHostFile() {
    String domain = Unique.domain("wildcard-second");
    String name = Unique.name("wildcard-second");
    publish("*", name, "every host");
    publish("*." + domain, name, "wildcard");

    assertThat(text(http.fetch("www." + domain, name))).isEqualTo("wildcard");
  }

  @Test
  void shouldDecideTheScopePerName() {
    String domain = Unique.domain("per-name");
    String own = Unique.name("per-name-own");
    String shared = Unique.name("per-name-shared");
    String everywhere = Unique.name("per-name-everywhere");
    publish("www." + domain, own, "exact");
    publish("*." + domain, shared, "wildcard");
    publish("*", everywhere, "every host");

    assertThat(text(http.fetch("www." + domain, own))).isEqualTo("exact");
    assertThat(text(http.fetch("www." + domain, shared))).isEqualTo("wildcard");
    assertThat(text(http.fetch("www." + domain, everywhere))).isEqualTo("every host");
  }

  @Test
  void shouldServeTheEveryHostFileToAnyHost() {
    String name = Unique.name("any-host");
    publish("*", name, "every host");

    assertThat(text(http.fetch(Unique.domain("never-configured"), name))).isEqualTo("every host");
    assertThat(text(http.fetch("127.0.0.1", name))).isEqualTo("every host");
  }

  @Test
  void shouldMatchTheWildcardForOneExtraLabel() {
    String domain = Unique.domain("one-label");
    String name = Unique.name("one-label");
    publish("*." + domain, name, "wildcard");

    assertThat(http.fetch("a." + domain, name).statusCode()).isEqualTo(200);
    assertThat(http.fetch("b." + domain, name).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldNotMatchTheWildcardForTheBareDomain() {
    String domain = Unique.domain("bare-domain");
    String name = Unique.name("bare-domain");
    publish("*." + domain, name, "wildcard");

    assertThat(http.fetch(domain, name).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldNotMatchTheWildcardForTwoExtraLabels() {
    String domain = Unique.domain("two-labels");
    String name = Unique.name("two-labels");
    publish("*." + domain, name, "wildcard");

    assertThat(http.fetch("a.b." + domain, name).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldAnswer404WithAShortPlainTextBodyForAnUnknownHost() {
    HttpResponse<byte[]> response = http.get(Unique.domain("unknown-host"), PATH);

    assertShortPlainText(response, 404);
  }

  @Test
  void shouldAnswer404WithAShortPlainTextBodyForAnUnknownName() {
    HttpResponse<byte[]> response = http.fetch(HOST, Unique.name("unknown-name"));

    assertShortPlainText(response, 404);
  }

  @Test
  void shouldIgnoreTheCaseThePortAndOneTrailingDotOfTheHost() {
    for (String host :
        List.of(
            "MTA-STS.Public-Path.EXAMPLE",
            HOST + ":8443",
            HOST + ".",
            "Mta-Sts.Public-Path.Example.:80")) {
      HttpResponse<byte[]> response = http.get(host, PATH);

      assertThat(response.statusCode()).as(host).isEqualTo(200);
      assertThat(response.body()).as(host).isEqualTo(POLICY);
    }
  }

  @Test
  void shouldServeAnInternationalScopeToItsALabelHost() {
    String unicode = "bücher-" + Unique.RUN + ".example";
    String alabel = IDN.toASCII(unicode);
    HttpResponse<byte[]> put =
        http.publish(
            URLEncoder.encode(unicode, StandardCharsets.UTF_8),
            "security.txt",
            "text/plain; charset=utf-8",
            utf8("Contact: mailto:security@" + alabel + "\n"));

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(json(put).path("scope").asText()).isEqualTo(alabel);
    assertThat(text(http.fetch(alabel, "security.txt"))).contains(alabel);
    assertThat(http.fetch(alabel.toUpperCase(Locale.ROOT) + ".", "security.txt").statusCode())
        .isEqualTo(200);
  }

  @Test
  void shouldAnswer400ToAHostHeaderInUnicodeForm() {
    String unicode = "bücher-" + Unique.RUN + "-raw.example";
    publish(URLEncoder.encode(unicode, StandardCharsets.UTF_8), "security.txt", "idn");
    String host = Http.latin1(utf8(unicode));

    RawResponse response =
        http.rawResponse("GET /.well-known/security.txt HTTP/1.1\r\nHost: " + host);

    assertThat(response.status()).isEqualTo(400);
    Answers.assertNoLeak(response);
  }

  @Test
  void shouldAnswer400WhenAnHttp10RequestHasNoHost() {
    RawResponse response = http.rawResponse("GET " + PATH + " HTTP/1.0");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.mediaType()).isEqualTo("text/plain");
    assertThat(response.body()).doesNotContain("version: STSv1");
    Answers.assertNoLeak(response);
  }

  @Test
  void shouldAnswer400WhenAnHttp11RequestHasNoHost() {
    RawResponse response = http.rawResponse("GET " + PATH + " HTTP/1.1");

    assertThat(response.status()).isEqualTo(400);
    Answers.assertNoLeak(response);
  }

  @Test
  void shouldAnswer400ForAHostThatIsNotAHostName() {
    for (String host :
        List.of(
            "",
            HOST + ":",
            HOST + ":123456",
            "a".repeat(64) + ".example",
            ("a".repeat(60) + ".").repeat(5) + "example")) {
      RawResponse response = http.rawResponse("GET " + PATH + " HTTP/1.1\r\nHost: " + host);

      assertThat(response.status()).as("Host: %s", host).isEqualTo(400);
      assertThat(response.mediaType()).as("Host: %s", host).isEqualTo("text/plain");
      Answers.assertNoLeak(response, "Host: " + host);
    }
  }

  @Test
  void shouldRefuseWritesWith405AndAllowGetAndHead() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<byte[]> response =
          http.send(
              http.request(PATH)
                  .header("Host", HOST)
                  .header("Content-Type", "text/plain")
                  .method(method, HttpRequest.BodyPublishers.ofString("mode: none\r\n")));

      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
      assertNoServerOrCookie(response);
    }
    assertThat(http.get(HOST, PATH).body()).isEqualTo(POLICY);
  }

  @Test
  void shouldRefuseOptionsAndUnknownMethodsWith405AndAllowGetAndHead() {
    for (String method : List.of("OPTIONS", "FOO")) {
      HttpResponse<byte[]> response =
          http.send(
              http.request(PATH)
                  .header("Host", HOST)
                  .method(method, HttpRequest.BodyPublishers.noBody()));

      assertThat(response.statusCode()).as(method).isEqualTo(405);
      assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
    }
  }

  @Test
  void shouldAnswer404WithoutARedirectForTheWellKnownFolder() {
    for (String path : List.of("/.well-known", "/.well-known/")) {
      HttpResponse<byte[]> response = http.get(HOST, path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Location")).as(path).isEmpty();
    }
  }

  @Test
  void shouldSendTheContentTypeExactlyAsTheApiReportedIt() {
    String host = Unique.domain("types");
    List<String> given =
        List.of(
            "text/plain; charset=utf-8",
            "text/plain; format=flowed; charset=UTF-8",
            "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"",
            "application/json",
            "image/png");
    for (int i = 0; i < given.size(); i++) {
      String name = "type-" + i + ".bin";
      HttpResponse<byte[]> put = http.publish(host, name, given.get(i), utf8("{}"));
      String reported = json(put).path("contentType").asText();

      assertThat(http.fetch(host, name).headers().firstValue("Content-Type"))
          .as(given.get(i))
          .hasValue(reported);
    }
  }

  @Test
  void shouldKeepCrlfLineEndings() {
    byte[] body = utf8("Contact: mailto:a@example.org\r\nExpires: 2030-01-01T00:00:00Z\r\n");

    assertServedUnchanged("crlf", "security.txt", "text/plain; charset=utf-8", body);
  }

  @Test
  void shouldKeepLfLineEndingsAndAddNoByteOrderMark() {
    byte[] body = utf8("Contact: mailto:a@example.org\nExpires: 2030-01-01T00:00:00Z\n");

    byte[] served = assertServedUnchanged("lf", "security.txt", "text/plain; charset=utf-8", body);
    assertThat(served[0]).isEqualTo((byte) 'C');
  }

  @Test
  void shouldServeNonAsciiUtf8BytesUnchanged() {
    byte[] body = utf8("Contact: mailto:sécurité@exämple.org\nPreferred-Languages: de, ja\n日本語\n");

    assertServedUnchanged("utf8", "security.txt", "text/plain; charset=utf-8", body);
  }

  @Test
  void shouldServeBinaryBytesUnchanged() {
    byte[] body = {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1a,
      '\n',
      0x00,
      0x00,
      0x00,
      0x0d,
      (byte) 0xff,
      (byte) 0xfe,
      0x00,
      (byte) 0xff,
      '\r',
      '\n',
      '\n',
      '\r'
    };

    assertServedUnchanged("binary", "logo.png", "image/png", body);
  }

  @Test
  void shouldServeSecurityTxtAsUtf8PlainTextWhenNoTypeIsGiven() {
    String host = Unique.domain("default-txt");
    HttpResponse<byte[]> put =
        http.publish(host, "security.txt", null, utf8("Contact: mailto:a@example.org\n"));

    assertThat(json(put).path("contentType").asText()).isEqualTo("text/plain;charset=utf-8");
    assertThat(http.fetch(host, "security.txt").headers().firstValue("Content-Type"))
        .hasValue("text/plain;charset=utf-8");
  }

  @Test
  void shouldServeAssetlinksJsonAsJsonWhenNoTypeIsGiven() {
    String host = Unique.domain("default-json");
    HttpResponse<byte[]> put = http.publish(host, "assetlinks.json", null, utf8("[]"));

    assertThat(json(put).path("contentType").asText()).isEqualTo("application/json");
    assertThat(http.fetch(host, "assetlinks.json").headers().firstValue("Content-Type"))
        .hasValue("application/json");
  }

  @Test
  void shouldServeANewVersionAsSoonAsThePutReturns() {
    String host = Unique.domain("live-put");
    publish(host, "security.txt", "v1");
    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo("v1");

    publish(host, "security.txt", "v2");

    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo("v2");
  }

  @Test
  void shouldAnswer404AsSoonAsTheDeleteReturns() {
    String host = Unique.domain("live-delete");
    publish(host, "security.txt", "v1");
    assertThat(http.fetch(host, "security.txt").statusCode()).isEqualTo(200);

    assertThat(http.apiDelete(Http.file(host, "security.txt")).statusCode()).isEqualTo(200);

    assertThat(http.fetch(host, "security.txt").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldServeTheOldBytesAsANewRevisionAsSoonAsARollbackReturns() {
    String host = Unique.domain("live-rollback");
    String v1Etag = json(publish(host, "security.txt", "v1")).path("etag").asText();
    publish(host, "security.txt", "v2");
    assertThat(text(http.fetch(host, "security.txt"))).isEqualTo("v2");

    HttpResponse<byte[]> rollback = http.apiPost(Http.file(host, "security.txt") + "?rollbackTo=1");

    assertThat(rollback.statusCode()).isEqualTo(200);
    assertThat(json(rollback).path("revision").asInt()).isEqualTo(3);
    HttpResponse<byte[]> served = http.fetch(host, "security.txt");
    assertThat(text(served)).isEqualTo("v1");
    assertThat(served.headers().firstValue("ETag")).hasValue(v1Etag);
  }

  private HttpResponse<byte[]> publish(String scope, String name, String text) {
    HttpResponse<byte[]> put = http.publish(scope, name, text);
    assertThat(put.statusCode()).as("PUT %s %s: %s", scope, name, text(put)).isIn(200, 201);
    return put;
  }

  private byte[] assertServedUnchanged(String label, String name, String type, byte[] body) {
    String host = Unique.domain(label);
    HttpResponse<byte[]> put = http.publish(host, name, type, body);
    assertThat(put.statusCode()).as(text(put)).isEqualTo(201);

    HttpResponse<byte[]> response = http.fetch(host, name);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
    assertThat(response.headers().firstValue("Content-Length")).hasValue("" + body.length);
    return response.body();
  }

  private static void assertShortPlainText(HttpResponse<byte[]> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(response.body()).isNotEmpty().hasSizeLessThan(100);
    assertNoServerOrCookie(response);
  }
}
