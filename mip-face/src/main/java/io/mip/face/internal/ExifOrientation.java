package io.mip.face.internal;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The EXIF Orientation tag of a JPEG (TIFF tag 274, CIPA DC-008 "Exif" section 4.6.4) and the pixel
 * transform that shows the image upright. Phones store a portrait photo as a landscape sensor image
 * plus this tag; without it a face lies on its side and the detector finds none.
 *
 * <p>Parsing uses TwelveMonkeys' JPEG segment and TIFF readers. A missing, malformed or
 * out-of-range tag means "as stored" (1), as in browsers: the tag only turns pixels, it never makes
 * an image acceptable that would otherwise be refused.
 */
public final class ExifOrientation {
  private ExifOrientation() {}

  /**
   * Returns the Orientation (1 to 8) of JPEG {@code bytes}; 1 when absent, malformed or not JPEG.
   */
  public static int of(byte[] bytes) {
    if (bytes.length < 4 || (bytes[0] & 0xff) != 0xFF || (bytes[1] & 0xff) != 0xD8) {
      return 1;
    }
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
      if (exif.isEmpty()) {
        return 1;
      }
      InputStream data = exif.get(0).data();
      if (data.read() < 0) { // the pad byte after "Exif\0"
        return 1;
      }
      Directory tiff = new TIFFReader().read(new MemoryCacheImageInputStream(data));
      Entry e = tiff.getEntryById(TIFF.TAG_ORIENTATION);
      if (e == null || !(e.getValue() instanceof Number n)) {
        return 1;
      }
      int o = n.intValue();
      return o >= 1 && o <= 8 ? o : 1;
    } catch (IOException | RuntimeException e) {
      return 1;
    }
  }

  /** Returns {@code img} turned and mirrored as {@code orientation} (1 to 8) says to display it. */
  public static RgbImage upright(RgbImage img, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return img;
    }
    int w = img.width();
    int h = img.height();
    boolean swap = orientation >= 5;
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    byte[] src = img.rgb();
    byte[] out = new byte[src.length];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> {
            sx = w - 1 - x;
            sy = y;
          }
          case 3 -> {
            sx = w - 1 - x;
            sy = h - 1 - y;
          }
          case 4 -> {
            sx = x;
            sy = h - 1 - y;
          }
          case 5 -> {
            sx = y;
            sy = x;
          }
          case 6 -> {
            sx = y;
            sy = h - 1 - x;
          }
          case 7 -> {
            sx = w - 1 - y;
            sy = h - 1 - x;
          }
          default -> {
            sx = w - 1 - y;
            sy = x;
          }
        }
        int s = (sy * w + sx) * 3;
        int d = (y * ow + x) * 3;
        out[d] = src[s];
        out[d + 1] = src[s + 1];
        out[d + 2] = src[s + 2];
      }
    }
    return new RgbImage(ow, oh, out);
  }
}
