package org.placard.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keeps one unpacked copy of each WAR under {@code <home>/launcher/}, because Tomcat serves a
 * packed WAR very slowly.
 *
 * <p>A copy is named after the size and modification time of its WAR ({@code war-<size>-<mtime>})
 * and appears in one atomic rename, so an existing folder is always complete. Every process that
 * serves a copy holds a shared lock on {@code war-<size>-<mtime>.lock}; a copy whose lock nobody
 * holds belongs to a WAR that no longer runs and is removed.
 */
final class LauncherUnpacker {

  /** A copy, its lock file, or a temporary folder named after the process unpacking into it. */
  private static final Pattern ENTRY =
      Pattern.compile("(war-[0-9a-f]{1,16}-[0-9a-f]{1,16})(?:\\.lock|\\.tmp-([0-9]{1,18}))?");

  /** Open for the life of the JVM: closing the channel, even through the GC, drops the lock. */
  @SuppressWarnings("unused")
  private static FileChannel heldLock;

  private LauncherUnpacker() {}

  /**
   * Returns the folder to serve: the WAR itself when it is already a folder (a development run).
   */
  static Path unpackedCopy(Path war, Path home) throws IOException {
    if (Files.isDirectory(war)) {
      return war;
    }
    Path root = Files.createDirectories(home.resolve("launcher"));
    String name =
        "war-"
            + Long.toHexString(Files.size(war))
            + "-"
            + Long.toHexString(Files.getLastModifiedTime(war).toMillis());
    holdSharedLock(lockFile(root.resolve(name)));
    Path copy = root.resolve(name);
    if (!Files.isDirectory(copy)) {
      unpack(war, copy);
    }
    removeStaleCopies(root, name);
    return copy;
  }

  /**
   * Takes a shared lock on the lock file. A process removing a stale copy deletes the lock file
   * before it lets go of it, so a lock won on a file that is gone is retried on a new one.
   */
  private static void holdSharedLock(Path lockFile) throws IOException {
    while (true) {
      FileChannel channel = openLockFile(lockFile);
      channel.lock(0, Long.MAX_VALUE, true);
      if (Files.exists(lockFile)) {
        heldLock = channel;
        return;
      }
      channel.close();
    }
  }

  private static Path lockFile(Path copy) {
    return copy.resolveSibling(copy.getFileName() + ".lock");
  }

  private static FileChannel openLockFile(Path lockFile) throws IOException {
    return FileChannel.open(
        lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** Unpacks next to the copy first, so that a crash or a concurrent start never shows half. */
  private static void unpack(Path war, Path copy) throws IOException {
    LauncherLogging.logger().info(() -> "Unpacking " + war + " into " + copy);
    Path temporary =
        Files.createDirectory(
            copy.resolveSibling(copy.getFileName() + ".tmp-" + ProcessHandle.current().pid()));
    try {
      extract(war, temporary);
      moveIntoPlace(temporary, copy);
    } finally {
      deleteTree(temporary);
    }
  }

  private static void moveIntoPlace(Path temporary, Path copy) throws IOException {
    try {
      Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      if (!Files.isDirectory(copy)) {
        throw e;
      }
      // Another start of the same WAR won the race; its copy is as good as ours.
    }
  }

  private static void extract(Path war, Path target) throws IOException {
    try (ZipFile zip = new ZipFile(war.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        extractEntry(zip, entries.nextElement(), target);
      }
    }
  }

  /**
   * Writes one entry. The file keeps the time of unpacking, not the entry's time: reproducible
   * builds give every entry the same time, and Tomcat derives ETag and Last-Modified from it.
   */
  private static void extractEntry(ZipFile zip, ZipEntry entry, Path target) throws IOException {
    Path path = target.resolve(entry.getName()).normalize();
    if (!path.startsWith(target)) {
      throw new IOException(
          "Refusing to unpack "
              + zip.getName()
              + ": its entry "
              + entry.getName()
              + " would land outside "
              + target);
    }
    if (entry.isDirectory()) {
      Files.createDirectories(path);
      return;
    }
    Files.createDirectories(path.getParent());
    try (InputStream in = zip.getInputStream(entry)) {
      Files.copy(in, path);
    }
  }

  /** Clean-up is best effort: what cannot be removed now is removed by a later start. */
  private static void removeStaleCopies(Path root, String current) {
    Set<String> others = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, "war-*")) {
      for (Path entry : entries) {
        Matcher name = ENTRY.matcher(entry.getFileName().toString());
        if (!name.matches()) {
          continue;
        } else if (name.group(2) != null) {
          removeAbandonedTemporary(entry, Long.parseLong(name.group(2)));
        } else if (!name.group(1).equals(current)) {
          others.add(name.group(1));
        }
      }
      for (String other : others) {
        removeIfUnused(root.resolve(other));
      }
    } catch (IOException | DirectoryIteratorException e) {
      LauncherLogging.logger().warning(() -> "Cannot remove old copies in " + root + ": " + e);
    }
  }

  /** A temporary folder is abandoned when the process that was unpacking into it is gone. */
  private static void removeAbandonedTemporary(Path temporary, long pid) throws IOException {
    if (ProcessHandle.of(pid).isEmpty()) {
      deleteTree(temporary);
    }
  }

  private static void removeIfUnused(Path copy) throws IOException {
    Path lockFile = lockFile(copy);
    try (FileChannel channel = openLockFile(lockFile);
        FileLock lock = channel.tryLock()) {
      if (lock != null) {
        if (Files.exists(copy)) {
          LauncherLogging.logger().info(() -> "Removing " + copy + ", unpacked from another WAR");
          deleteTree(copy);
        }
        Files.delete(lockFile);
      }
    } catch (OverlappingFileLockException e) {
      // This JVM holds that lock, so the copy is in use.
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.notExists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
