package io.mip.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}: where a benchmark works. Without it the benchmark runs in a new temporary
 * folder that is deleted afterwards; a given folder is kept.
 */
public final class BenchDir {
  @Option(names = "--data", paramLabel = "DIR", description = "Work in DIR (default: a temp dir).")
  Path data;

  /** A benchmark run in a folder. */
  @FunctionalInterface
  public interface Work {
    /** Runs the benchmark in {@code dir}. */
    void run(Path dir) throws IOException, InterruptedException;
  }

  /**
   * Runs {@code work} in the folder; an interruption ends it quietly (the thread stays
   * interrupted).
   *
   * @param prefix the name prefix of the temporary folder
   */
  public void run(String prefix, Work work) {
    try {
      Path dir = data != null ? data : Files.createTempDirectory(prefix);
      try {
        work.run(dir);
      } finally {
        if (data == null) {
          delete(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
