package org.placard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/**
 * A {@link LogManager} that keeps its handlers until the JVM halts.
 *
 * <p>The JDK resets logging from a shutdown hook that races with the one stopping Tomcat, and
 * Tomcat resets any manager but the JDK's own whenever a web application stops (it takes it for its
 * per-class-loader manager). Either would silence the log while Placard stops, or explains why it
 * could not start. So this manager resets only to read a new configuration; its console handler
 * flushes every record, so nothing is left unwritten when the JVM halts.
 */
public final class LauncherLogManager extends LogManager {

  private volatile boolean reading;

  @Override
  public void readConfiguration() throws IOException {
    reading = true;
    try {
      super.readConfiguration();
    } finally {
      reading = false;
    }
  }

  @Override
  public void readConfiguration(InputStream in) throws IOException {
    reading = true;
    try {
      super.readConfiguration(in);
    } finally {
      reading = false;
    }
  }

  @Override
  public void reset() {
    if (reading) {
      super.reset();
    }
  }
}
