package io.mip.face.internal;

/** Bilinear resampling of an {@link RgbImage} through an {@link Affine} map. */
public final class Sampler {
  private Sampler() {}

  /**
   * Samples {@code outW x outH} pixels; output pixel (x, y) takes the bilinear value at {@code
   * map(x, y)} in the source. Returns interleaved RGB floats rounded to 0..255 integers (what an
   * 8-bit warp would give). Outside the source, {@code replicate} repeats the edge pixel, otherwise
   * the pixel is black (OpenCV's BORDER_CONSTANT).
   */
  public static float[] warp(RgbImage src, Affine map, int outW, int outH, boolean replicate) {
    float[] out = new float[outW * outH * 3];
    int w = src.width();
    int h = src.height();
    byte[] px = src.rgb();
    int o = 0;
    for (int y = 0; y < outH; y++) {
      double sxRow = map.b() * y + map.c();
      double syRow = map.e() * y + map.f();
      for (int x = 0; x < outW; x++, o += 3) {
        double sx = map.a() * x + sxRow;
        double sy = map.d() * x + syRow;
        if (replicate) {
          sx = Math.max(0, Math.min(w - 1, sx));
          sy = Math.max(0, Math.min(h - 1, sy));
        } else if (sx <= -1 || sy <= -1 || sx >= w || sy >= h) {
          continue;
        }
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double r = 0;
        double g = 0;
        double b = 0;
        for (int j = 0; j < 2; j++) {
          int yy = y0 + j;
          double wy = j == 0 ? 1 - fy : fy;
          if (yy < 0 || yy >= h || wy == 0) {
            continue;
          }
          for (int i = 0; i < 2; i++) {
            int xx = x0 + i;
            double wx = i == 0 ? 1 - fx : fx;
            if (xx < 0 || xx >= w || wx == 0) {
              continue;
            }
            int p = (yy * w + xx) * 3;
            double wt = wx * wy;
            r += wt * (px[p] & 0xff);
            g += wt * (px[p + 1] & 0xff);
            b += wt * (px[p + 2] & 0xff);
          }
        }
        out[o] = Math.round(r);
        out[o + 1] = Math.round(g);
        out[o + 2] = Math.round(b);
      }
    }
    return out;
  }

  /** Converts interleaved RGB to planar NCHW, applying {@code (v - mean) / scale}. */
  public static float[] toChw(float[] rgb, int w, int h, float mean, float scale) {
    int n = w * h;
    float[] out = new float[n * 3];
    for (int i = 0; i < n; i++) {
      out[i] = (rgb[i * 3] - mean) / scale;
      out[n + i] = (rgb[i * 3 + 1] - mean) / scale;
      out[2 * n + i] = (rgb[i * 3 + 2] - mean) / scale;
    }
    return out;
  }

