package org.placard.serving;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.placard.store.CurrentFile;

/**
 * One file ready to serve. Every header value is computed once, when the revision enters the
 * snapshot, so that answering a request copies references and formats nothing.
 */
public final class ServedFile {

  private final long revisionId;
  private final String contentType;
  private final byte[] body;
  private final String contentLength;
  private final String etag;
  private final String lastModified;
  private final long lastModifiedSeconds;
  private final PublicAnswer ok;
  private final PublicAnswer notModified;

  private ServedFile(CurrentFile file) {
    this.revisionId = file.revisionId();
    this.contentType = file.contentType();
    this.body = file.body();
    this.contentLength = Integer.toString(body.length);
    this.etag = etagOf(contentType, body);
    this.lastModifiedSeconds = file.createdAt().getEpochSecond();
    this.lastModified = httpDate(lastModifiedSeconds);
    this.ok = PublicAnswer.ok(this);
    this.notModified = PublicAnswer.notModified(this);
  }

  public static ServedFile of(CurrentFile file) {
    return new ServedFile(file);
  }

  /**
   * A strong validator derived from the bytes and the type, so every pool member computes the same
   * ETag for the same revision without sharing anything.
   */
  public static String etagOf(String contentType, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(contentType.getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      byte[] digest = sha.digest(body);
      String hash =
          Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
      return '"' + hash + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** RFC 9110 IMF-fixdate: always two-digit days, English names, GMT. */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  static String httpDate(long epochSeconds) {
    return HTTP_DATE.format(Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC));
  }

  public long revisionId() {
    return revisionId;
  }

  public String contentType() {
    return contentType;
  }

  /** The stored bytes, shared: callers write them out and never modify them. */
  public byte[] body() {
    return body;
  }

  public String contentLength() {
    return contentLength;
  }

  public String etag() {
    return etag;
  }

  public String lastModified() {
    return lastModified;
  }

  long lastModifiedSeconds() {
    return lastModifiedSeconds;
  }

  PublicAnswer ok() {
    return ok;
  }

  PublicAnswer notModified() {
    return notModified;
  }
}
