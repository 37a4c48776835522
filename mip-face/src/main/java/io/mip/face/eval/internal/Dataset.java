package io.mip.face.eval.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code identities.csv} ({@code dataset,identity,path}, paths relative to the folder).
 * Refuses paths that leave the folder, and files over 4 MiB of CSV.
 */
public final class Dataset {
  /**
   * One image.
   *
   * @param dataset source collection
   * @param identity person label
   * @param path absolute path inside the folder
   */
  public record Row(String dataset, String identity, Path path) {}

  private Dataset() {}

  /**
   * Reads the CSV (first line is a header), keeping at most {@code limit} rows (0 = all).
   *
   * @throws IllegalArgumentException if the file is missing, too large, or a row is malformed
   */
  public static List<Row> read(Path dir, int limit) {
    Path csv = dir.resolve("identities.csv");
    List<String> lines;
    try {
      if (Files.size(csv) > 4L * 1024 * 1024) {
        throw new IllegalArgumentException("identities.csv is over 4 MiB");
      }
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv, e);
    }
    Path base = dir.toAbsolutePath().normalize();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != 3 || f[1].isBlank() || f[2].isBlank()) {
        throw new IllegalArgumentException("identities.csv line " + (i + 1) + " is malformed");
      }
      Path p = base.resolve(f[2]).normalize();
      if (!p.startsWith(base)) {
        throw new IllegalArgumentException("identities.csv line " + (i + 1) + " leaves the folder");
      }
      rows.add(new Row(f[0], f[1], p));
      if (limit > 0 && rows.size() >= limit) {
        break;
      }
    }
    return rows;
  }
}
