package org.placard.store;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableExceptionTest {

  @Test
  void shouldRecogniseAPoolThatTimedOutWaitingForAConnection() {
    var timeout =
        new SQLTransientConnectionException(
            "placard - Connection is not available, request timed out after 5000ms.",
            "08001",
            new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));

    RuntimeException translated =
        DatabaseUnavailableException.translate(
            new PersistenceException("open failed", timeout), true);

    assertThat(translated)
        .isInstanceOf(DatabaseUnavailableException.class)
        .hasMessage("the database is unavailable (Connection to 127.0.0.1:5432 refused.)");
    assertThat(((DatabaseUnavailableException) translated).isWorthRetrying())
        .as("waiting for the pool once more would only double the wait")
        .isFalse();
  }

  @Test
  void shouldRecogniseAServerShuttingDownByItsSqlState() {
    var shutdown = new SQLException("terminating connection due to administrator command", "57P01");

    RuntimeException translated =
        DatabaseUnavailableException.translate(new PersistenceException(shutdown), true);

    assertThat(translated).isInstanceOf(DatabaseUnavailableException.class);
    assertThat(((DatabaseUnavailableException) translated).isWorthRetrying()).isTrue();
  }

  @Test
  void shouldNotRetryAConnectionLostDuringTheCommit() {
    var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");

    RuntimeException translated =
        DatabaseUnavailableException.translate(new PersistenceException(lost), false);

    assertThat(((DatabaseUnavailableException) translated).isWorthRetrying())
        .as("the commit may have reached the database; a retry could store the change twice")
        .isFalse();
  }

  @Test
  void shouldLeaveOtherFailuresAsTheyAre() {
    var duplicate =
        new ConstraintViolationException(
            "duplicate key", new SQLException("duplicate key", "23505"), "uk_published_file");
    PersistenceException failure = new PersistenceException(duplicate);

    assertThat(DatabaseUnavailableException.translate(failure, true)).isSameAs(failure);
  }
}
