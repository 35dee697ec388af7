package org.placard.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiGuardTest {

  private static final String TOKEN = "guard-test-token-0123456789";

  private final ApiGuard guard = new ApiGuard(ApiToken.of(TOKEN));
  private final ExecutorService callers = Executors.newCachedThreadPool();

  @AfterEach
  void stopCallers() {
    callers.shutdownNow();
  }

  @Test
  void shouldRefuseACallWithoutTheTokenBeforeAnythingElse() throws Exception {
    Answer answer = new Answer();

    guard.doFilter(request(null, "garbage"), answer.response(), (req, res) -> fail());

    assertThat(answer.status).isEqualTo(401);
    assertThat(answer.headers).containsEntry("WWW-Authenticate", "Bearer realm=\"placard\"");
    assertThat(answer.body()).contains("a valid bearer token is required");
  }

  @Test
  void shouldRefuseAContentTypeThatIsNoMediaTypeAsJson() throws Exception {
    Answer answer = new Answer();

    guard.doFilter(request("Bearer " + TOKEN, "text/"), answer.response(), (req, res) -> fail());

    assertThat(answer.status).isEqualTo(400);
    assertThat(answer.body()).contains("\"field\":\"contentType\"");
  }

  @Test
  void shouldKeepWorkersForThePublicPathWhenApiCallsPileUp() throws Exception {
    int bound = Math.max(2, Runtime.getRuntime().availableProcessors());
    CountDownLatch inside = new CountDownLatch(bound);
    CountDownLatch release = new CountDownLatch(1);
    FilterChain slow =
        (req, res) -> {
          inside.countDown();
          await(release);
        };
    for (int i = 0; i < bound; i++) {
      callers.submit(() -> filter(new Answer(), slow));
    }
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

    Answer refused = new Answer();
    filter(refused, (req, res) -> fail());
    release.countDown();

    assertThat(refused.status).isEqualTo(503);
    assertThat(refused.headers).containsEntry("Retry-After", "1");
  }

  @Test
  void shouldLetCallsThroughAgainOnceEarlierOnesFinish() throws Exception {
    int bound = Math.max(2, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i <= bound; i++) {
      filter(new Answer(), (req, res) -> {});
    }
    Answer answer = new Answer();
    boolean[] passed = {false};

    filter(answer, (req, res) -> passed[0] = true);

    assertThat(passed[0]).isTrue();
    assertThat(answer.status).isZero();
  }

  private Void filter(Answer answer, FilterChain chain) throws Exception {
    guard.doFilter(request("Bearer " + TOKEN, null), answer.response(), chain);
    return null;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fail() {
    throw new AssertionError("the request must not reach the API");
  }

  private static HttpServletRequest request(String authorization, String contentType) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Authorization", authorization);
    headers.put("Content-Type", contentType);
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ApiGuardTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                method.getName().equals("getHeader") ? headers.get((String) args[0]) : null);
  }

  /** What the guard wrote: status, headers and body. */
  private static final class Answer {
    private int status;
    private final Map<String, String> headers = new HashMap<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    String body() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse response() {
      ServletOutputStream out =
          new ServletOutputStream() {
            @Override
            public void write(int b) {
              bytes.write(b);
            }

            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              ApiGuardTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "setStatus" -> status = (Integer) args[0];
                  case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                  case "getOutputStream" -> {
                    return out;
                  }
                  default -> {}
                }
                return null;
              });
    }
  }
}
