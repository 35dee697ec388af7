package org.placard.app;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.placard.api.ApiGuard;
import org.placard.config.SettingSource;
import org.placard.config.SettingsException;
import org.placard.serving.FastPathFilter;
import org.placard.serving.PublicPath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Placard with the web application and stops it with it. A wrong setting is logged as one
 * line and fails the deployment, so a misconfigured member never joins the pool half-working.
 */
@WebListener
public final class StartupListener implements ServletContextListener {

  static final String ATTRIBUTE = Placard.class.getName();
  private static final Logger LOG = LoggerFactory.getLogger(StartupListener.class);

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    // Never put a session id into a URL; the public path never creates a session at all.
    context.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
    try {
      Placard placard = Placard.start(SettingSource.system());
      context.setAttribute(ATTRIBUTE, placard);
      addFilters(context, placard);
      LOG.info("Placard started");
    } catch (SettingsException e) {
      LOG.error("Placard cannot start: {}", e.getMessage());
      throw e;
    }
  }

  /** The filters that answer ahead of JAX-RS: hits on the public path, and API refusals. */
  private static void addFilters(ServletContext context, Placard placard) {
    FastPathFilter fastPath =
        new FastPathFilter(new PublicPath(placard.live()), placard.settings().cacheControl());
    context
        .addFilter("placard-fast-path", fastPath)
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/.well-known/*");
    context
        .addFilter("placard-api-guard", new ApiGuard(placard.apiToken()))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/api/*");
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    Object placard = event.getServletContext().getAttribute(ATTRIBUTE);
    if (placard instanceof Placard running) {
      running.close();
      LOG.info("Placard stopped");
    }
    deregisterDrivers();
  }

  /**
   * JDBC drivers in WEB-INF/lib register themselves globally; forgetting them on undeploy keeps the
   * whole web application in memory after a redeploy.
   */
  private static void deregisterDrivers() {
    ClassLoader ours = StartupListener.class.getClassLoader();
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass().getClassLoader() == ours) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException e) {
          LOG.warn("Could not deregister the JDBC driver {}: {}", driver, e.toString());
        }
      }
    }
  }

  static Placard from(ServletContext context) {
    Object placard = context.getAttribute(ATTRIBUTE);
    if (placard instanceof Placard running) {
      return running;
    }
    throw new IllegalStateException("Placard did not start; see the first error in the log");
  }
}
