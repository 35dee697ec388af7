package org.placard.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for the integration tests. {@link #raw} writes the request line and headers
 * exactly as given, for the paths and Host headers that ordinary clients would clean up first.
 */
final class Http {

  static final String TOKEN = System.getProperty("placard.api.token", "it-secret-token-0123456789");
  static final String WELL_KNOWN = "/.well-known/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Http(URL base) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
  }

  HttpRequest.Builder api(String path) {
    return request(path).header("Authorization", "Bearer " + TOKEN);
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String host, String path) {
    return send(request(path).header("Host", host).GET());
  }

  /** A GET with extra headers given as name, value, name, value... */
  HttpResponse<byte[]> get(String host, String path, String... headers) {
    return send(request(path).header("Host", host).headers(headers).GET());
  }

  HttpResponse<byte[]> head(String host, String path) {
    return send(
        request(path).header("Host", host).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  /** The public file {@code name} as {@code host} sees it. */
  HttpResponse<byte[]> fetch(String host, String name) {
    return get(host, WELL_KNOWN + name);
  }

  /** PUTs a file through the API; a {@code null} content type sends no Content-Type at all. */
  HttpResponse<byte[]> publish(String scope, String name, String contentType, byte[] body) {
    HttpRequest.Builder put = api(file(scope, name));
    if (contentType != null) {
      put.header("Content-Type", contentType);
    }
    return send(put.PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  HttpResponse<byte[]> publish(String scope, String name, String text) {
    return publish(scope, name, "text/plain; charset=utf-8", utf8(text));
  }

  HttpResponse<byte[]> apiGet(String path) {
    return send(api(path).GET());
  }

  HttpResponse<byte[]> apiDelete(String path) {
    return send(api(path).DELETE());
  }

  HttpResponse<byte[]> apiPost(String path) {
    return send(api(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** How many revisions the database holds: it moves whenever anything is stored. */
  long databaseRevisions() {
    HttpResponse<byte[]> status = apiGet("/api/v1/status");
    if (status.statusCode() != 200) {
      throw new IllegalStateException("GET /api/v1/status answered " + status.statusCode());
    }
    return json(status).get("databaseRevisions").asLong();
  }

  /**
   * Sends {@code requestHead} (request line and headers, CRLF-separated) and returns all it gets.
   */
  String raw(String requestHead) {
    return new String(exchange(requestHead, new byte[0]), StandardCharsets.ISO_8859_1);
  }

  /** Like {@link #raw(String)}, parsed. */
  RawResponse rawResponse(String requestHead) {
    return RawResponse.parse(raw(requestHead));
  }

  /** Sends the head (which must declare the body's length) followed by {@code body}. */
  RawResponse rawResponse(String requestHead, byte[] body) {
    return RawResponse.parse(new String(exchange(requestHead, body), StandardCharsets.ISO_8859_1));
  }

  private byte[] exchange(String requestHead, byte[] body) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(
          (requestHead + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      request.write(body);
      out.write(request.toByteArray());
      out.flush();
      InputStream in = socket.getInputStream();
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The API path of a file. */
  static String file(String scope, String name) {
    return "/api/v1/hosts/" + scope + "/files/" + name;
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The request line and headers as {@link #raw} sends them, bytes as ISO-8859-1 characters. */
  static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static JsonNode json(HttpResponse<byte[]> response) {
    return json(response.body());
  }

  static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError(
          "not JSON: " + new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " "), e);
    }
  }
}
