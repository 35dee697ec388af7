package org.placard.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mta-sts.txt",
        "security.txt",
        "matrix/server",
        "acme-challenge/LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0",
        "apple-app-site-association",
        ".hidden",
        "a..b",
        "...",
        "~user_1"
      })
  void shouldAcceptWellKnownNames(String name) {
    assertThat(FileNames.isValid(name, 0, name.length())).isTrue();
    assertThat(FileNames.check(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "..",
        "../etc/passwd",
        "a/../b",
        "a/./b",
        "a//b",
        "/a",
        "a/",
        "a%2fb",
        "%2e%2e",
        "a;jsessionid=1",
        "a b",
        "a\\b",
        "a?b",
        "a#b",
        "ünicode"
      })
  void shouldRefuseNamesThatCouldEscapeOrAlias(String name) {
    assertThat(FileNames.isValid(name, 0, name.length())).isFalse();
    assertThatThrownBy(() -> FileNames.check(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseOverlongNames() {
    String name = "a".repeat(FileNames.MAX_LENGTH + 1);

    assertThatThrownBy(() -> FileNames.check(name)).hasMessageContaining("longer than 255");
  }

  @Test
  void shouldCheckOnlyTheGivenRangeOfAPath() {
    String path = "/.well-known/mta-sts.txt";

    assertThat(FileNames.isValid(path, 13, path.length())).isTrue();
    assertThat(FileNames.isValid(path, 0, path.length())).isFalse();
  }
}
