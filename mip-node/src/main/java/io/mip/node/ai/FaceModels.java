package io.mip.node.ai;

import io.mip.face.FaceEngine;
import io.mip.face.ModelPack;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The face engine behind the AI routes, opened on first use (loading the models can take seconds,
 * and the default pack is fetched with npm the first time on a machine). If opening fails, the
 * failure is remembered and every call answers {@code face-models-unavailable} until restart.
 */
public final class FaceModels implements AutoCloseable {
  private final Supplier<FaceEngine> opener;
  private FaceEngine engine;
  private String failure;

  /** Opens the default model pack on first use. */
  public static FaceModels defaultPack() {
    return new FaceModels(() -> FaceEngine.open(ModelPack.defaultPack()));
  }

  /** Uses {@code opener} on first use. */
  public FaceModels(Supplier<FaceEngine> opener) {
    this.opener = opener;
  }

  /** Returns the engine, or empty (with {@link #failure()} set) if it could not be opened. */
  public synchronized Optional<FaceEngine> engine() {
    if (engine == null && failure == null) {
      try {
        engine = opener.get();
      } catch (RuntimeException e) {
        failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    return Optional.ofNullable(engine);
  }

  /** Returns why the engine could not be opened, if it could not. */
  public synchronized String failure() {
    return failure == null ? "" : failure;
  }

  @Override
  public synchronized void close() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
