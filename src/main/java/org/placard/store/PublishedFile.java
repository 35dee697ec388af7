package org.placard.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/**
 * One name under {@code /.well-known/} within one host scope. The row itself never goes away:
 * removing the file from service only clears {@link #currentRevision}, so the history stays.
 */
@Entity
@Table(name = "published_file")
public class PublishedFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "scope", nullable = false, length = 255)
  private String scope;

  @Column(name = "name", nullable = false, length = 255)
  private String name;

  @OneToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "current_revision_id")
  private FileRevision currentRevision;

  protected PublishedFile() {}

  PublishedFile(String scope, String name) {
    this.scope = scope;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public String getScope() {
    return scope;
  }

  public String getName() {
    return name;
  }

  public FileRevision getCurrentRevision() {
    return currentRevision;
  }

  void setCurrentRevision(FileRevision revision) {
    this.currentRevision = revision;
  }
}
