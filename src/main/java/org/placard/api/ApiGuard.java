package org.placard.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.placard.publish.ContentTypes;
import org.placard.publish.InvalidInputException;

/**
 * Stands in front of everything under {@code /api/}, as a servlet filter so that it runs on the
 * path the container has already normalised (path parameters such as {@code /api;x=y/} removed) and
 * before the JAX-RS framework parses anything. Without the right bearer token a request gets 401
 * and learns nothing, not even whether the path exists. A request {@code Content-Type} that is not
 * a media type gets the same JSON as every other bad field; the framework would otherwise refuse it
 * with an empty 400.
 */
public final class ApiGuard implements Filter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiToken token;
  private final Semaphore running =
      new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

  public ApiGuard(ApiToken token) {
    this.token = token;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (!token.matches(request.getHeader("Authorization"))) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"placard\"");
      refuse(response, new ApiError(401, null, "a valid bearer token is required"));
      return;
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType != null) {
      try {
        ContentTypes.check(contentType.trim());
      } catch (InvalidInputException e) {
        refuse(response, new ApiError(400, e.field(), e.field() + " " + e.problem()));
        return;
      }
    }
    if (!running.tryAcquire()) {
      response.setHeader("Retry-After", "1");
      refuse(response, new ApiError(503, null, "too many API calls at once; retry shortly"));
      return;
    }
    try {
      chain.doFilter(req, res);
    } finally {
      running.release();
    }
  }

  private static void refuse(HttpServletResponse response, ApiError error) throws IOException {
    byte[] body = JSON.writeValueAsBytes(error);
    response.setStatus(error.status());
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
