package org.placard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.placard.config.SettingSource;
import org.placard.config.Settings;

class ApiTokenTest {

  @TempDir Path home;

  @Test
  void shouldMatchOnlyTheExactBearerToken() {
    ApiToken token = ApiToken.of("correct-horse-battery-staple");

    assertThat(token.matches("Bearer correct-horse-battery-staple")).isTrue();
    assertThat(token.matches("bearer correct-horse-battery-staple")).isTrue();
    assertThat(token.matches("Bearer correct-horse-battery-stapl")).isFalse();
    assertThat(token.matches("Basic Y29ycmVjdA==")).isFalse();
    assertThat(token.matches("Bearer")).isFalse();
    assertThat(token.matches(null)).isFalse();
  }

  @Test
  void shouldGenerateATokenFileOnlyItsOwnerCanReadAndKeepIt() throws Exception {
    Settings settings =
        Settings.load(SettingSource.of(Map.of("placard.home", home.toString()), Map.of()));

    ApiToken first = ApiToken.load(settings);
    Path file = home.resolve(ApiToken.FILE_NAME);
    String stored = Files.readString(file).trim();
    ApiToken second = ApiToken.load(settings);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(stored).hasSizeGreaterThanOrEqualTo(43);
    assertThat(first.matches("Bearer " + stored)).isTrue();
    assertThat(second.matches("Bearer " + stored)).isTrue();
  }
}
