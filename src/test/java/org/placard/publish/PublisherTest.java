package org.placard.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placard.config.SettingSource;
import org.placard.config.Settings;
import org.placard.serving.ChangePoller;
import org.placard.serving.LiveFiles;
import org.placard.store.Database;
import org.placard.store.FileStore;

/** Publishing end to end below HTTP: rules first, then the store, then the live snapshot. */
class PublisherTest {

  private static final String HOST = "mta-sts.example.com";
  private static final byte[] POLICY =
      "version: STSv1\r\nmode: testing\r\n".getBytes(StandardCharsets.US_ASCII);

  private Database database;
  private FileStore store;
  private LiveFiles live;
  private Publisher publisher;

  @BeforeEach
  void start() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    SettingSource source = SettingSource.of(Map.of(Settings.DB_URL, url), Map.of());
    database = Database.open(Settings.load(source), source);
    store = new FileStore(database.entityManagerFactory());
    live = new LiveFiles();
    ChangePoller poller = new ChangePoller(store, live);
    poller.loadAll();
    Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    publisher = new Publisher(store, live, poller, 64, clock);
  }

  @AfterEach
  void stop() {
    database.close();
  }

  @Test
  void shouldPutAPublishedFileLiveAtOnce() {
    publisher.publish(request(HOST, "mta-sts.txt", null, POLICY));

    assertThat(live.current().find(HOST, "mta-sts.txt").body()).isEqualTo(POLICY);
    assertThat(live.current().find(HOST, "mta-sts.txt").contentType())
        .isEqualTo("text/plain;charset=utf-8");
  }

  @Test
  void shouldTakeARemovedFileOutOfServiceAtOnce() {
    publisher.publish(request(HOST, "mta-sts.txt", null, POLICY));

    publisher.remove(HOST, "mta-sts.txt", "alice", "retired");

    assertThat(live.current().find(HOST, "mta-sts.txt")).isNull();
  }

  @Test
  void shouldStoreNothingWhenAnyRuleIsBroken() {
    byte[] notUtf8 = {'a', (byte) 0xc3};

    assertField(request("bad host", "mta-sts.txt", null, POLICY), "scope");
    assertField(request(HOST, "../x", null, POLICY), "name");
    assertField(request(HOST, "mta-sts.txt", "application/json", POLICY), "contentType");
    assertField(request(HOST, "mta-sts.txt", null, new byte[0]), "body");
    assertField(request(HOST, "mta-sts.txt", null, notUtf8), "body");
    assertField(request(HOST, "mta-sts.txt", null, new byte[65]), "body");

    assertThat(store.count()).isZero();
    assertThat(live.current().fileCount()).isZero();
  }

  @Test
  void shouldRefuseAuthorsAndCommentsThatCouldForgeTheHistory() {
    Publisher.Request forged =
        new Publisher.Request(HOST, "mta-sts.txt", null, POLICY, "alice\nbob", null);
    Publisher.Request multiline =
        new Publisher.Request(HOST, "mta-sts.txt", null, POLICY, "alice", "one\ntwo");

    assertThatThrownBy(() -> publisher.publish(forged)).hasMessageContaining("128 letters");
    assertThatThrownBy(() -> publisher.publish(multiline)).hasMessageContaining("one line");
  }

  private void assertField(Publisher.Request request, String field) {
    assertThatThrownBy(() -> publisher.publish(request))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  private static Publisher.Request request(String scope, String name, String type, byte[] body) {
    return new Publisher.Request(scope, name, type, body, "alice", null);
  }
}
