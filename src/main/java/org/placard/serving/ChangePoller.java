package org.placard.serving;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.placard.store.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this member's snapshot in step with changes other pool members store in a shared database.
 * A background thread compares a cheap change marker now and then and reloads only when it moved;
 * the public path never waits for it. Changes made through this member are absorbed without a
 * reload when nothing else changed in between.
 */
public final class ChangePoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangePoller.class);

  private final FileStore store;
  private final LiveFiles live;
  private final ScheduledExecutorService timer;
  private FileStore.ChangeMarker known;

  public ChangePoller(FileStore store, LiveFiles live) {
    this.store = store;
    this.live = live;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "placard-change-poller");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Loads every file in service; called once at start-up before any request is answered. */
  public synchronized void loadAll() {
    FileStore.ChangeMarker marker = store.changeMarker();
    live.load(store.loadCurrent());
    known = marker;
  }

  /** Starts polling every {@code seconds}; zero means never (a single member). */
  public void start(int seconds) {
    if (seconds > 0) {
      timer.scheduleWithFixedDelay(this::poll, seconds, seconds, TimeUnit.SECONDS);
    }
  }

  /**
   * Records that this member stored revision {@code revisionId} and already put it live. When it is
   * the only change since the last look, the marker simply moves on; otherwise the next poll
   * reloads.
   */
  public synchronized void absorb(long revisionId) {
    FileStore.ChangeMarker now = store.changeMarker();
    if (known != null && now.count() == known.count() + 1 && now.highestId() == revisionId) {
      known = now;
    }
  }

  synchronized void poll() {
    try {
      FileStore.ChangeMarker now = store.changeMarker();
      if (!now.equals(known)) {
        LOG.info("Files changed in the database (revision {}); reloading", now.highestId());
        live.load(store.loadCurrent());
        known = now;
      }
    } catch (RuntimeException e) {
      // Keep serving the snapshot we have; the database may be back at the next poll.
      LOG.warn("Could not check the database for changes: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
