package io.mip.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.face.FaceError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private final ImageDecoder decoder = new ImageDecoder(1 << 20, 1_000_000);

  private static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void decode_greyPng_threeEqualChannelsWithoutGammaShift() throws IOException {
    BufferedImage grey = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 1, 0, 100);

    RgbImage img = decoder.decode(png(grey)).image();

    assertThat(img.at(1, 1, 0)).isEqualTo(100);
    assertThat(img.at(1, 1, 1)).isEqualTo(100);
    assertThat(img.at(1, 1, 2)).isEqualTo(100);
    assertThat(img.at(0, 0, 0)).isZero();
  }

  @Test
  void decode_sixteenBitGrey_scaledTo8Bits() throws IOException {
    BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
    grey.getRaster().setSample(0, 0, 0, 65535);

    RgbImage img = decoder.decode(png(grey)).image();

    assertThat(img.at(0, 0, 0)).isEqualTo(255);
  }

  @Test
  void decode_rgbaPng_alphaIgnored() throws IOException {
    BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(0, 0, 0x10_20_30_40);

    RgbImage img = decoder.decode(png(argb)).image();

    assertThat(new int[] {img.at(0, 0, 0), img.at(0, 0, 1), img.at(0, 0, 2)})
        .containsExactly(0x20, 0x30, 0x40);
  }

  @Test
  void decode_truncatedPng_truncatedImage() throws IOException {
    BufferedImage rgb = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 64; i++) {
      rgb.setRGB(i, i, 0xffffff * i / 64);
    }
    byte[] bytes = png(rgb);

    ImageDecoder.Outcome o = decoder.decode(Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(o.error().reason()).isEqualTo(FaceError.Reason.TRUNCATED_IMAGE);
  }

  @Test
  void decode_morePixelsThanLimit_tooLarge() throws IOException {
    BufferedImage big = new BufferedImage(1001, 1000, BufferedImage.TYPE_BYTE_GRAY);

    ImageDecoder.Outcome o = decoder.decode(png(big));

    assertThat(o.error().reason()).isEqualTo(FaceError.Reason.TOO_LARGE);
  }
}
