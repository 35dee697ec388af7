package org.placard.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * The database could not be reached. Pool members keep serving the files they hold in memory, so
 * this is an expected, passing state: callers answer "try again" rather than report a fault.
 */
public class DatabaseUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean worthRetrying;

  private DatabaseUnavailableException(String reason, Throwable cause, boolean worthRetrying) {
    super("the database is unavailable (" + reason + ")", cause, false, false);
    this.worthRetrying = worthRetrying;
  }

  /**
   * {@code failure} itself, or this exception when it came from a lost or refused connection. The
   * connection failures are told apart by type and by SQLState class 08 (connection exception) or
   * 57P (PostgreSQL shutting down or starting up).
   *
   * @param beforeCommit whether the failure came before the commit was attempted, so that the
   *     database cannot have kept any of the transaction's work
   */
  static RuntimeException translate(RuntimeException failure, boolean beforeCommit) {
    boolean connectionFailure = false;
    boolean poolTimedOut = false;
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      connectionFailure |= isConnectionFailure(cause);
      poolTimedOut |= cause instanceof SQLTransientConnectionException;
    }
    if (!connectionFailure) {
      return failure;
    }
    return new DatabaseUnavailableException(
        rootMessage(failure), failure, beforeCommit && !poolTimedOut);
  }

  /**
   * True when a pooled connection failed before anything was committed, as a connection the
   * database dropped while idle (after a restart, say) does on its next use. The pool discards such
   * a connection, so one more attempt on a fresh one is safe and usually succeeds. A pool that
   * timed out waiting for any connection is not worth a second wait.
   */
  boolean isWorthRetrying() {
    return worthRetrying;
  }

  private static boolean isConnectionFailure(Throwable e) {
    if (e instanceof JDBCConnectionException
        || e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (e instanceof SQLException sql && sql.getSQLState() != null) {
      String state = sql.getSQLState();
      return state.startsWith("08") || state.startsWith("57P");
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null
        ? root.getClass().getSimpleName()
        : message.lines().findFirst().orElse("");
  }
}
