package org.placard.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.placard.config.Settings;

/**
 * The same store tests against a real PostgreSQL (started from Maven artifacts): the migrations,
 * the mapping's validation, row locks and the computed revision sizes on the database that pool
 * members share in production. Each test gets a database of its own.
 */
class PostgresFileStoreTest extends FileStoreTest {

  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  Map<String, String> freshDatabase() throws Exception {
    String name = "placard_" + UUID.randomUUID().toString().replace('-', '_');
    try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    return Map.of(
        Settings.DB_URL, postgres.getJdbcUrl("postgres", name),
        Settings.DB_USER, "postgres",
        Settings.DB_PASSWORD, "postgres");
  }
}
