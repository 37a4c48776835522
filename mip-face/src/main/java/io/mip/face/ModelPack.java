package io.mip.face;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mip.face.internal.ModelCache;
import io.mip.face.internal.Sha256Files;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A verified set of ONNX models for the face pipeline: a detector, a 68-point landmark model, an
 * embedder and a liveness model, with their input geometry.
 *
 * <p>Guarantees: every model file of a pack was hashed when the pack was built and matched its
 * pinned SHA-256; a mismatch, a missing file or a malformed manifest is refused with {@link
 * ModelPackException}. The default pack holds the models of npm {@code
 * faceplugin-face-recognition-js@0.0.1} ({@code package/model/}); the package says MIT but does not
 * say where the weights come from (see docs/face.md).
 *
 * <p>A deployment swaps models with {@link #fromManifest(Path)} ({@code model-pack.json}: {@code
 * name}, {@code models.{detect,landmark,feature,liveness}.{file,sha256}}, optional {@code
 * geometry}). Files in the cache are re-hashed every time a pack is built, so a tampered cache is
 * refused, not used.
 */
public final class ModelPack {
  /** The four models of a pack, with the file names of the default pack. */
  public enum Model {
    /** Face detector: whole image in, scores and boxes out. */
    DETECT("detect", "fr_detect.onnx"),
    /** 68-point landmarks on a grey square crop. */
    LANDMARK("landmark", "fr_landmark.onnx"),
    /** Embedder: aligned face in, embedding out. */
    FEATURE("feature", "fr_feature.onnx"),
    /** Liveness classifier with three logits. */
    LIVENESS("liveness", "fr_liveness.onnx");

    private final String key;
    private final String defaultFile;

    Model(String key, String defaultFile) {
      this.key = key;
      this.defaultFile = defaultFile;
    }

    /** Returns the manifest key ({@code detect}, {@code landmark}, ...). */
    public String key() {
      return key;
    }

    /** Returns the file name used by the default pack. */
    public String defaultFile() {
      return defaultFile;
    }
  }

  /** Name (and cache folder) of the default pack. */
  public static final String DEFAULT_NAME = "faceplugin-face-recognition-js-0.0.1";

  /** The npm package spec the default pack is fetched from. */
  public static final String DEFAULT_NPM_SPEC = "faceplugin-face-recognition-js@0.0.1";

  /** Pinned SHA-256 of the default pack's files (computed once from the npm tarball). */
  public static final Map<String, String> DEFAULT_SHA256 =
      Map.of(
          "fr_detect.onnx", "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854",
          "fr_landmark.onnx", "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258",
          "fr_feature.onnx", "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581",
          "fr_liveness.onnx", "afa783b7e902fdfcf323a7240cac2a1c580c25314ea4161129dc1b0d100dc32d");

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");
  private static final long MAX_MANIFEST_BYTES = 64 * 1024;

  private final String name;
  private final Map<Model, Path> files;
  private final ModelGeometry geometry;

  private ModelPack(String name, Map<Model, Path> files, ModelGeometry geometry) {
    this.name = name;
    this.files = Map.copyOf(files);
    this.geometry = geometry;
  }

  /**
   * Returns the default pack, fetching it on first use: {@code npm pack} of {@link
   * #DEFAULT_NPM_SPEC} into a temporary folder, extraction of the four models, hash check, and an
   * atomic move into the cache. The cache root is the system property {@code mip.model.cache}, else
   * {@code $MIP_MODEL_CACHE}, else {@code ~/.cache/mip/models}; the pack lives in {@code
   * <root>/faceplugin-face-recognition-js-0.0.1/}. Two JVMs fetching at once are safe: the loser
   * discards its copy.
   *
   * @throws ModelPackException if npm fails or any file's hash differs from the pinned value
   */
  public static ModelPack defaultPack() {
    return defaultPack(ModelCache.defaultRoot());
  }

  /** As {@link #defaultPack()} with an explicit cache root. */
  public static ModelPack defaultPack(Path cacheRoot) {
    Path dir =
        ModelCache.ensure(
            cacheRoot.resolve(DEFAULT_NAME), DEFAULT_NPM_SPEC, "package/model/", DEFAULT_SHA256);
    return fromDirectory(dir, DEFAULT_SHA256);
  }

