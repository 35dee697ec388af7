package org.placard.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * First stage of {@code java -jar placard.war}. It lives at the WAR root and needs nothing but the
 * JDK: it unpacks the WAR, then runs the second stage ({@code EmbeddedServer}) in a class loader
 * that sees only the embedded Tomcat and the launcher classes under {@code META-INF/launcher/}.
 */
public final class Launcher {

  private static final String SECOND_STAGE = "org.placard.launcher.EmbeddedServer";
  private static final String LAUNCHER_DIR = "META-INF/launcher/";

  private Launcher() {}

  public static void main(String[] args) {
    LauncherLogging.install();
    LauncherSettings settings;
    try {
      settings = LauncherSettings.resolve(args, System::getProperty, System::getenv);
    } catch (LauncherSettings.Invalid e) {
      LauncherLogging.logger().severe(e.getMessage());
      System.exit(2);
      return;
    }
    if (settings.help()) {
      System.out.print(LauncherSettings.USAGE);
      return;
    }
    int status = launch(settings);
    // Exiting on success would block: a clean stop means the JVM is already shutting down.
    if (status != 0) {
      System.exit(status);
    }
  }

  private static int launch(LauncherSettings settings) {
    Path webapp;
    try {
      webapp = LauncherUnpacker.unpackedCopy(ownLocation(), settings.home());
    } catch (IOException e) {
      String problem = e.getClass() == IOException.class ? e.getMessage() : e.toString();
      LauncherLogging.logger()
          .severe("Cannot unpack Placard into " + settings.home() + ": " + problem);
      return 1;
    }
    try {
      return runSecondStage(webapp, settings);
    } catch (ReflectiveOperationException | IOException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      LauncherLogging.logger().log(Level.SEVERE, "Placard failed", cause);
      return 1;
    }
  }

  private static Path ownLocation() {
    try {
      return Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the Placard WAR", e);
    }
  }

  private static int runSecondStage(Path webapp, LauncherSettings settings)
      throws ReflectiveOperationException, IOException {
    ClassLoader loader = secondStageLoader(webapp);
    Thread.currentThread().setContextClassLoader(loader);
    Method run =
        loader
            .loadClass(SECOND_STAGE)
            .getMethod("run", Path.class, Path.class, InetAddress.class, int.class);
    return (Integer) run.invoke(null, webapp, settings.home(), settings.address(), settings.port());
  }

  /**
   * Its parent is the platform class loader, not the application one, so that neither Tomcat nor
   * the application can see the classes at the WAR root.
   */
  private static ClassLoader secondStageLoader(Path webapp) throws IOException {
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> jars = Files.list(webapp.resolve(LAUNCHER_DIR + "lib"))) {
      for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(url(jar));
      }
    }
    urls.add(url(webapp.resolve(LAUNCHER_DIR + "classes")));
    return new URLClassLoader(
        "placard-launcher", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
