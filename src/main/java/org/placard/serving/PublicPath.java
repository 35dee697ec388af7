package org.placard.serving;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.placard.address.FileNames;
import org.placard.address.HostNames;

/**
 * The rules of the public path, free of any HTTP framework: which answer a request gets from its
 * method, {@code Host} header, raw (undecoded) path and validators. Works on the raw path on
 * purpose: a name that needed percent-encoding, a path parameter ({@code ;jsessionid=}), an empty
 * or dot segment can never match a stored name, so such requests are refused before any lookup.
 */
public final class PublicPath {

  public static final String PREFIX = "/.well-known/";

  private final LiveFiles files;

  public PublicPath(LiveFiles files) {
    this.files = files;
  }

  /** The answer to a servlet request, read from its method, headers and raw path. */
  public PublicAnswer answer(HttpServletRequest request) {
    return answer(
        request.getMethod(),
        request.getHeader("Host"),
        rawPath(request),
        request.getHeader("If-None-Match"),
        request.getHeader("If-Modified-Since"));
  }

  /** The path as the client sent it, before the container decoded or normalised it. */
  static String rawPath(HttpServletRequest request) {
    String uri = request.getRequestURI();
    int context = request.getContextPath().length();
    return context == 0 ? uri : uri.substring(context);
  }

  /** The answer to one request; never {@code null}, never throws. */
  public PublicAnswer answer(
      String method,
      String hostHeader,
      String rawPath,
      String ifNoneMatch,
      String ifModifiedSince) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return PublicAnswer.NOT_ALLOWED;
    }
    Snapshot snapshot = files.current();
    if (snapshot == null) {
      return PublicAnswer.UNAVAILABLE;
    }
    String host = HostNames.fromHostHeader(hostHeader);
    if (host == null) {
      return PublicAnswer.BAD_HOST;
    }
    if (!rawPath.startsWith(PREFIX) || rawPath.length() == PREFIX.length()) {
      return PublicAnswer.NOT_FOUND;
    }
    if (!FileNames.isValid(rawPath, PREFIX.length(), rawPath.length())) {
      return PublicAnswer.BAD_PATH;
    }

    ServedFile file = snapshot.find(host, rawPath.substring(PREFIX.length()));
    if (file == null) {
      return PublicAnswer.NOT_FOUND;
    }
    return isNotModified(file, ifNoneMatch, ifModifiedSince) ? file.notModified() : file.ok();
  }

  /**
   * RFC 9110 section 13.2.2: {@code If-None-Match} decides when present (weak comparison), and
   * {@code If-Modified-Since} is only looked at without it.
   */
  static boolean isNotModified(ServedFile file, String ifNoneMatch, String ifModifiedSince) {
    if (ifNoneMatch != null) {
      return matchesAny(ifNoneMatch, file.etag());
    }
    if (ifModifiedSince != null) {
      long since = parseHttpDate(ifModifiedSince);
      return since >= 0 && file.lastModifiedSeconds() <= since;
    }
    return false;
  }

  private static boolean matchesAny(String header, String etag) {
    if (header.equals(etag)) {
      return true;
    }
    for (String candidate : header.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*")) {
        return true;
      }
      if (tag.startsWith("W/")) {
        tag = tag.substring(2);
      }
      if (tag.equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static long parseHttpDate(String value) {
    try {
      return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toEpochSecond();
    } catch (DateTimeParseException e) {
      // RFC 9110: an invalid date is ignored, which means "send the full answer".
      return -1;
    }
  }
}
