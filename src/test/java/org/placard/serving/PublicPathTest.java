package org.placard.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicPathTest {

  private static final String HOST = "mta-sts.example.com";
  private static final String POLICY = "/.well-known/mta-sts.txt";

  private final LiveFiles live = new LiveFiles();
  private final PublicPath path = new PublicPath(live);
  private ServedFile policy;

  @BeforeEach
  void load() {
    live.load(List.of(SnapshotTest.file(HOST, "mta-sts.txt", "version: STSv1\r\n")));
    policy = live.current().find(HOST, "mta-sts.txt");
  }

  @Test
  void shouldServeAStoredFileWithItsPrecomputedHeaders() {
    PublicAnswer answer = get(HOST, POLICY);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.file().contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(answer.file().contentLength()).isEqualTo("16");
    assertThat(answer.file().etag()).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(answer.file().lastModified()).isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
  }

  @Test
  void shouldAnswerHeadLikeGet() {
    assertThat(path.answer("HEAD", HOST, POLICY, null, null)).isSameAs(get(HOST, POLICY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "PROPFIND"})
  void shouldRefuseEveryOtherMethod(String method) {
    PublicAnswer answer = path.answer(method, HOST, POLICY, null, null);

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.allowHeader()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "bad host", "example.com:port", "a..b"})
  void shouldRefuseAMalformedHost(String host) {
    assertThat(get(host, POLICY).status()).isEqualTo(400);
    assertThat(get(null, POLICY).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/.well-known/%2e%2e/etc/passwd",
        "/.well-known/mta-sts.txt;jsessionid=ABC",
        "/.well-known//mta-sts.txt",
        "/.well-known/a%2fb",
        "/.well-known/../mta-sts.txt",
        "/.well-known/mta-sts.txt/"
      })
  void shouldRefuseOddPathsBeforeAnyLookup(String rawPath) {
    assertThat(get(HOST, rawPath).status()).isEqualTo(400);
  }

  @Test
  void shouldRefuseOverlongNames() {
    assertThat(get(HOST, "/.well-known/" + "a".repeat(300)).status()).isEqualTo(400);
  }

  @Test
  void shouldAnswerNotFoundForTheFolderAndUnknownFilesOrHosts() {
    assertThat(get(HOST, "/.well-known/").status()).isEqualTo(404);
    assertThat(get(HOST, "/.well-known/security.txt").status()).isEqualTo(404);
    assertThat(get("other.example.com", POLICY).status()).isEqualTo(404);
  }

  @Test
  void shouldAnswerNotModifiedWhenAnEtagMatches() {
    String etag = policy.etag();

    assertThat(conditional(etag, null)).isEqualTo(304);
    assertThat(conditional("\"other\", W/" + etag, null)).isEqualTo(304);
    assertThat(conditional("*", null)).isEqualTo(304);
    assertThat(conditional("\"other\"", null)).isEqualTo(200);
  }

  @Test
  void shouldAnswerNotModifiedWhenUnchangedSinceTheGivenDate() {
    assertThat(conditional(null, "Tue, 01 Dec 2026 10:00:00 GMT")).isEqualTo(304);
    assertThat(conditional(null, "Wed, 02 Dec 2026 10:00:00 GMT")).isEqualTo(304);
    assertThat(conditional(null, "Mon, 30 Nov 2026 10:00:00 GMT")).isEqualTo(200);
    assertThat(conditional(null, "yesterday")).isEqualTo(200);
  }

  @Test
  void shouldLetIfNoneMatchDecideOverIfModifiedSince() {
    assertThat(conditional("\"other\"", "Wed, 02 Dec 2026 10:00:00 GMT")).isEqualTo(200);
  }

  @Test
  void shouldAnswerUnavailableBeforeTheFilesAreLoaded() {
    PublicPath empty = new PublicPath(new LiveFiles());

    assertThat(empty.answer("GET", HOST, POLICY, null, null).status()).isEqualTo(503);
  }

  private PublicAnswer get(String host, String rawPath) {
    return path.answer("GET", host, rawPath, null, null);
  }

  private int conditional(String ifNoneMatch, String ifModifiedSince) {
    return path.answer("GET", HOST, POLICY, ifNoneMatch, ifModifiedSince).status();
  }
}
