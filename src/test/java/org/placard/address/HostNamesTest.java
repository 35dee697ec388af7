package org.placard.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {

  @ParameterizedTest
  @CsvSource({
    "mta-sts.example.com, mta-sts.example.com",
    "MTA-STS.Example.COM, mta-sts.example.com",
    "mta-sts.example.com:443, mta-sts.example.com",
    "mta-sts.example.com., mta-sts.example.com",
    "mta-sts.example.com.:8443, mta-sts.example.com",
    "bücher.example, xn--bcher-kva.example",
    "xn--bcher-kva.example, xn--bcher-kva.example",
    "BÜCHER.example:80, xn--bcher-kva.example",
    "faß.de, xn--fa-hia.de",
    "XN--BCHER-KVA.example, xn--bcher-kva.example",
    "192.0.2.10:8080, 192.0.2.10",
    "'[2001:DB8::1]:443', '[2001:db8::1]'",
    "localhost, localhost"
  })
  void shouldReduceHostHeadersToTheirCanonicalForm(String header, String expected) {
    assertThat(HostNames.fromHostHeader(header)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ":443",
        "example.com:",
        "example.com:http",
        "example.com:123456",
        "example.com:99999",
        "exa mple.com",
        "example..com",
        "-example.com",
        "example-.com",
        "example.com..",
        "exa_mple.com",
        "ex/ample.com",
        "[::1",
        "[zz::1]",
        "a.example.com:80:80",
        "bü_cher.example",
        "a\u200db.example"
      })
  void shouldRefuseMalformedHostHeaders(String header) {
    assertThat(HostNames.fromHostHeader(header)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xn--a.example", "xn--.example", "mta-sts.xn--zz-.example"})
  void shouldRefuseAnAdministratorsALabelThatDoesNotDecode(String name) {
    assertThat(HostNames.canonical(name)).isNull();
  }

  @org.junit.jupiter.api.Test
  void shouldAcceptAnAdministratorsValidALabel() {
    assertThat(HostNames.canonical("mta-sts.xn--fa-hia.de.")).isEqualTo("mta-sts.xn--fa-hia.de");
  }

  @org.junit.jupiter.api.Test
  void shouldRefuseAMissingHostAndOverlongNames() {
    String label = "a".repeat(63);
    String tooLong = String.join(".", label, label, label, label, "com");

    assertThat(HostNames.fromHostHeader(null)).isNull();
    assertThat(HostNames.fromHostHeader("a".repeat(64) + ".com")).isNull();
    assertThat(HostNames.fromHostHeader(tooLong)).isNull();
  }

  @org.junit.jupiter.api.Test
  void shouldReturnTheSameStringForAnAlreadyCanonicalHost() {
    String host = new String("mta-sts.example.com");

    assertThat(HostNames.fromHostHeader(host)).isSameAs(host);
  }
}
