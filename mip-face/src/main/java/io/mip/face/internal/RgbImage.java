package io.mip.face.internal;

/**
 * An 8-bit RGB image, interleaved row-major ({@code rgb[(y * width + x) * 3 + c]}).
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param rgb the pixel bytes, length {@code width * height * 3}; not copied (internal type)
 */
public record RgbImage(int width, int height, byte[] rgb) {
  /** Validates the sizes. */
  public RgbImage {
    if (width <= 0 || height <= 0 || rgb.length != (long) width * height * 3) {
      throw new IllegalArgumentException("bad image size");
    }
  }

  /** Returns channel {@code c} of pixel (x, y) as 0..255. */
  public int at(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xff;
  }

  /** Returns the image with a black border of {@code padX} and {@code padY} pixels on each side. */
  public RgbImage padded(int padX, int padY) {
    int w = width + 2 * padX;
    int h = height + 2 * padY;
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < height; y++) {
      System.arraycopy(rgb, y * width * 3, out, ((y + padY) * w + padX) * 3, width * 3);
    }
    return new RgbImage(w, h, out);
  }
}
