package io.mip.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.mip.face.Point;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AffineTest {
  @Test
  void similarityInverse_exactSimilarity_mapsTemplateBackOntoTheSourcePoints() {
    double[][] dst = FacePipeline.ARCFACE_112;
    // source = rotate 20 degrees, scale 3.5, shift (400, 250) of the template
    double a = Math.toRadians(20);
    List<Point> src = new ArrayList<>();
    for (double[] d : dst) {
      double x = 3.5 * (Math.cos(a) * d[0] - Math.sin(a) * d[1]) + 400;
      double y = 3.5 * (Math.sin(a) * d[0] + Math.cos(a) * d[1]) + 250;
      src.add(new Point(x, y));
    }

    Affine inv = Affine.similarityInverse(src, dst);

    for (int i = 0; i < dst.length; i++) {
      double[] p = inv.apply(dst[i][0], dst[i][1]);
      assertThat(p[0]).isCloseTo(src.get(i).x(), offset(1e-9));
      assertThat(p[1]).isCloseTo(src.get(i).y(), offset(1e-9));
    }
  }

  @Test
  void cropResize_halving_mapsPixelCentresLikeOpenCv() {
    Affine m = Affine.cropResize(0, 0, 200, 100, 100, 50);

    // output pixel 0 covers source pixels 0 and 1: its centre is at 0.5
    assertThat(m.apply(0, 0)[0]).isCloseTo(0.5, offset(1e-12));
    assertThat(m.apply(99, 49)[1]).isCloseTo(98.5, offset(1e-12));
  }
}