  /** Converts interleaved RGB to one grey plane (ITU-R BT.601 weights), rounded, then / scale. */
  public static float[] toGrey(float[] rgb, int w, int h, float scale) {
    int n = w * h;
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      float g = Math.round(0.299f * rgb[i * 3] + 0.587f * rgb[i * 3 + 1] + 0.114f * rgb[i * 3 + 2]);
      out[i] = g / scale;
    }
    return out;
  }

  /** Mirrors interleaved RGB left-right. */
  public static float[] mirror(float[] rgb, int w, int h) {
    float[] out = new float[rgb.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int s = (y * w + x) * 3;
        int d = (y * w + (w - 1 - x)) * 3;
        out[d] = rgb[s];
        out[d + 1] = rgb[s + 1];
        out[d + 2] = rgb[s + 2];
      }
    }
    return out;
  }

  /**
   * Resizes the box ({@code x0, y0, w, h}) of a source image to {@code outW x outH} with a
   * separable triangle filter whose support widens with the reduction factor (antialiased, as
   * Pillow's bilinear resize). Edge pixels repeat outside the image. Returns interleaved RGB floats
   * rounded to 0..255 integers.
   */
  public static float[] resizeAntialiased(
      RgbImage src, double x0, double y0, double w, double h, int outW, int outH) {
    double[][] wx = new double[outW][];
    int[] fx = new int[outW];
    weights(x0, w, outW, wx, fx);
    double[][] wy = new double[outH][];
    int[] fy = new int[outH];
    weights(y0, h, outH, wy, fy);
    int sw = src.width();
    int sh = src.height();
    byte[] px = src.rgb();
    // horizontal pass over the rows that are needed
    int rowMin = clamp(fy[0], sh);
    int rowMax = clamp(fy[outH - 1] + wy[outH - 1].length - 1, sh);
    int rows = rowMax - rowMin + 1;
    double[] tmp = new double[rows * outW * 3];
    for (int r = 0; r < rows; r++) {
      int base = (rowMin + r) * sw;
      for (int x = 0; x < outW; x++) {
        double cr = 0;
        double cg = 0;
        double cb = 0;
        double[] k = wx[x];
        for (int i = 0; i < k.length; i++) {
          int p = (base + clamp(fx[x] + i, sw)) * 3;
          cr += k[i] * (px[p] & 0xff);
          cg += k[i] * (px[p + 1] & 0xff);
          cb += k[i] * (px[p + 2] & 0xff);
        }
        int t = (r * outW + x) * 3;
        tmp[t] = cr;
        tmp[t + 1] = cg;
        tmp[t + 2] = cb;
      }
    }
    float[] out = new float[outW * outH * 3];
    for (int y = 0; y < outH; y++) {
      double[] k = wy[y];
      for (int x = 0; x < outW; x++) {
        double cr = 0;
        double cg = 0;
        double cb = 0;
        for (int i = 0; i < k.length; i++) {
          int r = clamp(fy[y] + i, sh) - rowMin;
          int t = (r * outW + x) * 3;
          cr += k[i] * tmp[t];
          cg += k[i] * tmp[t + 1];
          cb += k[i] * tmp[t + 2];
        }
        int o = (y * outW + x) * 3;
        out[o] = (float) Math.max(0, Math.min(255, Math.round(cr)));
        out[o + 1] = (float) Math.max(0, Math.min(255, Math.round(cg)));
        out[o + 2] = (float) Math.max(0, Math.min(255, Math.round(cb)));
      }
    }
    return out;
  }

  private static int clamp(int v, int n) {
    return v < 0 ? 0 : v >= n ? n - 1 : v;
  }

  private static void weights(double start, double len, int out, double[][] w, int[] first) {
    double scale = len / out;
    double support = Math.max(1.0, scale);
    for (int o = 0; o < out; o++) {
      double centre = start + (o + 0.5) * scale - 0.5;
      int lo = (int) Math.floor(centre - support) + 1;
      int hi = (int) Math.ceil(centre + support) - 1;
      if (hi < lo) {
        hi = lo;
      }
      double[] k = new double[hi - lo + 1];
      double sum = 0;
      for (int i = lo; i <= hi; i++) {
        double d = Math.abs(i - centre) / support;
        k[i - lo] = Math.max(0, 1 - d);
        sum += k[i - lo];
      }
      for (int i = 0; i < k.length; i++) {
        k[i] = sum > 0 ? k[i] / sum : 1.0 / k.length;
      }
      w[o] = k;
      first[o] = lo;
    }
  }

  /**
   * As {@link #warp} with black borders, but when the map shrinks the source (more than one source
   * pixel per output pixel) the covered region is first reduced with {@link #resizeAntialiased} so
   * the warp does not alias.
   */
  public static float[] warpAntialiased(RgbImage src, Affine map, int outW, int outH) {
    double s = Math.sqrt(map.a() * map.a() + map.d() * map.d());
    if (s <= 1.0) {
      return warp(src, map, outW, outH, false);
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int[] c : new int[][] {{0, 0}, {outW - 1, 0}, {0, outH - 1}, {outW - 1, outH - 1}}) {
      double[] p = map.apply(c[0], c[1]);
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    minX = Math.floor(Math.max(0, minX - 2 * s));
    minY = Math.floor(Math.max(0, minY - 2 * s));
    maxX = Math.ceil(Math.min(src.width(), maxX + 2 * s));
    maxY = Math.ceil(Math.min(src.height(), maxY + 2 * s));
    if (maxX - minX < 2 || maxY - minY < 2) {
      return warp(src, map, outW, outH, false);
    }
    int w = Math.max(2, (int) Math.round((maxX - minX) / s));
    int h = Math.max(2, (int) Math.round((maxY - minY) / s));
    float[] small = resizeAntialiased(src, minX, minY, maxX - minX, maxY - minY, w, h);
    byte[] b = new byte[small.length];
    for (int i = 0; i < small.length; i++) {
      b[i] = (byte) (int) small[i];
    }
    double kx = (maxX - minX) / w;
    double ky = (maxY - minY) / h;
    // small pixel u sits at source x = minX + (u + 0.5) kx - 0.5  =>  u = (x - minX + 0.5) / kx -
    // 0.5
    Affine m =
        new Affine(
            map.a() / kx,
            map.b() / kx,
            (map.c() - minX + 0.5) / kx - 0.5,
            map.d() / ky,
            map.e() / ky,
            (map.f() - minY + 0.5) / ky - 0.5);
    return warp(new RgbImage(w, h, b), m, outW, outH, false);
  }
}
