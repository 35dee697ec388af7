package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two pool members, each a {@code java -jar placard.war} process, sharing one real PostgreSQL as
 * they would behind a load balancer: what is changed through one is served by the other within the
 * refresh interval, with the same bytes and ETag, and one history. When the database goes away both
 * keep serving what they hold, refuse changes with a clear 503, and catch up once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedDatabaseIT {

  private static final Path WORK = Path.of("target", "shared-database-it").toAbsolutePath();
  private static final Duration REFRESH_LIMIT = Duration.ofSeconds(15);
  private static final String HOST = "mta-sts.shared.example";

  private static int databasePort;
  private static EmbeddedPostgres postgres;
  private static Process firstProcess;
  private static Process secondProcess;
  private static Http first;
  private static Http second;

  @BeforeAll
  static void startDatabaseAndTwoMembers() throws Exception {
    ExternalProcesses.deleteRecursively(WORK);
    databasePort = ExternalProcesses.freePort();
    postgres = startPostgres();
    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      admin.createStatement().execute("CREATE DATABASE placard");
    }

    // Both start at once, so both find an empty database and race to migrate it.
    int firstPort = ExternalProcesses.freePort();
    int secondPort = ExternalProcesses.freePort();
    firstProcess = startMember("first", firstPort);
    secondProcess = startMember("second", secondPort);
    first = new Http(new URL("http://127.0.0.1:" + firstPort + "/"));
    second = new Http(new URL("http://127.0.0.1:" + secondPort + "/"));
    ExternalProcesses.awaitHealthy(first, firstProcess);
    ExternalProcesses.awaitHealthy(second, secondProcess);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    for (Process member : new Process[] {firstProcess, secondProcess}) {
      if (member != null) {
        ExternalProcesses.stop(member);
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void shouldServeAChangeMadeOnOneMemberFromTheOtherWithTheSameETag() throws Exception {
    String name = Unique.name("policy") + ".txt";
    HttpResponse<byte[]> created = first.publish(HOST, name, "version: STSv1\r\nmode: testing\r\n");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(first.fetch(HOST, name).statusCode()).isEqualTo(200);
    ExternalProcesses.eventually(
        REFRESH_LIMIT,
        () -> {
          HttpResponse<byte[]> onSecond = second.fetch(HOST, name);
          assertThat(onSecond.statusCode()).isEqualTo(200);
          assertThat(onSecond.body()).isEqualTo(first.fetch(HOST, name).body());
          assertThat(onSecond.headers().firstValue("ETag"))
              .isEqualTo(first.fetch(HOST, name).headers().firstValue("ETag"));
        });
  }

  @Test
  @Order(2)
  void shouldKeepOneHistoryWhicheverMemberMadeTheChange() throws Exception {
    String name = Unique.name("history") + ".txt";
    assertThat(publishAs(first, "alice", name, "one\n").statusCode()).isEqualTo(201);
    assertThat(publishAs(second, "bob", name, "two\n").statusCode()).isEqualTo(200);
    ExternalProcesses.eventually(
        REFRESH_LIMIT, () -> assertThat(Http.text(first.fetch(HOST, name))).isEqualTo("two\n"));

    HttpResponse<byte[]> rolledBack = first.apiPost(Http.file(HOST, name) + "?rollbackTo=1");
    assertThat(rolledBack.statusCode()).isEqualTo(200);
    ExternalProcesses.eventually(
        REFRESH_LIMIT, () -> assertThat(Http.text(second.fetch(HOST, name))).isEqualTo("one\n"));

    assertThat(second.apiDelete(Http.file(HOST, name)).statusCode()).isEqualTo(200);
    ExternalProcesses.eventually(
        REFRESH_LIMIT, () -> assertThat(first.fetch(HOST, name).statusCode()).isEqualTo(404));

    JsonNode revisions = Http.json(first.apiGet(Http.file(HOST, name))).get("revisions");
    assertThat(revisions.findValuesAsText("number")).containsExactly("4", "3", "2", "1");
    assertThat(revisions.findValuesAsText("action"))
        .containsExactly("DELETE", "ROLLBACK", "PUBLISH", "PUBLISH");
    assertThat(revisions.get(3).get("author").asText()).isEqualTo("alice (api)");
    assertThat(revisions.get(2).get("author").asText()).isEqualTo("bob (api)");
  }

  @Test
  @Order(3)
  void shouldServeFromMemoryWhileTheDatabaseIsDownAndCatchUpWhenItReturns() throws Exception {
    String name = Unique.name("outage") + ".txt";
    assertThat(first.publish(HOST, name, "before\n").statusCode()).isEqualTo(201);
    ExternalProcesses.eventually(
        REFRESH_LIMIT, () -> assertThat(second.fetch(HOST, name).statusCode()).isEqualTo(200));
    long revisionsBefore = first.databaseRevisions();

    postgres.close();

    for (Http member : List.of(first, second)) {
      assertThat(Http.text(member.fetch(HOST, name))).isEqualTo("before\n");
      assertThat(member.get(HOST, "/healthz").statusCode()).isEqualTo(200);
    }
    HttpResponse<byte[]> refused = first.publish(HOST, name, "during\n");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).contains("5");
    assertThat(Http.json(refused).get("problem").asText())
        .startsWith("the database is unavailable (")
        .doesNotContain("Exception");

    postgres = startPostgres();

    assertThat(Http.text(first.fetch(HOST, name))).isEqualTo("before\n");
    assertThat(first.databaseRevisions()).isEqualTo(revisionsBefore);
    assertThat(second.publish(HOST, name, "after\n").statusCode()).isEqualTo(200);
    ExternalProcesses.eventually(
        REFRESH_LIMIT, () -> assertThat(Http.text(first.fetch(HOST, name))).isEqualTo("after\n"));
  }

  /** PostgreSQL on a fixed port and data folder, so that a restart finds the same database. */
  private static EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setPort(databasePort)
        .setDataDirectory(WORK.resolve("postgres"))
        .setCleanDataDirectory(false)
        .start();
  }

  private static Process startMember(String label, int port) throws IOException {
    return ExternalProcesses.launchWar(
        WORK.resolve(label),
        port,
        List.of(
            "-Dplacard.db.url=jdbc:postgresql://127.0.0.1:" + databasePort + "/placard",
            "-Dplacard.db.user=postgres",
            "-Dplacard.db.password=postgres",
            "-Dplacard.api.token=" + Http.TOKEN,
            "-Dplacard.refresh-seconds=1"));
  }

  private static HttpResponse<byte[]> publishAs(
      Http member, String author, String name, String text) {
    return member.send(
        member
            .api(Http.file(HOST, name))
            .header("Content-Type", "text/plain; charset=utf-8")
            .header("X-Placard-Author", author)
            .PUT(HttpRequest.BodyPublishers.ofString(text)));
  }
}
