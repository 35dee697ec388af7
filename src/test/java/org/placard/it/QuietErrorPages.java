package org.placard.it;

import org.apache.catalina.Container;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.valves.ErrorReportValve;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Configures the test container's host the way Placard's launcher configures its own: error pages
 * that Tomcat renders itself (a Host header or request line it refuses before any web application
 * sees the request) show neither the server's name and version nor a stack trace. No web
 * application can set this from its WAR, since these errors never reach a context; a stock host
 * shows both. Run with {@code -Dplacard.it.stockErrorPages=true} to see the stock pages.
 */
public final class QuietErrorPages implements LoadableExtension {

  static final String STOCK = "placard.it.stockErrorPages";

  @Override
  public void register(ExtensionBuilder builder) {
    if (!Boolean.getBoolean(STOCK)) {
      builder.observer(Quieter.class);
    }
  }

  /** Turns off the report and the server info of the host's error report valve after deploy. */
  public static final class Quieter {

    @Inject private Instance<StandardContext> context;

    public void quiet(@Observes AfterDeploy event) {
      StandardContext deployed = context.get();
      if (deployed == null) {
        return;
      }
      Container parent = deployed.getParent();
      if (!(parent instanceof Host host)) {
        return;
      }
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve report) {
          report.setShowReport(false);
          report.setShowServerInfo(false);
        }
      }
    }
  }
}
