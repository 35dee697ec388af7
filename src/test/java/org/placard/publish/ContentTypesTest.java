package org.placard.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mta-sts.txt | text/plain;charset=utf-8",
        "security.txt | text/plain;charset=utf-8",
        "notes/readme.TXT | text/plain;charset=utf-8",
        "assetlinks.json | application/json",
        "apple-app-site-association | application/json",
        "proxy.pac | application/x-ns-proxy-autoconfig",
        "wpad.dat | application/x-ns-proxy-autoconfig"
      })
  void shouldDefaultTheTypeFromTheName(String name, String expected) {
    assertThat(ContentTypes.resolve(name, null)).isEqualTo(expected);
    assertThat(ContentTypes.resolve(name, " ")).isEqualTo(expected);
  }

  @Test
  void shouldStoreATypeInTheFormContainersSendOnTheWire() {
    assertThat(ContentTypes.resolve("security.txt", "text/plain;charset=UTF-8"))
        .isEqualTo("text/plain;charset=UTF-8");
    assertThat(ContentTypes.resolve("security.txt", " text/plain; charset=\"utf-8\" "))
        .isEqualTo("text/plain;charset=utf-8");
    assertThat(ContentTypes.resolve("a.txt", "text/plain; charset=utf-8; format=flowed"))
        .isEqualTo("text/plain;format=flowed;charset=utf-8");
  }

  @Test
  void shouldKeepATypeWithoutCharsetExactlyAsWritten() {
    assertThat(ContentTypes.resolve("matrix/server", "application/json"))
        .isEqualTo("application/json");
    assertThat(ContentTypes.resolve("a.txt", "text/plain; format=flowed"))
        .isEqualTo("text/plain; format=flowed");
  }

  @Test
  void shouldRequireATypeWhenTheNameSuggestsNone() {
    assertThatThrownBy(() -> ContentTypes.resolve("matrix/server", null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contentType"));
  }

  @Test
  void shouldRequireTextPlainForMtaStsPolicies() {
    assertThatThrownBy(() -> ContentTypes.resolve("mta-sts.txt", "application/octet-stream"))
        .hasMessageContaining("RFC 8461");
    assertThat(ContentTypes.resolve("mta-sts.txt", "text/plain")).isEqualTo("text/plain");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text",
        "text/",
        "text/plain; charset",
        "text/plain\r\nSet-Cookie: a=b",
        "text/plain;\ncharset=utf-8",
        "text/plain; charset=no-such-charset",
        "application/x-www-form-urlencoded"
      })
  void shouldRefuseMalformedOrDangerousTypes(String type) {
    assertThatThrownBy(() -> ContentTypes.resolve("security.txt", type))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("contentType"));
  }

  @Test
  void shouldTellTheCharsetATextualBodyMustDecodeIn() {
    assertThat(ContentTypes.charsetOf("text/plain; charset=iso-8859-1"))
        .isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(ContentTypes.charsetOf("text/html")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ContentTypes.charsetOf("application/json")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ContentTypes.charsetOf("application/jrd+json")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(ContentTypes.charsetOf("image/png")).isNull();
  }
}
