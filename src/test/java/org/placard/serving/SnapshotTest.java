package org.placard.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.placard.address.Scope;
import org.placard.store.CurrentFile;

class SnapshotTest {

  private static long nextId = 1;

  static CurrentFile file(String scope, String name, String body) {
    return new CurrentFile(
        scope,
        name,
        nextId++,
        1,
        "text/plain; charset=utf-8",
        body.getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-12-01T10:00:00Z"));
  }

  private final Snapshot snapshot =
      Snapshot.of(
          List.of(
              file("mta-sts.example.com", "mta-sts.txt", "exact"),
              file("*.example.com", "mta-sts.txt", "wildcard"),
              file("*.example.com", "matrix/server", "wildcard matrix"),
              file("*", "security.txt", "every host"),
              file("*", "mta-sts.txt", "every host policy")));

  @Test
  void shouldPreferTheExactHostThenTheWildcardThenEveryHost() {
    assertThat(body("mta-sts.example.com", "mta-sts.txt")).isEqualTo("exact");
    assertThat(body("other.example.com", "mta-sts.txt")).isEqualTo("wildcard");
    assertThat(body("example.net", "mta-sts.txt")).isEqualTo("every host policy");
  }

  @Test
  void shouldFallBackPerNameNotPerHost() {
    assertThat(body("mta-sts.example.com", "security.txt")).isEqualTo("every host");
    assertThat(body("mta-sts.example.com", "matrix/server")).isEqualTo("wildcard matrix");
  }

  @Test
  void shouldMatchAWildcardForExactlyOneExtraLabel() {
    assertThat(body("example.com", "matrix/server")).isNull();
    assertThat(body("a.b.example.com", "matrix/server")).isNull();
    assertThat(body("a.example.com", "matrix/server")).isEqualTo("wildcard matrix");
  }

  @Test
  void shouldAnswerNothingForUnknownNames() {
    assertThat(snapshot.find("mta-sts.example.com", "nothing.txt")).isNull();
  }

  @Test
  void shouldChangeOneFileWithoutTouchingTheOriginal() {
    Snapshot changed =
        snapshot.with(
            Scope.parse("mta-sts.example.com"),
            "mta-sts.txt",
            ServedFile.of(file("mta-sts.example.com", "mta-sts.txt", "edited")));

    assertThat(new String(changed.find("mta-sts.example.com", "mta-sts.txt").body()))
        .isEqualTo("edited");
    assertThat(body("mta-sts.example.com", "mta-sts.txt")).isEqualTo("exact");
    assertThat(changed.fileCount()).isEqualTo(snapshot.fileCount());
  }

  @Test
  void shouldFallBackAgainWhenTheNarrowerFileIsRemoved() {
    Snapshot changed = snapshot.with(Scope.parse("mta-sts.example.com"), "mta-sts.txt", null);

    assertThat(new String(changed.find("mta-sts.example.com", "mta-sts.txt").body()))
        .isEqualTo("wildcard");
    assertThat(changed.fileCount()).isEqualTo(snapshot.fileCount() - 1);
    assertThat(changed.scopeCount()).isEqualTo(snapshot.scopeCount() - 1);
  }

  private String body(String host, String name) {
    ServedFile file = snapshot.find(host, name);
    return file == null ? null : new String(file.body(), StandardCharsets.UTF_8);
  }
}
