package org.placard.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.placard.serving.LiveFiles;
import org.placard.serving.Snapshot;
import org.placard.store.FileStore;

/**
 * {@code GET /api/v1/status}: what this member serves (files and scopes in the snapshot, how long
 * the last rebuild took) and what the database holds, to compare pool members.
 */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public final class StatusApi {

  private final LiveFiles live;
  private final FileStore store;

  public StatusApi(LiveFiles live, FileStore store) {
    this.live = live;
    this.store = store;
  }

  @GET
  public Map<String, Object> status() {
    Snapshot snapshot = live.current();
    FileStore.ChangeMarker marker = store.changeMarker();
    return Map.of(
        "loaded",
        snapshot != null,
        "files",
        snapshot == null ? 0 : snapshot.fileCount(),
        "scopes",
        snapshot == null ? 0 : snapshot.scopeCount(),
        "lastBuildMillis",
        live.lastBuildMillis(),
        "databaseRevisions",
        marker.count(),
        "latestRevisionId",
        marker.highestId());
  }
}
