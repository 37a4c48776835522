package io.mip.face;

/**
 * The outcome of {@link FaceEngine#liveness(byte[])}: a {@link Liveness} decision for the one face
 * in the image, or a {@link FaceError} when the image has no single usable face.
 */
public sealed interface LivenessResult permits Liveness, FaceError {}
