package io.mip.face.eval.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
  @TempDir Path dir;

  @Test
  void read_limit_keepsTheFirstRows() throws IOException {
    Files.writeString(
        dir.resolve("identities.csv"),
        "dataset,identity,path\nd,a,x/1.jpg\nd,a,x/2.jpg\nd,b,y.png\n");

    List<Dataset.Row> rows = Dataset.read(dir, 2);

    assertThat(rows).extracting(Dataset.Row::identity).containsExactly("a", "a");
    assertThat(rows.get(1).path()).isEqualTo(dir.toAbsolutePath().resolve("x/2.jpg"));
  }

  @Test
  void read_pathLeavingTheFolder_refused() throws IOException {
    Files.writeString(
        dir.resolve("identities.csv"), "dataset,identity,path\nd,a,../../etc/passwd\n");

    assertThatThrownBy(() -> Dataset.read(dir, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaves the folder");
  }

  @Test
  void read_rowWithTwoColumns_refused() throws IOException {
    Files.writeString(dir.resolve("identities.csv"), "dataset,identity,path\nd,a\n");

    assertThatThrownBy(() -> Dataset.read(dir, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
