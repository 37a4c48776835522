package io.mip.face.binding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.crypto.Base64Url;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * IronMask helper data: the public orthogonal matrix {@code P = R Q} (Kim et al., CVPR 2021,
 * section 4.2), stored as float32.
 *
 * <p>JSON form: {@code {"v":1,"type":"mip-face-helper","dim":512,"alpha":10,"p":"<base64url of
 * dim*dim little-endian float32, row-major>"}}. Parsing refuses other versions, dimensions outside
 * 64..1024, alpha outside 1..dim, a matrix of the wrong length, non-finite values, and rows that
 * are not unit length (within 1e-3), so a damaged file is caught before it is used.
 */
public final class HelperData {
  /** Format version. */
  public static final int VERSION = 1;

  private static final String TYPE = "mip-face-helper";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JSON = 6 * 1024 * 1024;

  private final int dim;
  private final int alpha;
  private final float[] p;

  HelperData(int dim, int alpha, float[] p) {
    if (dim < 64 || dim > 1024 || alpha < 1 || alpha > dim || p.length != dim * dim) {
      throw new IllegalArgumentException("helper data dimensions are invalid");
    }
    for (int i = 0; i < dim; i++) {
      double norm = 0;
      for (int j = 0; j < dim; j++) {
        float v = p[i * dim + j];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("helper data holds a non-finite value");
        }
        norm += (double) v * v;
      }
      if (Math.abs(norm - 1) > 1e-3) {
        throw new IllegalArgumentException("helper data is not an orthogonal matrix");
      }
    }
    this.dim = dim;
    this.alpha = alpha;
    this.p = p;
  }

  /** Returns the template dimension. */
  public int dimension() {
    return dim;
  }

  /** Returns the number of non-zero codeword entries. */
  public int alpha() {
    return alpha;
  }

  /** Returns {@code P x}. */
  double[] project(double[] x) {
    if (x.length != dim) {
      throw new IllegalArgumentException("template dimension differs from the helper data");
    }
    double[] y = new double[dim];
    for (int i = 0; i < dim; i++) {
      int row = i * dim;
      double s = 0;
      for (int j = 0; j < dim; j++) {
        s += p[row + j] * x[j];
      }
      y[i] = s;
    }
    return y;
  }

  /** Serialises to the JSON form. */
  public String toJson() {
    ByteBuffer buf = ByteBuffer.allocate(p.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    buf.asFloatBuffer().put(p);
    ObjectNode o = JSON.createObjectNode();
    o.put("v", VERSION);
    o.put("type", TYPE);
    o.put("dim", dim);
    o.put("alpha", alpha);
    o.put("p", Base64Url.encode(buf.array()));
    return o.toString();
  }

  /**
   * Parses the JSON form.
   *
   * @throws IllegalArgumentException if the text is not valid helper data (see class doc)
   */
  public static HelperData fromJson(String json) {
    Objects.requireNonNull(json, "json");
    if (json.length() > MAX_JSON) {
      throw new IllegalArgumentException("helper data JSON is too large");
    }
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("helper data is not JSON", e);
    }
    if (o == null
        || !o.isObject()
        || o.path("v").asInt(-1) != VERSION
        || !TYPE.equals(o.path("type").asText())
        || !o.path("dim").isInt()
        || !o.path("alpha").isInt()
        || !o.path("p").isTextual()) {
      throw new IllegalArgumentException("not mip-face-helper v1 JSON");
    }
    int dim = o.path("dim").asInt();
    if (dim < 64 || dim > 1024) {
      throw new IllegalArgumentException("helper data dimension must be 64..1024");
    }
    byte[] raw = Base64Url.decode(o.path("p").asText());
    if (raw.length != dim * dim * 4) {
      throw new IllegalArgumentException("helper data matrix has the wrong length");
    }
    float[] p = new float[dim * dim];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(p);
    return new HelperData(dim, o.path("alpha").asInt(), p);
  }

  @Override
  public String toString() {
    return "HelperData[dim=" + dim + ", alpha=" + alpha + "]";
  }
}
