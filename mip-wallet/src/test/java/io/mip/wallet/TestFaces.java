package io.mip.wallet;

import io.mip.face.FaceEngine;
import io.mip.face.ModelPack;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/** Shared fixtures: one face engine per JVM, and photos from ../shared/faces. */
public final class TestFaces {
  private static FaceEngine engine;

  private TestFaces() {}

  /** Returns one engine shared by all tests of the JVM (engines are thread-safe). */
  public static synchronized FaceEngine engine() {
    faces();
    if (engine == null) {
      engine = FaceEngine.open(ModelPack.defaultPack());
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

  /** Reads photos of ../shared/faces by their paths relative to it. */
  public static List<byte[]> photos(String... relative) {
    return java.util.Arrays.stream(relative).map(TestFaces::photo).toList();
  }

  /** Reads one photo. */
  public static byte[] photo(String relative) {
    try {
      return Files.readAllBytes(faces().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
