package org.placard.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.placard.serving.LiveFiles;

/**
 * {@code GET /healthz} on any host: 200 {@code UP} once the files are loaded, 503 {@code DOWN}
 * before. Never cached, so a monitor always sees the current state.
 */
@Path("/healthz")
public final class HealthResource {

  private final LiveFiles live;

  public HealthResource(LiveFiles live) {
    this.live = live;
  }

  @GET
  public Response health() {
    boolean up = live.isLoaded();
    return Response.status(up ? 200 : 503)
        .header("Content-Type", "text/plain; charset=utf-8")
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .entity(up ? "UP\n" : "DOWN\n")
        .build();
  }
}
