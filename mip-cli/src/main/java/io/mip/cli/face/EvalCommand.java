package io.mip.cli.face;

import io.mip.cli.CliFailure;
import io.mip.cli.ExitCodes;
import io.mip.face.ModelPack;
import io.mip.face.ModelPackException;
import io.mip.face.eval.EvalOptions;
import io.mip.face.eval.EvalReport;
import io.mip.face.eval.FaceEval;
import io.mip.face.eval.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mip face eval}: runs {@link FaceEval} on a labelled photo folder ({@code
 * DIR/identities.csv}: {@code dataset,identity,path}) and prints the report, as text or one JSON
 * object. A progress bar goes to stderr when the process runs in a terminal.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluate detection, verification, face-key recovery and liveness on photos.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--faces",
      paramLabel = "DIR",
      required = true,
      description = "Folder with identities.csv (dataset,identity,path; paths relative to DIR).")
  Path faces;

  @Option(names = "--limit", paramLabel = "N", description = "Use at most N images (0 = all).")
  int limit;

  @Option(names = "--alpha", paramLabel = "A", description = "Codeword non-zero entries (10).")
  Integer alpha;

  @Option(names = "--mirror", description = "Average each face with its mirror image.")
  boolean mirror;

  @Option(names = "--no-liveness", description = "Skip the liveness measurements.")
  boolean noLiveness;

  @Option(names = "--json", description = "Print one JSON object instead of the summary.")
  boolean json;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(faces.resolve("identities.csv"))) {
      throw CliFailure.usage("no identities.csv in " + faces);
    }
    if (limit < 0) {
      throw CliFailure.usage("--limit must not be negative");
    }
    EvalOptions opts =
        EvalOptions.defaults()
            .withLimit(limit)
            .withMirrorAveraging(mirror)
            .withLiveness(!noLiveness);
    if (alpha != null) {
      if (alpha < 1 || alpha > 64) {
        throw CliFailure.usage("--alpha must be 1 to 64");
      }
      opts = opts.withAlpha(alpha);
    }
    ModelPack pack;
    try {
      pack = ModelPack.defaultPack();
    } catch (ModelPackException e) {
      throw CliFailure.io("face models unavailable: " + e.getMessage());
    }
    var err = spec.commandLine().getErr();
    ProgressBar bar = System.console() != null ? new ProgressBar(err, "face eval") : null;
    EvalReport report;
    try {
      report = new FaceEval(pack).run(faces, opts, bar == null ? ProgressListener.NONE : bar);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    } finally {
      if (bar != null) {
        bar.finish();
      }
    }
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(report.toJson());
    } else {
      out.print(report.summary());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
