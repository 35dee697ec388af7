package org.placard.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.placard.config.Settings;
import org.placard.config.SettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of the API. Only its SHA-256 digest is kept in memory and compared in constant
 * time. When no token is configured, one is generated on first start and written to a file in the
 * home folder that only its owner can read; the log says where, never what.
 */
public final class ApiToken {

  static final String FILE_NAME = "api-token";
  private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);

  private final byte[] digest;

  private ApiToken(String token) {
    this.digest = sha256(token);
  }

  public static ApiToken of(String token) {
    return new ApiToken(token);
  }

  /** The configured token, else the one stored in the home folder, else a new one stored there. */
  public static ApiToken load(Settings settings) {
    if (settings.apiToken().isPresent()) {
      return new ApiToken(settings.apiToken().get());
    }
    Path file = settings.home().resolve(FILE_NAME);
    try {
      return new ApiToken(readOrCreate(file));
    } catch (IOException e) {
      throw new SettingsException(
          "No "
              + Settings.API_TOKEN
              + " is set and the token file "
              + file
              + " cannot be used: "
              + e);
    }
  }

  /** Whether an {@code Authorization} header carries this token. */
  public boolean matches(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = sha256(authorization.substring(7).trim());
    return MessageDigest.isEqual(digest, given);
  }

  private static String readOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
    Files.createDirectories(file.getParent());
    String token = generate();
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the folder's own permissions have to protect the file.
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }
    Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
    LOG.info(
        "No {} set: generated an API token in {} (readable by its owner only)",
        Settings.API_TOKEN,
        file);
    return token;
  }

  private static String generate() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
