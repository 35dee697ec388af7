package org.placard.store;

import java.time.Instant;

/** A revision without its body, for histories and listings. */
public record RevisionInfo(
    long id,
    int number,
    RevisionAction action,
    String contentType,
    int size,
    String author,
    Instant createdAt,
    String comment) {}
