package io.mip.face.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mip.face.ModelPack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCacheTest {
  @TempDir Path root;

  @Test
  void ensure_folderPresent_returnedWithoutFetching() throws IOException {
    Path pack = Files.createDirectory(root.resolve("pack"));

    Path got = ModelCache.ensure(pack, "no-such-package-mip@0.0.0", "package/", Map.of());

    assertThat(got).isEqualTo(pack);
  }

  @Test
  @Tag("slow")
  void defaultPack_twoFetchesRace_bothGetTheVerifiedPackAndNoStagingIsLeft() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<ModelPack> fetch = () -> ModelPack.defaultPack(root);
      List<Future<ModelPack>> results = pool.invokeAll(List.of(fetch, fetch));

      for (Future<ModelPack> f : results) {
        assertThat(f.get().file(ModelPack.Model.FEATURE))
            .isEqualTo(root.resolve(ModelPack.DEFAULT_NAME).resolve("fr_feature.onnx"));
      }
      try (Stream<Path> left = Files.list(root)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactly(ModelPack.DEFAULT_NAME);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
