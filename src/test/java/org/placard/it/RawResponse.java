package org.placard.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An answer read off a raw socket: the status, the headers (names compared case-insensitively) and
 * everything after the blank line. {@link #text()} is the whole answer, to search for leaks.
 */
record RawResponse(int status, Map<String, List<String>> headers, String body, String text) {

  static RawResponse parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String body = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    String[] statusLine = lines[0].split(" ");
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      throw new AssertionError("no HTTP answer: " + text);
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(lines[i].substring(0, colon), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    return new RawResponse(Integer.parseInt(statusLine[1]), headers, body, text);
  }

  Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The media type without parameters, lower case, or empty when there is none. */
  String mediaType() {
    return header("Content-Type")
        .map(type -> type.split(";")[0].trim().toLowerCase(Locale.ROOT))
        .orElse("");
  }
}
