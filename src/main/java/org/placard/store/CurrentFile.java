package org.placard.store;

import java.time.Instant;

/** The revision of a file that is in service, with the bytes to serve. */
public record CurrentFile(
    String scope,
    String name,
    long revisionId,
    int number,
    String contentType,
    byte[] body,
    Instant createdAt) {

  static CurrentFile of(PublishedFile file, FileRevision revision) {
    return new CurrentFile(
        file.getScope(),
        file.getName(),
        revision.getId(),
        revision.getNumber(),
        revision.getContentType(),
        revision.getBody(),
        revision.getCreatedAt());
  }
}
