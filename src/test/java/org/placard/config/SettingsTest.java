package org.placard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void shouldUseDocumentedDefaultsWhenNothingIsSet() {
    Settings settings = Settings.load(SettingSource.of(Map.of(), Map.of()));

    assertThat(settings.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".placard"));
    assertThat(settings.maxBodyBytes()).isEqualTo(1024 * 1024);
    assertThat(settings.cacheControl()).isEqualTo("max-age=300");
    assertThat(settings.demo()).isFalse();
    assertThat(settings.apiToken()).isEmpty();
    assertThat(settings.databaseUrl()).isEmpty();
  }

  @Test
  void shouldPreferSystemPropertiesOverTheEnvironment() {
    SettingSource source =
        SettingSource.of(
            Map.of("placard.home", "/srv/a"),
            Map.of("PLACARD_HOME", "/srv/b", "PLACARD_DEMO", "true"));

    Settings settings = Settings.load(source);

    assertThat(settings.home()).isEqualTo(Path.of("/srv/a"));
    assertThat(settings.demo()).isTrue();
  }

  @Test
  void shouldFallBackToJndiEntries() {
    SettingSource source =
        new SettingSource(
            name -> null,
            name -> null,
            name -> name.equals("placard.cache-control") ? "no-cache" : null);

    assertThat(Settings.load(source).cacheControl()).isEqualTo("no-cache");
  }

  @Test
  void shouldTrimOrdinaryValuesButKeepAPasswordAsGiven() {
    SettingSource source =
        SettingSource.of(
            Map.of("placard.db.url", " jdbc:postgresql://db/placard\n"),
            Map.of("PLACARD_DB_PASSWORD", " pass phrase "));

    Settings settings = Settings.load(source);

    assertThat(settings.databaseUrl()).contains("jdbc:postgresql://db/placard");
    assertThat(settings.databasePassword()).contains(" pass phrase ");
  }

  @Test
  void shouldReadSizesWithUnits() {
    assertThat(maxBody("2048")).isEqualTo(2048);
    assertThat(maxBody("512KiB")).isEqualTo(512 * 1024);
    assertThat(maxBody("2m")).isEqualTo(2 * 1024 * 1024);
  }

  @Test
  void shouldNameTheSettingItsOriginAndTheProblem() {
    SettingSource source = SettingSource.of(Map.of(), Map.of("PLACARD_MAX_BODY_BYTES", "lots"));

    assertThatThrownBy(() -> Settings.load(source))
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "Setting placard.max-body-bytes (from environment variable PLACARD_MAX_BODY_BYTES)"
                + " must be a size such as 1048576, 512KiB or 1MiB, got 'lots'");
  }

  @Test
  void shouldRefuseValuesOutOfRange() {
    assertThatThrownBy(() -> maxBody("0")).hasMessageContaining("between 1 byte and 64MiB");
    assertThatThrownBy(() -> maxBody("1000m")).hasMessageContaining("between 1 byte and 64MiB");
    assertThatThrownBy(() -> Settings.load(property("placard.demo", "yes")))
        .hasMessageContaining("must be true or false");
    assertThatThrownBy(() -> Settings.load(property("placard.cache-control", "a\nb")))
        .hasMessageContaining("printable ASCII");
  }

  @Test
  void shouldNeverEchoAWrongToken() {
    assertThatThrownBy(() -> Settings.load(property("placard.api.token", "short-secret")))
        .hasMessageContaining("placard.api.token")
        .hasMessageNotContaining("short-secret");
  }

  private static int maxBody(String value) {
    return Settings.load(property("placard.max-body-bytes", value)).maxBodyBytes();
  }

  private static SettingSource property(String name, String value) {
    return SettingSource.of(Map.of(name, value), Map.of());
  }
}
