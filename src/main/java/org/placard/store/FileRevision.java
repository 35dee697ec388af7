package org.placard.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Formula;

/**
 * One change to a published file, immutable once written: who made it, when, and (except for a
 * removal) the exact bytes and content type that were served from then on.
 */
@Entity
@Table(name = "file_revision")
public class FileRevision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "file_id", nullable = false, updatable = false)
  private PublishedFile file;

  @Column(name = "number", nullable = false, updatable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, updatable = false, length = 16)
  private RevisionAction action;

  @Column(name = "content_type", updatable = false, length = 255)
  private String contentType;

  @Column(name = "body", updatable = false)
  private byte[] body;

  /** Computed by the database, so listing a history never loads the bodies. */
  @Formula("coalesce(octet_length(body), 0)")
  private int size;

  @Column(name = "author", nullable = false, updatable = false, length = 128)
  private String author;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "comment", updatable = false, length = 1000)
  private String comment;

  protected FileRevision() {}

  FileRevision(PublishedFile file, int number, RevisionAction action, Change change) {
    this.file = file;
    this.number = number;
    this.action = action;
    this.contentType = change.contentType();
    this.body = change.body();
    this.author = change.author();
    this.comment = change.comment();
    this.createdAt = change.at();
  }

  public Long getId() {
    return id;
  }

  public PublishedFile getFile() {
    return file;
  }

  public int getNumber() {
    return number;
  }

  public RevisionAction getAction() {
    return action;
  }

  public String getContentType() {
    return contentType;
  }

  /** The stored bytes; callers must not modify the array. */
  public byte[] getBody() {
    return body;
  }

  public int getSize() {
    return size;
  }

  public String getAuthor() {
    return author;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getComment() {
    return comment;
  }
}
