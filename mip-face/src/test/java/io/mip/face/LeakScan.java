package io.mip.face;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Base64Url;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Looks for secrets a test knows in bytes something stored (a wallet file, a node's data folder):
 * exact byte strings such as keys and seeds, and face templates, found by any two consecutive
 * float32 values in either byte order. Shared through this module's test jar by the wallet's and
 * the node's "holds no secrets" tests.
 */
public final class LeakScan {
  private LeakScan() {}

  /** The first index of {@code needle} in {@code hay}, or -1. */
  public static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Every pair of consecutive values of {@code templates}, as raw float32 bits. */
  public static Set<Long> templatePairs(Collection<FaceTemplate> templates) {
    Set<Long> pairs = new HashSet<>();
    for (FaceTemplate t : templates) {
      float[] v = t.toArray();
      for (int i = 0; i + 1 < v.length; i++) {
        pairs.add(pair(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(v[i + 1])));
      }
    }
    return pairs;
  }

  /** Counts offsets where two consecutive float32 values equal two consecutive template values. */
  public static int templateHits(byte[] blob, ByteOrder order, Set<Long> pairs) {
    ByteBuffer b = ByteBuffer.wrap(blob).order(order);
    int hits = 0;
    for (int i = 0; i + 8 <= blob.length; i++) {
      if (pairs.contains(pair(b.getInt(i), b.getInt(i + 4)))) {
        hits++;
      }
    }
    return hits;
  }

  /** Decodes every base64url text value of {@code json} (others skipped) into {@code out}. */
  public static void decodeBase64Fields(JsonNode json, ByteArrayOutputStream out) {
    if (json.isTextual()) {
      try {
        out.writeBytes(Base64Url.decode(json.asText()));
      } catch (IllegalArgumentException notBase64) {
        // plain text fields
      }
    }
    for (JsonNode child : json) {
      decodeBase64Fields(child, out);
    }
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }
}
