package org.placard.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

  @Test
  void shouldParseTheThreeKindsOfScope() {
    assertThat(Scope.parse("*")).isEqualTo(Scope.EVERY_HOST);
    assertThat(Scope.parse("*.Example.ORG"))
        .isEqualTo(new Scope(Scope.Kind.WILDCARD, "example.org"));
    assertThat(Scope.parse("MTA-STS.example.com."))
        .isEqualTo(new Scope(Scope.Kind.EXACT, "mta-sts.example.com"));
  }

  @Test
  void shouldStoreInternationalNamesAsALabels() {
    assertThat(Scope.parse("mta-sts.bücher.example").toString())
        .isEqualTo("mta-sts.xn--bcher-kva.example");
    assertThat(Scope.parse("*.bücher.example").toString()).isEqualTo("*.xn--bcher-kva.example");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "**", "*.", "*.*.example.org", "a*.example.org", "example", "a..b", "*x"})
  void shouldRefuseMalformedScopesWithAnExplanation(String text) {
    assertThatThrownBy(() -> Scope.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scope");
  }

  @Test
  void shouldPrintScopesTheWayTheyAreWritten() {
    assertThat(Scope.parse("*").toString()).isEqualTo("*");
    assertThat(Scope.parse("*.example.org").toString()).isEqualTo("*.example.org");
    assertThat(Scope.parse("example.com").toString()).isEqualTo("example.com");
  }
}
