package org.placard.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.placard.publish.Publisher;
import org.placard.store.FileStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the files listed in {@code db/demo/manifest.tsv} through the normal publishing rules,
 * as author "demo". A file that already exists is left alone, so an edit made in a demo survives a
 * restart.
 */
public final class DemoContent {

  private static final String FOLDER = "/db/demo/";
  private static final Logger LOG = LoggerFactory.getLogger(DemoContent.class);

  private DemoContent() {}

  public static void seed(Publisher publisher, FileStore store) {
    LOG.info("Publishing demo content where missing ({} files stored)", store.count());
    for (String line : read("manifest.tsv").lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> columns = List.of(line.split("\t"));
      String scope = columns.get(0);
      String name = columns.get(1);
      if (publisher.history(scope, name).isEmpty()) {
        byte[] body = bytes(columns.get(3));
        publisher.publish(
            new Publisher.Request(scope, name, columns.get(2), body, "demo", "demo content"));
      }
    }
    LOG.warn("Demo content is on (placard.demo=true): never use this setting in production");
  }

  private static String read(String file) {
    return new String(bytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String file) {
    try (InputStream in = DemoContent.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "demo file " + FOLDER + file + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
