package io.mip.face;

/**
 * Input geometry of a model pack: the tensor sizes the pipeline feeds each model. The face engine
 * checks them against the models' declared input shapes when it opens a pack.
 *
 * @param detectWidth detector input width (the whole image is resized to it)
 * @param detectHeight detector input height
 * @param landmarkSize side of the square grey crop fed to the 68-point landmark model
 * @param alignSize side of the aligned face fed to the embedder (the ArcFace template is scaled
 *     from 112)
 * @param embeddingDim length of the embedding vector
 * @param livenessSize side of the square colour crop fed to the liveness model
 */
public record ModelGeometry(
    int detectWidth,
    int detectHeight,
    int landmarkSize,
    int alignSize,
    int embeddingDim,
    int livenessSize) {

  /** Geometry of the faceplugin models (320x240 detector, 64 landmarks, 112 faces, 512-d). */
  public static final ModelGeometry FACEPLUGIN = new ModelGeometry(320, 240, 64, 112, 512, 128);

  /** Validates every size is within 16..1024 (embedding 64..4096). */
  public ModelGeometry {
    check("detectWidth", detectWidth, 16, 1024);
    check("detectHeight", detectHeight, 16, 1024);
    check("landmarkSize", landmarkSize, 16, 1024);
    check("alignSize", alignSize, 16, 1024);
    check("embeddingDim", embeddingDim, 64, 4096);
    check("livenessSize", livenessSize, 16, 1024);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ": " + value);
    }
  }
}
