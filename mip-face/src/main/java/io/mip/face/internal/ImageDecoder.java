package io.mip.face.internal;

import io.mip.face.FaceError;
import io.mip.face.FaceError.Reason;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes untrusted image bytes with the JDK's ImageIO, refusing oversized input before any pixel
 * is decoded: the byte limit first, then the pixel count from the header ({@link
 * ImageReader#getWidth(int)} and {@link ImageReader#getHeight(int)}). Decoder warnings (a JPEG cut
 * short decodes to grey with only a warning) count as a truncated image. Grey images become three
 * equal channels, read from the raster so no colour-space gamma is applied; alpha is ignored. A
 * JPEG's EXIF Orientation is applied ({@link ExifOrientation}), so a phone's portrait photo comes
 * out upright.
 */
public final class ImageDecoder {
  private final long maxBytes;
  private final long maxPixels;

  /** Creates a decoder with the given limits. */
  public ImageDecoder(long maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  /** The decoded image or why there is none. */
  public record Outcome(RgbImage image, FaceError error) {}

  /** Decodes the bytes. Never throws for malformed input. */
  public Outcome decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return fail(Reason.EMPTY_INPUT, "the image is empty");
    }
    if (bytes.length > maxBytes) {
      return fail(Reason.TOO_LARGE, "the image is over " + maxBytes + " bytes");
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return fail(Reason.NOT_AN_IMAGE, "the bytes are not a supported image format");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        Outcome read = read(reader);
        if (read.image() == null) {
          return read;
        }
        return new Outcome(ExifOrientation.upright(read.image(), ExifOrientation.of(bytes)), null);
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      return fail(Reason.TRUNCATED_IMAGE, "the image could not be read");
    }
  }

  private Outcome read(ImageReader reader) {
    long w;
    long h;
    try {
      w = reader.getWidth(0);
      h = reader.getHeight(0);
    } catch (IOException | RuntimeException e) {
      return fail(Reason.TRUNCATED_IMAGE, "the image header is damaged or cut short");
    }
    if (w <= 0 || h <= 0) {
      return fail(Reason.NOT_AN_IMAGE, "the image declares no pixels");
    }
    if (w * h > maxPixels || w > Integer.MAX_VALUE / 4 || h > Integer.MAX_VALUE / 4) {
      return fail(
          Reason.TOO_LARGE, "the image declares " + w + "x" + h + " pixels, over " + maxPixels);
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    BufferedImage img;
    try {
      img = reader.read(0);
    } catch (IOException | RuntimeException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("Unsupported Image Type")) {
        return fail(Reason.NOT_AN_IMAGE, "unsupported image type (CMYK or similar)");
      }
      return fail(Reason.TRUNCATED_IMAGE, "the image data is damaged or cut short");
    }
    if (!warnings.isEmpty()) {
      return fail(Reason.TRUNCATED_IMAGE, "the image data is damaged or cut short");
    }
    return new Outcome(toRgb(img), null);
  }

  private static Outcome fail(Reason reason, String detail) {
    return new Outcome(null, FaceError.of(reason, detail));
  }

  /** Converts any decoded image to 8-bit RGB. */
  static RgbImage toRgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] out = new byte[w * h * 3];
    Raster raster = img.getRaster();
    int type = img.getColorModel().getColorSpace().getType();
    if (img.getType() == BufferedImage.TYPE_3BYTE_BGR
        && raster.getDataBuffer() instanceof DataBufferByte buf
        && raster.getParent() == null) {
      byte[] bgr = buf.getData();
      for (int i = 0; i < w * h; i++) {
        out[i * 3] = bgr[i * 3 + 2];
        out[i * 3 + 1] = bgr[i * 3 + 1];
        out[i * 3 + 2] = bgr[i * 3];
      }
    } else if (type == ColorSpace.TYPE_GRAY && raster.getNumBands() <= 2) {
      int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          byte g = (byte) (max == 255 ? row[x] : (int) ((long) row[x] * 255 / max));
          int o = (y * w + x) * 3;
          out[o] = g;
          out[o + 1] = g;
          out[o + 2] = g;
        }
      }
    } else {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        img.getRGB(0, y, w, 1, row, 0, w);
        for (int x = 0; x < w; x++) {
          int p = row[x];
          int o = (y * w + x) * 3;
          out[o] = (byte) (p >> 16);
          out[o + 1] = (byte) (p >> 8);
          out[o + 2] = (byte) p;
        }
      }
    }
    return new RgbImage(w, h, out);
  }
}
