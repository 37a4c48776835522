package io.mip.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mip.face.ModelPack.Model;
import io.mip.face.internal.Sha256Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPackTest {
  @TempDir Path dir;

  private Map<String, String> fakeModels() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    for (Model m : Model.values()) {
      Path f = dir.resolve(m.defaultFile());
      Files.writeString(f, "not really " + m.key(), StandardCharsets.UTF_8);
      hashes.put(m.defaultFile(), Sha256Files.hex(f));
    }
    return hashes;
  }

  @Test
  void defaultPack_cachedOrFetched_pinnedHashesMatch() {
    ModelPack pack = TestModels.pack();

    assertThat(pack.name()).isEqualTo(ModelPack.DEFAULT_NAME);
    for (Model m : Model.values()) {
      assertThat(Sha256Files.hex(pack.file(m)))
          .isEqualTo(ModelPack.DEFAULT_SHA256.get(m.defaultFile()));
    }
    assertThat(pack.geometry()).isEqualTo(ModelGeometry.FACEPLUGIN);
  }

  @Test
  void fromDirectory_matchingHashes_resolvesEveryModel() throws IOException {
    ModelPack pack = ModelPack.fromDirectory(dir, fakeModels());

    assertThat(pack.file(Model.FEATURE)).isEqualTo(dir.resolve("fr_feature.onnx"));
  }

  @Test
  void fromDirectory_tamperedFile_refusedWithHashMismatch() throws IOException {
    Map<String, String> hashes = fakeModels();
    Files.writeString(dir.resolve("fr_feature.onnx"), "swapped weights");

    assertThatThrownBy(() -> ModelPack.fromDirectory(dir, hashes))
        .isInstanceOf(ModelPackException.class)
        .hasMessageContaining("fr_feature.onnx")
        .hasMessageContaining("differs from the pinned")
        .extracting(e -> ((ModelPackException) e).reason())
        .isEqualTo(ModelPackException.Reason.HASH_MISMATCH);
  }

  @Test
  void fromDirectory_missingFile_refused() throws IOException {
    Map<String, String> hashes = fakeModels();
    Files.delete(dir.resolve("fr_detect.onnx"));

    assertThatThrownBy(() -> ModelPack.fromDirectory(dir, hashes))
        .extracting(e -> ((ModelPackException) e).reason())
        .isEqualTo(ModelPackException.Reason.MISSING_FILE);
  }

  @Test
  void fromDirectory_hashNotHex_refusedAsBadManifest() throws IOException {
    Map<String, String> hashes = fakeModels();
    hashes.put("fr_landmark.onnx", "abc");

    assertThatThrownBy(() -> ModelPack.fromDirectory(dir, hashes))
        .extracting(e -> ((ModelPackException) e).reason())
        .isEqualTo(ModelPackException.Reason.BAD_MANIFEST);
  }

  @Test
  void fromManifest_customNamesAndGeometry_loaded() throws IOException {
    Map<String, String> hashes = fakeModels();
    String json =
        """
        {"name": "site-pack",
         "models": {
           "detect": {"file": "fr_detect.onnx", "sha256": "%s"},
           "landmark": {"file": "fr_landmark.onnx", "sha256": "%s"},
           "feature": {"file": "fr_feature.onnx", "sha256": "%s"},
           "liveness": {"file": "fr_liveness.onnx", "sha256": "%s"}},
         "geometry": {"detect_width": 640, "detect_height": 480, "embedding_dim": 256}}
        """
            .formatted(
                hashes.get("fr_detect.onnx"),
                hashes.get("fr_landmark.onnx"),
                hashes.get("fr_feature.onnx"),
                hashes.get("fr_liveness.onnx"));
    Path manifest = dir.resolve("model-pack.json");
    Files.writeString(manifest, json);

    ModelPack pack = ModelPack.fromManifest(manifest);

    assertThat(pack.name()).isEqualTo("site-pack");
    assertThat(pack.geometry()).isEqualTo(new ModelGeometry(640, 480, 64, 112, 256, 128));
  }

  @Test
  void fromManifest_fileOutsideFolder_refused() throws IOException {
    Path manifest = dir.resolve("model-pack.json");
    Files.writeString(
        manifest,
        """
        {"name": "x", "models": {"detect": {"file": "../etc/passwd", "sha256": "%s"}}}
        """
            .formatted("0".repeat(64)));

    assertThatThrownBy(() -> ModelPack.fromManifest(manifest))
        .isInstanceOf(ModelPackException.class)
        .hasMessageContaining("plain file name");
  }

  @Test
  void fromManifest_notJson_refused() throws IOException {
    Path manifest = dir.resolve("model-pack.json");
    Files.writeString(manifest, "[1, 2");

    assertThatThrownBy(() -> ModelPack.fromManifest(manifest))
        .extracting(e -> ((ModelPackException) e).reason())
        .isEqualTo(ModelPackException.Reason.BAD_MANIFEST);
  }
}
