package io.mip.cli.kyc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mip.cli.CliFailure;
import io.mip.cli.NodeUriOption;
import io.mip.cli.passport.Holder;
import io.mip.cli.passport.HolderOptions;
import io.mip.credential.sdjwt.SdJwt;
import io.mip.ledger.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mip credential list|present|verify}: the holder's and a verifier's command line. */
@Command(
    name = "credential",
    mixinStandardHelpOptions = true,
    description = "Credentials: list stored ones, present chosen claims, verify a presentation.",
    subcommands = {
      CredentialCommand.ListCredentials.class,
      CredentialCommand.Present.class,
      CredentialCommand.Verify.class
    })
public final class CredentialCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (list, present, verify)");
  }

  /** {@code mip credential list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored credentials.")
  static final class ListCredentials implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin StoreOption store;

    @Override
    public Integer call() {
      CredentialStore s = store.open();
      for (Path p : s.list()) {
        String id = p.getFileName().toString().replace(".sd-jwt", "");
        SdJwt c = s.load(p.toString());
        spec.commandLine()
            .getOut()
            .println(id + "  claims: " + String.join(", ", c.disclosableClaims()));
      }
      return 0;
    }
  }

  /**
   * {@code mip credential present [ID] --disclose a,b --nonce N --aud A} as a passport ({@code
   * --passport FILE --face IMG... --pin-stdin}; without ID, the credential beside the passport) or
   * a DID key file ({@code --key FILE}). The KB-JWT is signed by the holder's key after the unlock.
   */
  @Command(
      name = "present",
      mixinStandardHelpOptions = true,
      description = "Print a presentation (SD-JWT+KB) disclosing only the chosen claims.")
  static final class Present implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "ID",
        description =
            "Credential id (see list) or file; with --passport, default: the credential beside"
                + " the passport.")
    String credential;

    @Option(names = "--disclose", split = ",", description = "Claims to disclose (comma list).")
    List<String> disclose;

    @Option(names = "--nonce", required = true, description = "The verifier's nonce.")
    String nonce;

    @Option(names = "--aud", required = true, description = "The verifier's identifier.")
    String aud;

    @Mixin HolderOptions who;
    @Mixin StoreOption store;

    @Override
    public Integer call() {
      SdJwt c = load();
      Set<String> chosen = new LinkedHashSet<>(disclose == null ? List.of() : disclose);
      if (!c.disclosableClaims().containsAll(chosen)) {
        throw CliFailure.usage(
            "the credential cannot disclose "
                + chosen.stream().filter(n -> !c.disclosableClaims().contains(n)).toList()
                + "; it has "
                + c.disclosableClaims());
      }
      try (Holder holder = who.open()) {
        PassportCredential.requireBoundTo(c, holder.signingKey(), holder.did());
        spec.commandLine()
            .getOut()
            .println(
                SdJwt.present(c, chosen, holder.signer(), nonce, aud, Instant.now()).serialize());
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(e.getMessage());
      }
      return 0;
    }

    private SdJwt load() {
      if (credential != null) {
        return store.open().load(credential);
      }
      return who.passportFile()
          .map(PassportCredential::load)
          .orElseThrow(
              () ->
                  CliFailure.usage("name the credential (see mip credential list) or --passport"));
    }
  }

  /** {@code mip credential verify --nonce N --aud A PRESENTATION|@FILE}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Verify a presentation with a node (exit 1 with the reason if it fails).")
  static final class Verify implements Callable<Integer> {
    @Parameters(index = "0", description = "The presentation, or @FILE.")
    String presentation;

    @Option(names = "--nonce", required = true, description = "The nonce you gave the holder.")
    String nonce;

    @Option(names = "--aud", required = true, description = "Your identifier (the KB-JWT aud).")
    String aud;

    @Spec CommandSpec spec;
    @Mixin NodeUriOption node;

    @Override
    public Integer call() throws IOException {
      String p =
          presentation.startsWith("@")
              ? Files.readString(Path.of(presentation.substring(1)), StandardCharsets.US_ASCII)
                  .strip()
              : presentation;
      ObjectNode body = Operation.json().createObjectNode();
      body.put("presentation", p);
      body.put("nonce", nonce);
      body.put("audience", aud);
      NodeHttp.Answer a = new NodeHttp(node).post("/credentials/verify", body);
      if (!a.ok()) {
        throw CliFailure.refused(a.problem());
      }
      if (!a.body().path("valid").asBoolean()) {
        throw CliFailure.refused(
            "invalid: "
                + a.body().path("reason").asText()
                + " ("
                + a.body().path("detail").asText()
                + ")");
      }
      spec.commandLine().getOut().println("valid: " + a.body().path("claims"));
      return 0;
    }
  }
}
