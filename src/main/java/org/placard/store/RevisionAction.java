package org.placard.store;

/** What a revision did to its file. */
public enum RevisionAction {
  /** New content became current. */
  PUBLISH,
  /** The content of an earlier revision became current again, as a new revision. */
  ROLLBACK,
  /** The file was removed from service; it has no content and its history stays. */
  DELETE
}
