package io.mip.face;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.face.internal.ExifOrientation;
import io.mip.face.internal.RgbImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {
  private static final String PHOTO = "ageitgey/examples__obama.jpg";

  /** A JPEG of {@code img} with an Exif APP1 segment holding only Orientation (big-endian TIFF). */
  private static byte[] jpegWithOrientation(BufferedImage img, int orientation) throws IOException {
    byte[] jpeg = jpeg(img);
    ByteBuffer tiff = ByteBuffer.allocate(26);
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8); // header, IFD at 8
    tiff.putShort((short) 1); // one entry
    tiff.putShort((short) 274).putShort((short) 3).putInt(1); // Orientation, SHORT, count 1
    tiff.putShort((short) orientation).putShort((short) 0); // value, padding
    tiff.putInt(0); // no next IFD
    byte[] body = tiff.array();
    byte[] exif = new byte[6 + body.length];
    System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
    System.arraycopy(body, 0, exif, 6, body.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write((exif.length + 2) >> 8);
    out.write((exif.length + 2) & 0xFF);
    out.write(exif);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static byte[] jpeg(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  /** The photo as a phone stores a portrait shot: turned 90 degrees counter-clockwise. */
  private static BufferedImage storedSideways(BufferedImage upright) {
    int w = upright.getWidth();
    int h = upright.getHeight();
    BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(y, w - 1 - x, upright.getRGB(x, y));
      }
    }
    return out;
  }

  @Test
  void analyse_portraitPhotoStoredSidewaysWithOrientation6_sameFaceAsUpright() throws IOException {
    FaceEngine engine = TestModels.engine();
    byte[] original = TestModels.photo(PHOTO);
    BufferedImage sideways = storedSideways(ImageIO.read(new ByteArrayInputStream(original)));
    Face upright = (Face) engine.analyse(original);

    FaceResult tagged = engine.analyse(jpegWithOrientation(sideways, 6));
    FaceResult untagged = engine.analyse(jpeg(sideways));

    assertThat(tagged).isInstanceOf(Face.class);
    double taggedSimilarity = engine.similarity(upright.template(), ((Face) tagged).template());
    assertThat(taggedSimilarity).isGreaterThan(0.8);
    if (untagged instanceof Face f) {
      assertThat(engine.similarity(upright.template(), f.template())).isLessThan(taggedSimilarity);
    }
  }

  @Test
  void of_jpegWithoutExifPngOrGarbage_one() throws IOException {
    BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(img, "png", png);

    assertThat(ExifOrientation.of(jpeg(img))).isEqualTo(1);
    assertThat(ExifOrientation.of(png.toByteArray())).isEqualTo(1);
    assertThat(ExifOrientation.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3})).isEqualTo(1);
    assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "3, 3", "6, 6", "8, 8", "0, 1", "9, 1", "300, 1"})
  void of_taggedJpeg_tagValueOrOneWhenOutOfRange(int tag, int expected) throws IOException {
    BufferedImage img = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);

    assertThat(ExifOrientation.of(jpegWithOrientation(img, tag))).isEqualTo(expected);
  }

  /**
   * A 3x2 image with distinct pixels; each orientation must put the stored top-left pixel (value 0)
   * where CIPA DC-008 says the 0th row and column go.
   */
  @ParameterizedTest
  @CsvSource({
    // orientation, width, height, x and y of stored pixel 0, x and y of stored pixel 5
    "1, 3, 2, 0, 0, 2, 1",
    "2, 3, 2, 2, 0, 0, 1",
    "3, 3, 2, 2, 1, 0, 0",
    "4, 3, 2, 0, 1, 2, 0",
    "5, 2, 3, 0, 0, 1, 2",
    "6, 2, 3, 1, 0, 0, 2",
    "7, 2, 3, 1, 2, 0, 0",
    "8, 2, 3, 0, 2, 1, 0"
  })
  void upright_eachOrientation_movesCornersWhereTheSpecSays(
      int orientation, int w, int h, int x0, int y0, int x5, int y5) {
    byte[] rgb = new byte[3 * 2 * 3];
    for (int i = 0; i < 6; i++) {
      rgb[i * 3] = (byte) i;
    }
    RgbImage out = ExifOrientation.upright(new RgbImage(3, 2, rgb), orientation);

    assertThat(out.width()).isEqualTo(w);
    assertThat(out.height()).isEqualTo(h);
    assertThat(out.at(x0, y0, 0)).isZero();
    assertThat(out.at(x5, y5, 0)).isEqualTo(5);
  }
}
