package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar placard.war} with the demo switched on, as the README's run command starts it: a
 * fresh home folder, an embedded H2 database, the demo files served, and a clean stop.
 */
class LauncherIT {

  @Test
  void shouldStartTheDemoFromTheWarAlone() throws Exception {
    Path home = Path.of("target", "launcher-it-home").toAbsolutePath();
    ExternalProcesses.deleteRecursively(home);
    int port = ExternalProcesses.freePort();
    Process placard = start(home, port);
    try {
      Http http = new Http(new URL("http://127.0.0.1:" + port + "/"));
      ExternalProcesses.awaitHealthy(http, placard);

      HttpResponse<byte[]> policy = http.get("mta-sts.example.com", "/.well-known/mta-sts.txt");
      HttpResponse<byte[]> security = http.get("www.example.net", "/.well-known/security.txt");
      HttpResponse<byte[]> encodedSlash = http.get("mta-sts.example.com", "/.well-known/a%2fb");

      assertThat(policy.statusCode()).isEqualTo(200);
      assertThat(Http.text(policy)).startsWith("version: STSv1\r\n");
      assertThat(security.statusCode()).isEqualTo(200);
      assertThat(Http.text(security)).contains("Contact: ");
      assertThat(encodedSlash.statusCode()).isEqualTo(400);
      assertThat(Http.text(encodedSlash)).doesNotContain("Tomcat");
      assertThat(Files.readString(home.resolve("api-token")).trim()).hasSizeGreaterThan(40);
    } finally {
      ExternalProcesses.stop(placard);
    }
  }

  @Test
  void shouldRefuseToStartWithAWrongSettingAndSayWhichOne() throws Exception {
    Path home = Path.of("target", "launcher-it-bad-setting").toAbsolutePath();
    ExternalProcesses.deleteRecursively(home);

    Process placard = start(home, ExternalProcesses.freePort(), "-Dplacard.max-body-bytes=plenty");

    assertThat(placard.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(placard.exitValue()).isEqualTo(1);
    assertThat(Files.readString(home.resolve("console.log")))
        .contains(
            "Setting placard.max-body-bytes (from system property placard.max-body-bytes)"
                + " must be a size such as 1048576, 512KiB or 1MiB, got 'plenty'");
  }

  private static Process start(Path home, int port, String... options) throws Exception {
    List<String> all = new ArrayList<>(List.of("-Dplacard.demo=true"));
    all.addAll(List.of(options));
    return ExternalProcesses.launchWar(home, port, all);
  }
}
