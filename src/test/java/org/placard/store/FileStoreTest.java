package org.placard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.placard.config.SettingSource;
import org.placard.config.Settings;

/** The store against a real, migrated H2 database in memory; subclasses use other databases. */
class FileStoreTest {

  private static final String SCOPE = "mta-sts.example.com";
  private static final String NAME = "mta-sts.txt";

  private Database database;
  private FileStore store;

  /** The settings of an empty database for one test. */
  Map<String, String> freshDatabase() throws Exception {
    return Map.of(Settings.DB_URL, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @BeforeEach
  void openDatabase() throws Exception {
    SettingSource source = SettingSource.of(freshDatabase(), Map.of());
    database = Database.open(Settings.load(source), source);
    store = new FileStore(database.entityManagerFactory());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void shouldNumberRevisionsAndKeepEveryOneOfThem() {
    FileStore.Published first = store.publish(SCOPE, NAME, change("one", "alice"));
    FileStore.Published second = store.publish(SCOPE, NAME, change("two", "bob"));

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.current().number()).isEqualTo(2);
    assertThat(store.history(SCOPE, NAME).orElseThrow().revisions())
        .extracting(RevisionInfo::number, RevisionInfo::author, RevisionInfo::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "bob", RevisionAction.PUBLISH),
            org.assertj.core.groups.Tuple.tuple(1, "alice", RevisionAction.PUBLISH));
  }

  @Test
  void shouldKeepTheHistoryWhenAFileIsRemoved() {
    store.publish(SCOPE, NAME, change("one", "alice"));

    FileStore.Removed removed =
        store.remove(SCOPE, NAME, Change.withoutContent("bob", "gone", now()));
    FileSummary summary = store.history(SCOPE, NAME).orElseThrow();

    assertThat(removed.number()).isEqualTo(2);
    assertThat(summary.inService()).isFalse();
    assertThat(summary.revisions()).hasSize(2);
    assertThat(summary.revisions().get(0).action()).isEqualTo(RevisionAction.DELETE);
    assertThat(store.loadCurrent()).isEmpty();
  }

  @Test
  void shouldRollBackAsANewRevisionWithTheOldBytes() {
    store.publish(SCOPE, NAME, change("one", "alice"));
    store.publish(SCOPE, NAME, change("two", "alice"));

    CurrentFile current =
        store.rollback(SCOPE, NAME, 1, Change.withoutContent("carol", null, now()));

    assertThat(current.number()).isEqualTo(3);
    assertThat(new String(current.body(), StandardCharsets.UTF_8)).isEqualTo("one");
    assertThat(store.history(SCOPE, NAME).orElseThrow().revisions().get(0).action())
        .isEqualTo(RevisionAction.ROLLBACK);
  }

  @Test
  void shouldRefuseToRollBackToARemovalOrAMissingRevision() {
    store.publish(SCOPE, NAME, change("one", "alice"));
    store.remove(SCOPE, NAME, Change.withoutContent("bob", null, now()));

    assertThatThrownBy(
            () -> store.rollback(SCOPE, NAME, 2, Change.withoutContent("c", null, now())))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.REVISION_HAS_NO_CONTENT));
    assertThatThrownBy(
            () -> store.rollback(SCOPE, NAME, 9, Change.withoutContent("c", null, now())))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NO_SUCH_REVISION));
  }

  @Test
  void shouldLoadOnlyTheFilesInServiceWithTheirBytes() {
    store.publish(SCOPE, NAME, change("policy", "alice"));
    store.publish("*", "security.txt", change("Contact: x", "alice"));
    store.publish("*.example.org", "gone.txt", change("x", "alice"));
    store.remove("*.example.org", "gone.txt", Change.withoutContent("alice", null, now()));

    assertThat(store.loadCurrent())
        .extracting(CurrentFile::scope, CurrentFile::name)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(SCOPE, NAME),
            org.assertj.core.groups.Tuple.tuple("*", "security.txt"));
    assertThat(store.count()).isEqualTo(3);
    assertThat(store.list(0, 2))
        .extracting(FileSummary::scope)
        .containsExactly("*", "*.example.org");
  }

  @Test
  void shouldMoveTheChangeMarkerWithEveryRevision() {
    FileStore.ChangeMarker before = store.changeMarker();
    store.publish(SCOPE, NAME, change("one", "alice"));
    FileStore.ChangeMarker after = store.changeMarker();

    assertThat(before).isEqualTo(new FileStore.ChangeMarker(0, 0));
    assertThat(after.count()).isEqualTo(1);
    assertThat(after.highestId()).isPositive();
  }

  private static Change change(String body, String author) {
    return new Change(
        "text/plain;charset=utf-8", body.getBytes(StandardCharsets.UTF_8), author, null, now());
  }

  private static Instant now() {
    return Instant.parse("2026-12-01T10:00:00Z");
  }
}
