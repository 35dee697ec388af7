package org.placard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.placard.config.SettingSource;
import org.placard.config.Settings;
import org.placard.config.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind Placard, chosen once at start-up: a container DataSource bound at {@code
 * java:comp/env/jdbc/placard}, else the JDBC URL of {@code placard.db.url}, else an embedded H2
 * file under the home folder. The schema is migrated by Flyway and only validated by Hibernate.
 */
public final class Database implements AutoCloseable {

  static final String JNDI_NAME = "jdbc/placard";
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource ownedPool;
  private final SessionFactory sessionFactory;

  private Database(DataSource dataSource, HikariDataSource ownedPool) {
    this.ownedPool = ownedPool;
    migrate(dataSource);
    this.sessionFactory = buildSessionFactory(dataSource);
  }

  /** Opens the configured database, migrates its schema and validates the mapping against it. */
  public static Database open(Settings settings, SettingSource source) {
    Object bound = source.lookupJndi(JNDI_NAME);
    if (bound instanceof DataSource containerDataSource) {
      LOG.info("Using the container DataSource java:comp/env/{}", JNDI_NAME);
      return new Database(containerDataSource, null);
    }
    HikariDataSource pool = pool(settings);
    try {
      return new Database(pool, pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  public EntityManagerFactory entityManagerFactory() {
    return sessionFactory;
  }

  /** The JDBC URL Placard uses when no database is configured. */
  static String embeddedUrl(Path home) {
    return "jdbc:h2:file:" + home.resolve("db").resolve("placard") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  private static HikariDataSource pool(Settings settings) {
    String url = settings.databaseUrl().orElseGet(() -> embeddedUrl(createDbFolder(settings)));
    HikariConfig config = new HikariConfig();
    config.setPoolName("placard");
    config.setJdbcUrl(url);
    bundledDriver(url).ifPresent(config::setDriverClassName);
    config.setUsername(settings.databaseUser().orElse(url.startsWith("jdbc:h2:") ? "sa" : null));
    config.setPassword(settings.databasePassword().orElse(""));
    config.setMaximumPoolSize(8);
    config.setInitializationFailTimeout(10_000);
    // An API call waits at most this long for a connection when the database is down, then
    // answers 503; Hikari's default of 30 s would hold a worker thread far longer.
    config.setConnectionTimeout(5_000);
    try {
      HikariDataSource pool = new HikariDataSource(config);
      LOG.info("Using the database at {}", redact(url));
      return pool;
    } catch (RuntimeException e) {
      throw new SettingsException(
          "Cannot open the database "
              + redact(url)
              + " (setting "
              + Settings.DB_URL
              + "): "
              + rootMessage(e));
    }
  }

  /**
   * The driver class for the databases whose drivers ship in the WAR. Naming it matters: inside a
   * container, {@code DriverManager} does not discover drivers in WEB-INF/lib by itself.
   */
  static Optional<String> bundledDriver(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return Optional.of("org.h2.Driver");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return Optional.of("org.postgresql.Driver");
    }
    return Optional.empty();
  }

  private static Path createDbFolder(Settings settings) {
    Path folder = settings.home().resolve("db");
    try {
      Files.createDirectories(folder);
      return settings.home();
    } catch (IOException e) {
      throw new SettingsException(
          "Setting " + Settings.HOME + ": cannot create the folder " + folder + ": " + e);
    }
  }

  private static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new SettingsException("The database schema could not be migrated: " + rootMessage(e));
    }
  }

  private static SessionFactory buildSessionFactory(DataSource dataSource) {
    StandardServiceRegistry registry =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
            .applySetting(AvailableSettings.SHOW_SQL, "false")
            .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
            .build();
    try {
      return new MetadataSources(registry)
          .addAnnotatedClass(PublishedFile.class)
          .addAnnotatedClass(FileRevision.class)
          .buildMetadata()
          .buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  @Override
  public void close() {
    sessionFactory.close();
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  /** A JDBC URL without any password it may carry as a parameter. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password|pwd)=[^;&]*", "$1=***");
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
