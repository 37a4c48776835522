package io.mip.face;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * Shared face fixtures for this module's tests and, through the test jar, every module above it:
 * the default model pack (fetched once per machine), one engine per JVM, and the face photos of
 * ../shared/faces (tests skip without them).
 */
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads photos of ../shared/faces by their paths relative to it. */
  public static List<byte[]> photos(String... relative) {
    return Arrays.stream(relative).map(TestModels::photo).toList();
  }

  /** A valid PNG with no face: a smooth colour gradient. */
  public static byte[] noFace() {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, Color.BLUE, 320, 240, Color.ORANGE));
    g.fillRect(0, 0, 320, 240);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
