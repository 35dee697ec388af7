package org.placard.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.Driver;

/**
 * The built WAR copied as {@code webapps/ROOT.war} into stock Tomcat distributions (10.1 and 11,
 * unpacked by the build), started as a separate process the way an administrator would, with the
 * settings given as system properties or as the container's JNDI entries and DataSource. Checks
 * that it deploys and answers the essentials.
 */
class StockTomcatIT {

  private static final String TOKEN = "stock-tomcat-token-0123456789";
  private static final String HOST = "mta-sts.stock.example";
  private static final byte[] POLICY =
      "version: STSv1\r\nmode: testing\r\nmx: mail.stock.example\r\nmax_age: 86400\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  static Stream<String> versions() {
    return Arrays.stream(System.getProperty("placard.tomcat.versions", "").split(","))
        .filter(v -> !v.isBlank());
  }

  @ParameterizedTest(name = "Tomcat {0}")
  @MethodSource("versions")
  void shouldDeployAsRootWarAndServeAPublishedFile(String version) throws Exception {
    Path base = prepare(version);
    int port = ExternalProcesses.freePort();
    Process tomcat =
        start(
            base,
            port,
            List.of(
                "-Dplacard.home=" + base.resolve("placard-home"), "-Dplacard.api.token=" + TOKEN));
    try {
      Http http = new Http(new URL("http://127.0.0.1:" + port + "/"));
      ExternalProcesses.awaitHealthy(http, tomcat);

      publishAndServeThePolicy(http);
    } finally {
      ExternalProcesses.stop(tomcat);
    }
  }

  /**
   * Settings as JNDI entries and a DataSource pooled by Tomcat itself, declared in the context file
   * {@code conf/Catalina/localhost/ROOT.xml} with the JDBC driver in {@code lib/}, as the README
   * describes: the JVM is given no Placard setting at all, and the files land in the container's
   * database, a real PostgreSQL.
   */
  @ParameterizedTest(name = "Tomcat {0}")
  @MethodSource("versions")
  void shouldTakeItsSettingsAndDataSourceFromTheContainer(String version) throws Exception {
    Path base = prepare(version);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      writeContextFile(base, url);
      int port = ExternalProcesses.freePort();
      Process tomcat = start(base, port, List.of());
      try {
        Http http = new Http(new URL("http://127.0.0.1:" + port + "/"));
        ExternalProcesses.awaitHealthy(http, tomcat);

        publishAndServeThePolicy(http);

        assertThat(storedPolicies(postgres)).isEqualTo(1);
        assertThat(Files.readString(base.resolve("logs/console.log")))
            .contains("Using the container DataSource java:comp/env/jdbc/placard");
      } finally {
        ExternalProcesses.stop(tomcat);
      }
    }
  }

  private static void publishAndServeThePolicy(Http http) {
    HttpResponse<byte[]> put =
        http.send(
            http.request("/api/v1/hosts/" + HOST + "/files/mta-sts.txt")
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(POLICY)));
    HttpResponse<byte[]> hit = http.get(HOST, "/.well-known/mta-sts.txt");
    HttpResponse<byte[]> miss = http.get("other.stock.example", "/.well-known/mta-sts.txt");
    HttpResponse<byte[]> anonymous = http.send(http.request("/api/v1/files").GET());

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(hit.statusCode()).isEqualTo(200);
    assertThat(hit.body()).isEqualTo(POLICY);
    assertThat(hit.headers().firstValue("Content-Type")).hasValue("text/plain;charset=utf-8");
    assertThat(hit.headers().firstValue("Server")).isEmpty();
    assertThat(hit.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(miss.statusCode()).isEqualTo(404);
    assertThat(Http.text(miss)).isEqualTo("Not found\n");
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  /**
   * The context file an administrator writes, and the PostgreSQL driver where Tomcat's own pool can
   * load it: the copy inside the WAR is out of the container's reach.
   */
  private static void writeContextFile(Path base, String url) throws Exception {
    Path driver = Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Files.createDirectories(base.resolve("lib"));
    Files.copy(driver, base.resolve("lib").resolve(driver.getFileName()));

    String entries =
        """
          <Environment name="placard.home" type="java.lang.String" value="%s"/>
          <Environment name="placard.api.token" type="java.lang.String" value="%s"/>
          <Resource name="jdbc/placard" auth="Container" type="javax.sql.DataSource"
                    driverClassName="org.postgresql.Driver" url="%s"
                    username="postgres" password="postgres" maxTotal="8"/>
        </Context>
        """
            .formatted(base.resolve("placard-home"), TOKEN, url.replace("&", "&amp;"));
    // Tomcat reads this file instead of the WAR's META-INF/context.xml, so it starts from a copy.
    String context =
        Files.readString(Path.of("webapp/META-INF/context.xml")).replace("</Context>\n", entries);
    Path folder = Files.createDirectories(base.resolve("conf/Catalina/localhost"));
    Files.writeString(folder.resolve("ROOT.xml"), context);
  }

  private static int storedPolicies(EmbeddedPostgres postgres) throws SQLException {
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM published_file WHERE scope = '"
                        + HOST
                        + "' AND name = 'mta-sts.txt'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** A fresh CATALINA_BASE holding only the WAR, listening on loopback, no shutdown port. */
  private static Path prepare(String version) throws IOException {
    Path home = Path.of(System.getProperty("placard.containers"), "apache-tomcat-" + version);
    Path base = Path.of("target", "stock-tomcat", version).toAbsolutePath();
    ExternalProcesses.deleteRecursively(base);
    for (String folder : List.of("conf", "logs", "temp", "webapps", "work")) {
      Files.createDirectories(base.resolve(folder));
    }
    try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
      for (Path file : conf.filter(Files::isRegularFile).toList()) {
        Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
      }
    }
    Path war = Path.of(System.getProperty("placard.war", "target/placard.war"));
    Files.copy(war, base.resolve("webapps/ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
    return base;
  }

  private static Process start(Path base, int port, List<String> placardSettings)
      throws IOException {
    Path home = Path.of(System.getProperty("placard.containers"));
    Path catalinaHome = home.resolve("apache-tomcat-" + base.getFileName());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(
        catalinaHome.resolve("bin/bootstrap.jar")
            + ":"
            + catalinaHome.resolve("bin/tomcat-juli.jar"));
    command.add("-Dcatalina.home=" + catalinaHome);
    command.add("-Dcatalina.base=" + base);
    command.add("-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager");
    command.add("-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"));
    command.addAll(placardSettings);
    command.add("org.apache.catalina.startup.Bootstrap");
    command.add("start");
    rewriteServerXml(base, port);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PLACARD_"));
    return builder.redirectOutput(base.resolve("logs/console.log").toFile()).start();
  }

  private static void rewriteServerXml(Path base, int port) throws IOException {
    Path serverXml = base.resolve("conf/server.xml");
    String xml =
        Files.readString(serverXml)
            .replace("port=\"8005\"", "port=\"-1\"")
            .replace("port=\"8080\"", "port=\"" + port + "\" address=\"127.0.0.1\"");
    Files.writeString(serverXml, xml);
  }
}
