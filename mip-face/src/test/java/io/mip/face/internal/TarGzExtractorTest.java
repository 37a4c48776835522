package io.mip.face.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzExtractorTest {
  @TempDir Path dir;

  private static void entry(ByteArrayOutputStream tar, String name, byte[] data) {
    byte[] h = new byte[512];
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(n, 0, h, 0, n.length);
    byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(size, 0, h, 124, size.length);
    h[156] = '0';
    byte[] magic = "ustar\u000000".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, h, 257, magic.length);
    tar.writeBytes(h);
    tar.writeBytes(data);
    tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void extract_allowListedEntries_writtenWithHashes() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    byte[] model = new byte[1300];
    Arrays.fill(model, (byte) 7);
    entry(tar, "package/README.md", "hi".getBytes(StandardCharsets.UTF_8));
    entry(tar, "package/model/a.onnx", model);
    entry(tar, "../evil.onnx", model);
    tar.writeBytes(new byte[1024]);

    Map<String, String> got =
        TarGzExtractor.extract(
            new ByteArrayInputStream(gzip(tar.toByteArray())),
            Set.of("package/model/a.onnx", "../evil.onnx"),
            dir);

    assertThat(Files.readAllBytes(dir.resolve("a.onnx"))).isEqualTo(model);
    assertThat(got.get("a.onnx"))
        .isEqualTo(HexFormat.of().formatHex(Sha256Files.digest().digest(model)));
    assertThat(dir.getParent().resolve("evil.onnx")).doesNotExist();
  }

  @Test
  void extract_truncatedArchive_throws() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    entry(tar, "package/model/a.onnx", new byte[5000]);
    byte[] cut = Arrays.copyOf(tar.toByteArray(), 2048);

    assertThatThrownBy(
            () ->
                TarGzExtractor.extract(
                    new ByteArrayInputStream(gzip(cut)), Set.of("package/model/a.onnx"), dir))
        .isInstanceOf(IOException.class);
  }
}
