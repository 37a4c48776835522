package io.mip.face.internal;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.mip.face.ModelPackException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * One ONNX Runtime session with a single float input. Sessions use 2 intra-op threads, 1 inter-op
 * thread, sequential execution and no thread spinning (spinning made the pipeline about 5x slower
 * on a 2-core machine). {@link OrtSession#run} is thread-safe, so one instance serves all threads.
 */
public final class OnnxModel implements AutoCloseable {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final String inputName;
  private final long[] inputShape;

  private OnnxModel(OrtEnvironment env, OrtSession session, String inputName, long[] inputShape) {
    this.env = env;
    this.session = session;
    this.inputName = inputName;
    this.inputShape = inputShape;
  }

  /**
   * Opens a model and checks its only input has the expected shape.
   *
   * @throws ModelPackException if the model cannot be loaded or its input differs
   */
  public static OnnxModel open(Path file, long[] expectedShape, int intraOpThreads) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
      opts.setIntraOpNumThreads(intraOpThreads);
      opts.setInterOpNumThreads(1);
      opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      opts.addConfigEntry("session.intra_op.allow_spinning", "0");
      opts.addConfigEntry("session.inter_op.allow_spinning", "0");
      OrtSession session = env.createSession(file.toString(), opts);
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1) {
        session.close();
        throw new ModelPackException(
            ModelPackException.Reason.BAD_MANIFEST, file + " must have exactly one input");
      }
      Map.Entry<String, NodeInfo> in = inputs.entrySet().iterator().next();
      long[] shape = in.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
      if (!Arrays.equals(shape, expectedShape)) {
        session.close();
        throw new ModelPackException(
            ModelPackException.Reason.BAD_MANIFEST,
            file
                + " input shape "
                + Arrays.toString(shape)
                + " differs from the pack geometry "
                + Arrays.toString(expectedShape));
      }
      return new OnnxModel(env, session, in.getKey(), shape);
    } catch (OrtException e) {
      throw new ModelPackException(ModelPackException.Reason.IO, "cannot load " + file, e);
    }
  }

  /**
   * Runs the model on one input and returns the named outputs, flattened.
   *
   * @throws IllegalStateException if ONNX Runtime fails (a bug or a broken model)
   */
  public float[][] run(float[] input, String... outputs) {
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), inputShape);
        OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
      float[][] out = new float[outputs.length][];
      for (int i = 0; i < outputs.length; i++) {
        OnnxTensor t =
            (OnnxTensor)
                result
                    .get(outputs[i])
                    .orElseThrow(() -> new IllegalStateException("model output missing"));
        FloatBuffer fb = t.getFloatBuffer();
        out[i] = new float[fb.remaining()];
        fb.get(out[i]);
      }
      return out;
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed", e);
    }
  }

  /** Returns the first output's name. */
  public String firstOutput() {
    return session.getOutputNames().iterator().next();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close ONNX session", e);
    }
  }
}
