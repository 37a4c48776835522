package io.mip.wallet.passport;

import static io.mip.face.TestModels.photos;
import static org.assertj.core.api.Assertions.assertThat;

import io.mip.crypto.Argon2idParameters;
import io.mip.face.Face;
import io.mip.face.FaceTemplate;
import io.mip.face.LeakScan;
import io.mip.face.TestModels;
import io.mip.ledger.embedded.EmbeddedLedger;
import io.mip.wallet.TestLedgers;
import io.mip.wallet.internal.JsonFields;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    assertThat(LeakScan.indexOf(file, seed)).isEqualTo(-1);
    assertThat(LeakScan.indexOf(decoded, seed)).isEqualTo(-1);
    List<FaceTemplate> templates = new ArrayList<>();
    for (byte[] img : images) {
      templates.add(((Face) TestModels.engine().analyse(img)).template());
    }
    templates.add(FaceTemplate.mean(templates));
    Set<Long> pairs = LeakScan.templatePairs(templates);
    for (FaceTemplate t : templates) {
      float[] v = t.toArray();
      assertThat(text).doesNotContain(Float.toString(v[0])).doesNotContain(Float.toString(v[1]));
    }
    for (byte[] blob : List.of(file, decoded)) {
      for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        assertThat(LeakScan.templateHits(blob, order, pairs)).isZero();
      }
    }
  }

  private static byte[] decodedBlobs(byte[] file) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LeakScan.decodeBase64Fields(JsonFields.parseObject(file, "passport"), out);
    return out.toByteArray();
  }
}
