package org.placard.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.placard.serving.ServedFile;
import org.placard.store.CurrentFile;
import org.placard.store.FileSummary;
import org.placard.store.RevisionInfo;

/** A file as the API shows it. Times are ISO-8601 instants in UTC. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileView(
    String scope,
    String name,
    boolean inService,
    Integer revision,
    String contentType,
    Integer size,
    String etag,
    String modified,
    List<RevisionView> revisions) {

  /** One revision in a file's history. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RevisionView(
      int number,
      String action,
      String contentType,
      int size,
      String author,
      String created,
      String comment) {

    static RevisionView of(RevisionInfo r) {
      return new RevisionView(
          r.number(),
          r.action().name(),
          r.contentType(),
          r.size(),
          r.author(),
          r.createdAt().toString(),
          r.comment());
    }
  }

  static FileView of(CurrentFile current) {
    return new FileView(
        current.scope(),
        current.name(),
        true,
        current.number(),
        current.contentType(),
        current.body().length,
        ServedFile.etagOf(current.contentType(), current.body()),
        current.createdAt().toString(),
        null);
  }

  static FileView of(FileSummary summary) {
    RevisionInfo current = summary.current();
    List<RevisionView> history =
        summary.revisions() == null
            ? null
            : summary.revisions().stream().map(RevisionView::of).toList();
    if (current == null) {
      return new FileView(
          summary.scope(), summary.name(), false, null, null, null, null, null, history);
    }
    return new FileView(
        summary.scope(),
        summary.name(),
        true,
        current.number(),
        current.contentType(),
        current.size(),
        null,
        current.createdAt().toString(),
        history);
  }

  static FileView withHistory(FileView view, List<RevisionView> revisions) {
    return new FileView(
        view.scope(),
        view.name(),
        view.inService(),
        view.revision(),
        view.contentType(),
        view.size(),
        view.etag(),
        view.modified(),
        revisions);
  }
}
