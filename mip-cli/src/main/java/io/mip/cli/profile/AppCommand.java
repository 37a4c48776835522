package io.mip.cli.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.mip.cli.CliFailure;
import io.mip.cli.did.DidKeyFile;
import io.mip.ledger.Operation;
import io.mip.profile.app.AppOperations;
import io.mip.profile.app.AppRegistration;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mip app}: make a DID an app the profile and login accept. */
@Command(
    name = "app",
    mixinStandardHelpOptions = true,
    description = "Register apps (relying parties).",
    subcommands = {AppCommand.RegisterCommand.class})
public final class AppCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (register)");
  }

  /** {@code mip app register}. */
  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description =
          "Submit an app.register operation for --did (the app's DID, created with mip did"
              + " create), signed with its key.")
  static final class RegisterCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin PartyOptions party;

    @Option(names = "--name", required = true, description = "Name people see when granting.")
    String name;

    @Option(
        names = "--redirect-uri",
        paramLabel = "URI",
        description = "A redirect URI for Sign in with MIP (repeatable).")
    List<String> redirectUris = new ArrayList<>();

    @Override
    public void run() {
      DidKeyFile keys = party.keyFile();
      AppRegistration reg;
      try {
        reg = new AppRegistration(keys.did(), name, redirectUris);
      } catch (IllegalArgumentException e) {
        throw CliFailure.usage(e.getMessage());
      }
      Operation op = AppOperations.register(reg, keys.current().signing());
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<byte[]> r;
      try {
        r =
            client.send(
                HttpRequest.newBuilder(party.node().resolve("/ledger/operations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(op.canonicalBytes()))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw CliFailure.io("node " + party.node() + " unreachable: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CliFailure.io("interrupted");
      }
      if (r.statusCode() != 201) {
        String detail;
        try {
          JsonNode body = Operation.json().readTree(r.body());
          detail = body.path("type").asText("") + ": " + body.path("detail").asText("");
        } catch (IOException e) {
          detail = "status " + r.statusCode();
        }
        throw CliFailure.refused("registration refused: " + detail);
      }
      spec.commandLine().getOut().printf("registered app %s (%s)%n", keys.did(), name);
    }
  }
}
