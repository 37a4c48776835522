package io.mip.face.eval.internal;

import io.mip.face.internal.RgbImage;
import io.mip.face.internal.Sampler;
import java.util.SplittableRandom;

/**
 * Synthetic presentation attacks made from a real photo, for a rough APCER of the liveness model.
 * They imitate the cues of common attacks, not their physics; a real attack set measures more.
 */
public final class Attacks {
  /** The synthesised attack kinds. */
  public enum Kind {
    /** Grey print: luminance only, paper dynamic range, slight blur. */
    GREY_PRINT("grey_print"),
    /** Screen replay: sinusoidal moire, sub-pixel stripes, bluish gamma. */
    SCREEN_MOIRE("screen_moire"),
    /** Low-resolution recapture: down to 1/6, back up, noise, lower contrast. */
    LOW_RES_RECAPTURE("low_res_recapture"),
    /** The photo held up inside a dark frame (phone or picture frame), at 70 % size. */
    DARK_FRAME("dark_frame");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** Returns the JSON key. */
    public String key() {
      return key;
    }
  }

  private Attacks() {}

  /** Longest side an attack is made at: the detector sees 320x240 and liveness 128x128 anyway. */
  static final int MAX_SIDE = 800;

  /**
   * Makes one attack image from a real photo (deterministic for a given seed), first reducing
   * photos larger than {@value #MAX_SIDE} pixels.
   */
  public static RgbImage make(Kind kind, RgbImage photo, long seed) {
    RgbImage src = capped(photo);
    return switch (kind) {
      case GREY_PRINT -> greyPrint(src);
      case SCREEN_MOIRE -> moire(src);
      case LOW_RES_RECAPTURE -> lowRes(src, seed);
      case DARK_FRAME -> darkFrame(src);
    };
  }

  private static RgbImage capped(RgbImage img) {
    int side = Math.max(img.width(), img.height());
    if (side <= MAX_SIDE) {
      return img;
    }
    int w = Math.max(1, (int) Math.round(img.width() * (double) MAX_SIDE / side));
    int h = Math.max(1, (int) Math.round(img.height() * (double) MAX_SIDE / side));
    return toImage(Sampler.resizeAntialiased(img, 0, 0, img.width(), img.height(), w, h), w, h);
  }

  private static RgbImage greyPrint(RgbImage src) {
    int w = src.width();
    int h = src.height();
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double acc = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int xx = Math.max(0, Math.min(w - 1, x + dx));
            int yy = Math.max(0, Math.min(h - 1, y + dy));
            acc +=
                0.299 * src.at(xx, yy, 0) + 0.587 * src.at(xx, yy, 1) + 0.114 * src.at(xx, yy, 2);
            n++;
          }
        }
        double v = 35 + acc / n * (215 - 35) / 255.0;
        int o = (y * w + x) * 3;
        out[o] = clamp(v + 6);
        out[o + 1] = clamp(v + 3);
        out[o + 2] = clamp(v - 4);
      }
    }
    return new RgbImage(w, h, out);
  }

  private static RgbImage moire(RgbImage src) {
    int w = src.width();
    int h = src.height();
    double period = Math.max(3.0, Math.min(w, h) / 120.0);
    double angle = Math.toRadians(17);
    double[] gamma = new double[256];
    for (int i = 0; i < 256; i++) {
      gamma[i] = 255 * Math.pow(i / 255.0, 0.8);
    }
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double phase = 2 * Math.PI * (x * Math.cos(angle) + y * Math.sin(angle)) / period;
        double m = 1 + 0.18 * Math.sin(phase);
        int stripe = x % 3;
        for (int c = 0; c < 3; c++) {
          double v = gamma[src.at(x, y, c)] * m;
          v *= stripe == c ? 1.08 : 0.96;
          if (c == 2) {
            v += 12;
          }
          out[(y * w + x) * 3 + c] = clamp(v);
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  private static RgbImage lowRes(RgbImage src, long seed) {
    int w = src.width();
    int h = src.height();
    int sw = Math.max(8, w / 6);
    int sh = Math.max(8, h / 6);
    RgbImage small = toImage(Sampler.resizeAntialiased(src, 0, 0, w, h, sw, sh), sw, sh);
    float[] up = Sampler.resizeAntialiased(small, 0, 0, sw, sh, w, h);
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] out = new byte[w * h * 3];
    for (int i = 0; i < up.length; i++) {
      out[i] = clamp(20 + up[i] * 0.85 + rnd.nextInt(-8, 9));
    }
    return new RgbImage(w, h, out);
  }

  private static RgbImage darkFrame(RgbImage src) {
    int w = src.width();
    int h = src.height();
    int iw = Math.max(8, (int) Math.round(w * 0.7));
    int ih = Math.max(8, (int) Math.round(h * 0.7));
    float[] inner = Sampler.resizeAntialiased(src, 0, 0, w, h, iw, ih);
    int ox = (w - iw) / 2;
    int oy = (h - ih) / 2;
    int bezel = Math.max(2, Math.min(w, h) / 100);
    byte[] out = new byte[w * h * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int o = (y * w + x) * 3;
        int ix = x - ox;
        int iy = y - oy;
        boolean in = ix >= 0 && iy >= 0 && ix < iw && iy < ih;
        boolean edge = !in && ix >= -bezel && iy >= -bezel && ix < iw + bezel && iy < ih + bezel;
        for (int c = 0; c < 3; c++) {
          double v = in ? inner[(iy * iw + ix) * 3 + c] * 0.9 + 8 : edge ? 70 : 18;
          out[o + c] = clamp(v);
        }
      }
    }
    return new RgbImage(w, h, out);
  }

  private static RgbImage toImage(float[] rgb, int w, int h) {
    byte[] b = new byte[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      b[i] = clamp(rgb[i]);
    }
    return new RgbImage(w, h, b);
  }

  private static byte clamp(double v) {
    return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
  }
}
