package org.placard.serving;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers the requests that find a file (200 and 304) straight from the snapshot, ahead of JAX-RS.
 * Everything else (404, 400, 405, 503) continues to {@link WellKnownResource}, which applies the
 * same {@link PublicPath} rules. Measured on Tomcat 11 (docs/benchmarks.md), a request through
 * Jersey costs the server about twice what this filter does; here a hit copies header values
 * computed once per revision and the stored bytes, and allocates next to nothing.
 */
public final class FastPathFilter implements Filter {

  private final PublicPath path;
  private final String cacheControl;

  public FastPathFilter(PublicPath path, String cacheControl) {
    this.path = path;
    this.cacheControl = cacheControl;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    PublicAnswer answer = path.answer(request);
    if (answer.file() == null) {
      chain.doFilter(req, res);
      return;
    }
    write(answer, request.getMethod(), (HttpServletResponse) res);
  }

  private void write(PublicAnswer answer, String method, HttpServletResponse response)
      throws IOException {
    ServedFile file = answer.file();
    response.setStatus(answer.status());
    response.setHeader("ETag", file.etag());
    response.setHeader("Last-Modified", file.lastModified());
    response.setHeader("Cache-Control", cacheControl);
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (answer.status() != 200) {
      return;
    }

    response.setContentType(file.contentType());
    response.setContentLength(file.body().length);
    if (!"HEAD".equals(method)) {
      response.getOutputStream().write(file.body());
    }
  }
}
