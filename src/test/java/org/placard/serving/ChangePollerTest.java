package org.placard.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placard.config.SettingSource;
import org.placard.config.Settings;
import org.placard.publish.Publisher;
import org.placard.store.CurrentFile;
import org.placard.store.Database;
import org.placard.store.FileStore;

/** Two pool members sharing one database: each one's changes reach the other by polling. */
class ChangePollerTest {

  private static final String HOST = "mta-sts.example.com";

  private Database database;
  private Member first;
  private Member second;

  /** What one pool member holds: its own snapshot, poller and publisher. */
  private record Member(LiveFiles live, ChangePoller poller, Publisher publisher) {

    static Member on(FileStore store) {
      LiveFiles live = new LiveFiles();
      ChangePoller poller = new ChangePoller(store, live);
      poller.loadAll();
      return new Member(live, poller, new Publisher(store, live, poller, 1024, Clock.systemUTC()));
    }

    String body(String host, String name) {
      ServedFile file = live.current().find(host, name);
      return file == null ? null : new String(file.body(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void startTwoMembers() {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    SettingSource source = SettingSource.of(Map.of(Settings.DB_URL, url), Map.of());
    database = Database.open(Settings.load(source), source);
    FileStore store = new FileStore(database.entityManagerFactory());
    first = Member.on(store);
    second = Member.on(store);
  }

  @AfterEach
  void stop() {
    first.poller().close();
    second.poller().close();
    database.close();
  }

  @Test
  void shouldServeAnotherMembersChangeAfterTheNextPoll() {
    first.publisher().publish(request("version: STSv1\r\n"));

    assertThat(second.body(HOST, "mta-sts.txt")).isNull();
    second.poller().poll();
    assertThat(second.body(HOST, "mta-sts.txt")).isEqualTo("version: STSv1\r\n");
  }

  @Test
  void shouldDropAFileAnotherMemberRemoved() {
    first.publisher().publish(request("version: STSv1\r\n"));
    second.poller().poll();

    first.publisher().remove(HOST, "mta-sts.txt", "alice", null);
    second.poller().poll();

    assertThat(second.body(HOST, "mta-sts.txt")).isNull();
  }

  @Test
  void shouldNotReloadForAChangeItMadeItself() {
    first.publisher().publish(request("version: STSv1\r\n"));
    Snapshot afterOwnChange = first.live().current();

    first.poller().poll();

    assertThat(first.live().current()).isSameAs(afterOwnChange);
  }

  @Test
  void shouldKeepServingWhatItHasWhileTheDatabaseIsUnreachable() {
    first.publisher().publish(request("version: STSv1\r\n"));
    FlakyStore flaky = new FlakyStore(database);
    Member third = Member.on(flaky);
    ChangePoller poller = third.poller();
    Snapshot beforeOutage = third.live().current();

    flaky.down = true;
    poller.poll();
    poller.poll();

    assertThat(poller.isDatabaseUnreachable()).isTrue();
    assertThat(third.body(HOST, "mta-sts.txt")).isEqualTo("version: STSv1\r\n");
    assertThat(third.live().current()).isSameAs(beforeOutage);

    first.publisher().publish(request("version: STSv1\r\nmode: enforce\r\n"));
    flaky.down = false;
    poller.poll();

    assertThat(poller.isDatabaseUnreachable()).isFalse();
    assertThat(third.body(HOST, "mta-sts.txt")).isEqualTo("version: STSv1\r\nmode: enforce\r\n");
    poller.close();
  }

  /** A store whose database can be switched off, as when the shared server goes down. */
  private static final class FlakyStore extends FileStore {
    volatile boolean down;

    FlakyStore(Database database) {
      super(database.entityManagerFactory());
    }

    @Override
    public ChangeMarker changeMarker() {
      failIfDown();
      return super.changeMarker();
    }

    @Override
    public List<CurrentFile> loadCurrent() {
      failIfDown();
      return super.loadCurrent();
    }

    private void failIfDown() {
      if (down) {
        throw new IllegalStateException("Connection refused");
      }
    }
  }

  private static Publisher.Request request(String body) {
    return new Publisher.Request(
        HOST, "mta-sts.txt", null, body.getBytes(StandardCharsets.UTF_8), "alice", null);
  }
}
