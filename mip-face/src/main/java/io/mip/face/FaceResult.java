package io.mip.face;

/**
 * The outcome of {@link FaceEngine#analyse(byte[])}: exactly one usable {@link Face}, or a {@link
 * FaceError} saying why not.
 */
public sealed interface FaceResult permits Face, FaceError {}
