package org.placard.app;

import java.time.Clock;
import org.placard.api.ApiToken;
import org.placard.config.SettingSource;
import org.placard.config.Settings;
import org.placard.demo.DemoContent;
import org.placard.publish.Publisher;
import org.placard.serving.ChangePoller;
import org.placard.serving.LiveFiles;
import org.placard.store.Database;
import org.placard.store.FileStore;

/**
 * One running Placard: the settings and the long-lived objects built from them. Built once when the
 * web application starts, closed when it stops.
 */
public final class Placard implements AutoCloseable {

  private final Settings settings;
  private final Database database;
  private final FileStore store;
  private final LiveFiles live;
  private final ChangePoller poller;
  private final Publisher publisher;
  private final ApiToken apiToken;

  private Placard(Settings settings, Database database) {
    this.settings = settings;
    this.database = database;
    this.store = new FileStore(database.entityManagerFactory());
    this.live = new LiveFiles();
    this.poller = new ChangePoller(store, live);
    this.publisher = new Publisher(store, live, poller, settings.maxBodyBytes(), Clock.systemUTC());
    this.apiToken = ApiToken.load(settings);
  }

  /**
   * Reads the settings and brings everything up; throws when a setting or the database is wrong.
   */
  public static Placard start(SettingSource source) {
    Settings settings = Settings.load(source);
    Database database = Database.open(settings, source);
    try {
      Placard placard = new Placard(settings, database);
      placard.loadFiles();
      return placard;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private void loadFiles() {
    if (settings.demo()) {
      DemoContent.seed(publisher, store);
    }
    poller.loadAll();
    poller.start(settings.refreshSeconds());
  }

  public Settings settings() {
    return settings;
  }

  public FileStore store() {
    return store;
  }

  public LiveFiles live() {
    return live;
  }

  public Publisher publisher() {
    return publisher;
  }

  public ApiToken apiToken() {
    return apiToken;
  }

  @Override
  public void close() {
    poller.close();
    database.close();
  }
}
