package org.placard.launcher;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.session.StandardManager;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.JarScanner;
import org.apache.tomcat.util.modeler.Registry;
import org.apache.tomcat.util.scan.StandardJarScanFilter;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Second stage of {@code java -jar placard.war}: serves the unpacked WAR as the ROOT context of an
 * embedded Tomcat until the JVM is told to stop.
 */
public final class EmbeddedServer {

  private static final Logger LOG = Logger.getLogger(EmbeddedServer.class.getName());

  /**
   * The only jars whose annotations and ServletContainerInitializers matter: Jersey's initializer
   * maps the application, whose own classes in WEB-INF/classes are always scanned. Scanning the
   * other jars would cost seconds at every start and find nothing.
   */
  private static final String SCANNED_JARS = "jersey-container-servlet*.jar";

  private final Tomcat tomcat = new Tomcat();
  private final InetAddress address;
  private final Connector connector;
  private final Context context;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile boolean serving;

  private EmbeddedServer(Path webapp, Path home, InetAddress address, int port) {
    tomcat.setBaseDir(home.resolve("launcher").resolve("tomcat").toString());
    this.address = address;
    connector = connector(address, port);
    tomcat.setConnector(connector);
    Host host = tomcat.getHost();
    host.setAutoDeploy(false);
    host.getPipeline().addValve(quietErrorReportValve());
    context = addApplication(host, webapp);
  }

  /**
   * Serves until the JVM shuts down. Called by reflection from {@code Launcher}; only JDK types
   * cross between the two class loaders.
   *
   * @return the exit status: 1 when Placard could not start (a stop by a signal never returns)
   */
  public static int run(Path webapp, Path home, InetAddress address, int port) {
    // JMX beans for every Tomcat component slow the start, and nothing here reads them.
    Registry.disableRegistry();
    EmbeddedServer server = new EmbeddedServer(webapp, home, address, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "placard-shutdown"));
    if (!server.start()) {
      server.stop();
      return 1;
    }
    server.tomcat.getServer().await();
    return 0;
  }

  private static Connector connector(InetAddress address, int port) {
    Connector connector = new Connector("HTTP/1.1");
    connector.setPort(port);
    connector.setProperty("address", address.getHostAddress());
    // Otherwise Tomcat only logs a port it cannot bind, and starts the application regardless.
    connector.setThrowOnFailure(true);
    connector.setProperty("bindOnInit", "true");
    connector.setXpoweredBy(false);
    // Measured with bench/run on two cores: a pool of two workers per core instead of Tomcat's
    // 200 cut the public path's p99 latency by half, and keep-alive connections that last 1000
    // requests (nginx's default) instead of 100 spare a load balancer's pooled connections.
    int workers = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    connector.setProperty("maxThreads", Integer.toString(workers));
    connector.setProperty("minSpareThreads", Integer.toString(workers));
    connector.setProperty("maxKeepAliveRequests", "1000");
    // Tomcat sends no Server header of its own; this also drops one that a servlet sets.
    connector.setProperty("serverRemoveAppProvidedValues", "true");
    return connector;
  }

  /** Error pages that name neither Tomcat nor its version, nor print an exception. */
  private static ErrorReportValve quietErrorReportValve() {
    ErrorReportValve valve = new ErrorReportValve();
    valve.setShowReport(false);
    valve.setShowServerInfo(false);
    return valve;
  }

  private Context addApplication(Host host, Path webapp) {
    ContextConfig config = new ContextConfig();
    // Tomcat's own defaults would add a JSP servlet, and there is no JSP engine here.
    tomcat.setAddDefaultWebXmlToWebapp(false);
    config.setDefaultWebXml(tomcat.noDefaultWebXmlPath());
    Context application = tomcat.addWebapp(host, "", webapp.toString(), config);
    // Tomcat would default to the system class loader, which sees the WAR root but not Tomcat.
    application.setParentClassLoader(EmbeddedServer.class.getClassLoader());
    addServletDefaults(application);
    application.setJarScanner(jarScanner());
    application.setManager(memoryOnlySessions());
    if (application instanceof StandardContext standard) {
      skipRedeployLeakChecks(standard);
    }
    return application;
  }

  /** What a stock Tomcat's conf/web.xml gives every application, less JSP. */
  private static void addServletDefaults(Context application) {
    Wrapper servlet = Tomcat.addServlet(application, "default", DefaultServlet.class.getName());
    servlet.setLoadOnStartup(1);
    servlet.setOverridable(true);
    application.addServletMappingDecoded("/", "default");
    application.setSessionTimeout(30);
    Tomcat.addDefaultMimeTypeMappings(application);
    application.addWelcomeFile("index.html");
    application.addWelcomeFile("index.htm");
    if (application instanceof StandardContext standard) {
      standard.setReplaceWelcomeFiles(true);
    }
  }

  private static JarScanner jarScanner() {
    StandardJarScanFilter filter = new StandardJarScanFilter();
    // No JSP engine, so no jar can contribute tag libraries.
    filter.setDefaultTldScan(false);
    filter.setTldScan("");
    filter.setTldSkip("*");
    filter.setDefaultPluggabilityScan(false);
    filter.setPluggabilityScan(SCANNED_JARS);
    filter.setPluggabilitySkip("");
    StandardJarScanner scanner = new StandardJarScanner();
    scanner.setJarScanFilter(filter);
    // Beyond WEB-INF/lib, the class path holds only Tomcat itself.
    scanner.setScanClassPath(false);
    scanner.setScanManifest(false);
    return scanner;
  }

  /**
   * These checks protect a container that redeploys; this JVM ends with its one application, and on
   * Java 17 they would only warn about the missing {@code --add-opens} flags they need.
   */
  private static void skipRedeployLeakChecks(StandardContext application) {
    application.setClearReferencesThreadLocals(false);
    application.setClearReferencesRmiTargets(false);
  }

  /** Sessions are not saved to a SESSIONS.ser file on stop: Placard keeps no state in them. */
  private static StandardManager memoryOnlySessions() {
    StandardManager manager = new StandardManager();
    manager.setPathname(null);
    return manager;
  }

  private boolean start() {
    return listen() && startApplication();
  }

  /** Binds the port before the application starts, so that a busy port fails fast. */
  private boolean listen() {
    try {
      tomcat.init();
      return true;
    } catch (LifecycleException e) {
      LOG.severe(
          () -> "Placard cannot listen on " + endpoint(connector.getPort()) + ": " + cause(e));
      return false;
    }
  }

  private static String cause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  /**
   * Tomcat only logs an application that throws while it starts, then serves nothing but 404s: a
   * process that looks healthy to its supervisor but is not.
   */
  private boolean startApplication() {
    try {
      tomcat.start();
    } catch (LifecycleException e) {
      // Tomcat has logged the cause already.
      LOG.severe(() -> "Placard did not start: " + e.getMessage());
      return false;
    }
    if (context.getState() != LifecycleState.STARTED) {
      LOG.severe("Placard did not start: the application failed to start (see above)");
      return false;
    }
    serving = true;
    LOG.info(() -> "Placard listening on http://" + endpoint(connector.getLocalPort()) + "/");
    return true;
  }

  private String endpoint(int port) {
    String host = address.getHostAddress();
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }

  private void stop() {
    if (stopped.getAndSet(true)) {
      return;
    }
    try {
      tomcat.stop();
      tomcat.destroy();
      if (serving) {
        LOG.info("Placard stopped");
      }
    } catch (LifecycleException e) {
      LOG.log(Level.WARNING, "Placard did not stop cleanly", e);
    }
  }
}