  /**
   * Builds a pack from a folder holding the default file names ({@code fr_detect.onnx}, ...) with
   * the given pinned hashes (file name to lowercase hex SHA-256), and the default geometry.
   *
   * @throws ModelPackException if a hash is missing or malformed, a file is absent, or a hash
   *     differs
   */
  public static ModelPack fromDirectory(Path dir, Map<String, String> sha256) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(sha256, "sha256");
    Map<Model, Path> files = new EnumMap<>(Model.class);
    for (Model m : Model.values()) {
      String hash = sha256.get(m.defaultFile());
      if (hash == null) {
        throw new ModelPackException(
            ModelPackException.Reason.BAD_MANIFEST, "no pinned SHA-256 for " + m.defaultFile());
      }
      files.put(m, verified(dir, m.defaultFile(), hash));
    }
    return new ModelPack(dir.getFileName().toString(), files, ModelGeometry.FACEPLUGIN);
  }

  /**
   * Builds a pack from a {@code model-pack.json} manifest; model files are resolved next to it.
   *
   * @throws ModelPackException if the manifest is malformed or a file is absent or its hash differs
   */
  public static ModelPack fromManifest(Path manifest) {
    JsonNode root = readManifest(manifest);
    Path dir = manifest.toAbsolutePath().getParent();
    String name = text(root, "name");
    JsonNode models = root.path("models");
    Map<Model, Path> files = new EnumMap<>(Model.class);
    for (Model m : Model.values()) {
      JsonNode entry = models.path(m.key());
      files.put(m, verified(dir, text(entry, "file"), text(entry, "sha256")));
    }
    ModelGeometry geometry = ModelGeometry.FACEPLUGIN;
    JsonNode g = root.path("geometry");
    if (!g.isMissingNode()) {
      try {
        geometry =
            new ModelGeometry(
                g.path("detect_width").asInt(320),
                g.path("detect_height").asInt(240),
                g.path("landmark_size").asInt(64),
                g.path("align_size").asInt(112),
                g.path("embedding_dim").asInt(512),
                g.path("liveness_size").asInt(128));
      } catch (IllegalArgumentException e) {
        throw new ModelPackException(ModelPackException.Reason.BAD_MANIFEST, e.getMessage(), e);
      }
    }
    return new ModelPack(name, files, geometry);
  }

  /** Returns the pack's name. */
  public String name() {
    return name;
  }

  /** Returns the verified path of one model. */
  public Path file(Model model) {
    return files.get(model);
  }

  /** Returns the input geometry. */
  public ModelGeometry geometry() {
    return geometry;
  }

  @Override
  public String toString() {
    return "ModelPack[" + name + "]";
  }

  private static Path verified(Path dir, String file, String expected) {
    if (!PLAIN_NAME.matcher(file).matches() || file.startsWith(".")) {
      throw new ModelPackException(
          ModelPackException.Reason.BAD_MANIFEST, "model file must be a plain file name: " + file);
    }
    String want = expected.toLowerCase(Locale.ROOT);
    if (!HEX64.matcher(want).matches()) {
      throw new ModelPackException(
          ModelPackException.Reason.BAD_MANIFEST, "SHA-256 of " + file + " is not 64 hex digits");
    }
    Path path = dir.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new ModelPackException(
          ModelPackException.Reason.MISSING_FILE, "model file missing: " + path);
    }
    String actual = Sha256Files.hex(path);
    if (!actual.equals(want)) {
      throw new ModelPackException(
          ModelPackException.Reason.HASH_MISMATCH,
          "refusing model "
              + path
              + ": SHA-256 "
              + actual
              + " differs from the pinned "
              + want
              + " (delete the file or fix the pinned hash)");
    }
    return path;
  }

  private static JsonNode readManifest(Path manifest) {
    try {
      if (Files.size(manifest) > MAX_MANIFEST_BYTES) {
        throw new ModelPackException(
            ModelPackException.Reason.BAD_MANIFEST, "manifest larger than 64 KiB: " + manifest);
      }
      JsonNode root = new ObjectMapper().readTree(Files.readAllBytes(manifest));
      if (root == null || !root.isObject()) {
        throw new ModelPackException(
            ModelPackException.Reason.BAD_MANIFEST, "manifest is not a JSON object: " + manifest);
      }
      return root;
    } catch (IOException e) {
      throw new ModelPackException(
          ModelPackException.Reason.BAD_MANIFEST, "cannot read manifest " + manifest, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isEmpty()) {
      throw new ModelPackException(
          ModelPackException.Reason.BAD_MANIFEST, "manifest field missing: " + field);
    }
    return v.asText();
  }
}
