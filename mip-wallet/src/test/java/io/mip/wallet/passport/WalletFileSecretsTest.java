package io.mip.wallet.passport;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.crypto.Argon2idParameters;
import io.mip.crypto.Base64Url;
import io.mip.face.Face;
import io.mip.face.FaceTemplate;
import io.mip.face.TestModels;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.wallet.TestLedgers;
import io.mip.wallet.internal.JsonFields;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans the bytes of a real passport file for the secrets it must never hold. */
class WalletFileSecretsTest {
  @TempDir Path dir;

  @Test
  void create_walletFile_holdsNoPinSeedOrEmbedding() throws Exception {
    List<byte[]> images = photos("deepface/img1.jpg", "deepface/img2.jpg", "deepface/img4.jpg");
    Path wallet = dir.resolve("w.passport");
    byte[] seed;
    try (EmbeddedLedger ledger = TestLedgers.open(dir.resolve("ledger"))) {
      var service =
          new PassportService(
              TestModels.engine(), PassportSettings.DEFAULT.withKdf(Argon2idParameters.MINIMUM));
      var created = service.create(images, "739104".toCharArray(), DidRegistry.of(ledger), wallet);
      seed = created.value().session().seed();
    }
    byte[] file = Files.readAllBytes(wallet);
    byte[] decoded = decodedBlobs(file);
    String text = new String(file, StandardCharsets.UTF_8);

    assertThat(text).doesNotContain("739104");
    assertThat(indexOf(file, seed)).isEqualTo(-1);
    assertThat(indexOf(decoded, seed)).isEqualTo(-1);
    List<FaceTemplate> templates = new ArrayList<>();
    for (byte[] img : images) {
      templates.add(((Face) TestModels.engine().analyse(img)).template());
    }
    templates.add(FaceTemplate.mean(templates));
    Set<Long> pairs = new HashSet<>();
    for (FaceTemplate t : templates) {
      float[] v = t.toArray();
      for (int i = 0; i + 1 < v.length; i++) {
        pairs.add(pair(Float.floatToRawIntBits(v[i]), Float.floatToRawIntBits(v[i + 1])));
      }
      assertThat(text).doesNotContain(Float.toString(v[0])).doesNotContain(Float.toString(v[1]));
    }
    for (byte[] blob : List.of(file, decoded)) {
      for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        assertThat(consecutiveFloatHits(blob, order, pairs)).isZero();
      }
    }
  }

  /** Counts offsets where two consecutive float32 values equal two consecutive template values. */
  private static int consecutiveFloatHits(byte[] blob, ByteOrder order, Set<Long> pairs) {
    ByteBuffer b = ByteBuffer.wrap(blob).order(order);
    int hits = 0;
    for (int i = 0; i + 8 <= blob.length; i++) {
      if (pairs.contains(pair(b.getInt(i), b.getInt(i + 4)))) {
        hits++;
      }
    }
    return hits;
  }

  private static byte[] decodedBlobs(byte[] file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    collect(JsonFields.parseObject(file, "passport"), out);
    return out.toByteArray();
  }

  private static void collect(JsonNode node, ByteArrayOutputStream out) throws Exception {
    if (node.isTextual()) {
      try {
        out.write(Base64Url.decode(node.asText()));
      } catch (IllegalArgumentException notBase64) {
        // plain text fields
      }
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }

  private static long pair(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private static int indexOf(byte[] hay, byte[] needle) {
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
}
