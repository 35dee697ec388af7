package org.placard.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The transactions that read and change published files. Each change appends one revision and moves
 * the file's current pointer, under a row lock on the file so that revision numbers stay gapless
 * even when several pool members share one database.
 */
public class FileStore {

  private final EntityManagerFactory factory;

  public FileStore(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** The outcome of a publish: the revision now in service, and whether the file is new. */
  public record Published(CurrentFile current, boolean created) {}

  /** Stores new content for a file, creating the file on its first publish. */
  public Published publish(String scope, String name, Change change) {
    return retryingOnce(
        () ->
            inTransaction(
                em -> {
                  PublishedFile existing = findLocked(em, scope, name);
                  PublishedFile file = existing != null ? existing : create(em, scope, name);
                  FileRevision revision = append(em, file, RevisionAction.PUBLISH, change);
                  return new Published(CurrentFile.of(file, revision), existing == null);
                }));
  }

  /** Makes the content of revision {@code number} current again, as a new revision. */
  public CurrentFile rollback(String scope, String name, int number, Change meta) {
    return inTransaction(
        em -> {
          PublishedFile file = require(em, scope, name);
          FileRevision target = revision(em, file, number);
          if (target.getBody() == null) {
            throw new StoreException(
                StoreException.Reason.REVISION_HAS_NO_CONTENT,
                "revision " + number + " removed the file and has no content to restore");
          }
          Change restore =
              new Change(
                  target.getContentType(),
                  target.getBody(),
                  meta.author(),
                  meta.comment(),
                  meta.at());
          return CurrentFile.of(file, append(em, file, RevisionAction.ROLLBACK, restore));
        });
  }

  /** The revision that recorded a removal. */
  public record Removed(long revisionId, int number) {}

  /** Removes a file from service, keeping its history. */
  public Removed remove(String scope, String name, Change meta) {
    return inTransaction(
        em -> {
          PublishedFile file = require(em, scope, name);
          if (file.getCurrentRevision() == null) {
            throw new StoreException(
                StoreException.Reason.NOT_FOUND, scope + " " + name + " is already out of service");
          }
          FileRevision revision = append(em, file, RevisionAction.DELETE, meta);
          return new Removed(revision.getId(), revision.getNumber());
        });
  }

  /** A file with its whole history, newest first. */
  public Optional<FileSummary> history(String scope, String name) {
    return inTransaction(
        em -> {
          PublishedFile file = find(em, scope, name);
          if (file == null) {
            return Optional.empty();
          }
          List<RevisionInfo> revisions = revisions(em, file.getId());
          return Optional.of(summary(file, revisions));
        });
  }

  /** One page of files ordered by scope and name, each with its current revision only. */
  public List<FileSummary> list(int offset, int limit) {
    return inTransaction(
        em ->
            em.createQuery(
                    "select f from PublishedFile f left join fetch f.currentRevision"
                        + " order by f.scope, f.name",
                    PublishedFile.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultStream()
                .map(f -> summary(f, null))
                .toList());
  }

  public long count() {
    return inTransaction(
        em -> em.createQuery("select count(f) from PublishedFile f", Long.class).getSingleResult());
  }

  /** The bytes of one revision, for downloads and diffs. */
  public Optional<CurrentFile> revisionContent(String scope, String name, int number) {
    return inTransaction(
        em -> {
          PublishedFile file = find(em, scope, name);
          if (file == null) {
            return Optional.empty();
          }
          FileRevision revision = revision(em, file, number);
          return Optional.ofNullable(
              revision.getBody() == null ? null : CurrentFile.of(file, revision));
        });
  }

  /** Every file in service with the bytes to serve: what the serving snapshot is built from. */
  public List<CurrentFile> loadCurrent() {
    return inTransaction(
        em ->
            em.createQuery(
                    "select new org.placard.store.CurrentFile(f.scope, f.name, r.id, r.number,"
                        + " r.contentType, r.body, r.createdAt)"
                        + " from PublishedFile f join f.currentRevision r",
                    CurrentFile.class)
                .getResultList());
  }

  /**
   * A value that changes whenever any member of the pool stores a revision. Revisions are never
   * deleted, so the pair (highest id, count) also catches transactions that commit out of id order.
   */
  public ChangeMarker changeMarker() {
    return inTransaction(
        em -> {
          Object[] row =
              em.createQuery(
                      "select coalesce(max(r.id), 0), count(r) from FileRevision r", Object[].class)
                  .getSingleResult();
          return new ChangeMarker(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        });
  }

  /** See {@link #changeMarker()}. */
  public record ChangeMarker(long highestId, long count) {}

  private static PublishedFile create(EntityManager em, String scope, String name) {
    PublishedFile file = new PublishedFile(scope, name);
    em.persist(file);
    return file;
  }

  private static FileRevision append(
      EntityManager em, PublishedFile file, RevisionAction action, Change change) {
    Integer last =
        em.createQuery(
                "select max(r.number) from FileRevision r where r.file = :file", Integer.class)
            .setParameter("file", file)
            .getSingleResult();
    FileRevision revision = new FileRevision(file, last == null ? 1 : last + 1, action, change);
    em.persist(revision);
    file.setCurrentRevision(action == RevisionAction.DELETE ? null : revision);
    em.flush();
    return revision;
  }

  private static PublishedFile find(EntityManager em, String scope, String name) {
    return em.createQuery(
            "select f from PublishedFile f where f.scope = :scope and f.name = :name",
            PublishedFile.class)
        .setParameter("scope", scope)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  private static PublishedFile findLocked(EntityManager em, String scope, String name) {
    PublishedFile file = find(em, scope, name);
    if (file != null) {
      em.lock(file, LockModeType.PESSIMISTIC_WRITE);
      em.refresh(file);
    }
    return file;
  }

  private static PublishedFile require(EntityManager em, String scope, String name) {
    PublishedFile file = findLocked(em, scope, name);
    if (file == null) {
      throw new StoreException(StoreException.Reason.NOT_FOUND, "no file " + name + " in " + scope);
    }
    return file;
  }

  private static FileRevision revision(EntityManager em, PublishedFile file, int number) {
    return em.createQuery(
            "select r from FileRevision r where r.file = :file and r.number = :number",
            FileRevision.class)
        .setParameter("file", file)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new StoreException(
                    StoreException.Reason.NO_SUCH_REVISION,
                    file.getName() + " in " + file.getScope() + " has no revision " + number));
  }

  private static List<RevisionInfo> revisions(EntityManager em, long fileId) {
    return em.createQuery(
            "select new org.placard.store.RevisionInfo(r.id, r.number, r.action, r.contentType,"
                + " r.size, r.author, r.createdAt, r.comment)"
                + " from FileRevision r where r.file.id = :id order by r.number desc",
            RevisionInfo.class)
        .setParameter("id", fileId)
        .getResultList();
  }

  private static FileSummary summary(PublishedFile file, List<RevisionInfo> revisions) {
    FileRevision current = file.getCurrentRevision();
    RevisionInfo info = current == null ? null : info(current);
    return new FileSummary(file.getScope(), file.getName(), info, revisions);
  }

  private static RevisionInfo info(FileRevision r) {
    return new RevisionInfo(
        r.getId(),
        r.getNumber(),
        r.getAction(),
        r.getContentType(),
        r.getSize(),
        r.getAuthor(),
        r.getCreatedAt(),
        r.getComment());
  }

  /**
   * Runs a change again once when it lost a race to create the same file on another connection: the
   * second attempt finds the row the winner created and appends to it.
   */
  private static <T> T retryingOnce(Supplier<T> work) {
    try {
      return work.get();
    } catch (PersistenceException e) {
      if (!isConstraintViolation(e)) {
        throw e;
      }
      return work.get();
    }
  }

  private static boolean isConstraintViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConstraintViolationException) {
        return true;
      }
    }
    return false;
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    try {
      return transaction(work);
    } catch (DatabaseUnavailableException e) {
      if (!e.isWorthRetrying()) {
        throw e;
      }
      return transaction(work);
    }
  }

  private <T> T transaction(Function<EntityManager, T> work) {
    EntityManager em = factory.createEntityManager();
    EntityTransaction tx = em.getTransaction();
    boolean committing = false;
    try {
      tx.begin();
      T result = work.apply(em);
      committing = true;
      tx.commit();
      return result;
    } catch (RuntimeException e) {
      rollback(tx, e);
      throw DatabaseUnavailableException.translate(e, !committing);
    } finally {
      em.close();
    }
  }

  /**
   * Rolls back after a failure. On a lost connection the rollback fails too; that second failure
   * must not hide the first, which says what went wrong.
   */
  private static void rollback(EntityTransaction tx, RuntimeException failure) {
    try {
      if (tx.isActive()) {
        tx.rollback();
      }
    } catch (RuntimeException alsoFailed) {
      failure.addSuppressed(alsoFailed);
    }
  }
}
